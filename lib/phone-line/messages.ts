/**
 * The refusal codes of lib/phone-line (the phone line's call sheets) and their words, merged into
 * the one mapper (lib/errors/messages.ts). Codes are `area.what_happened`.
 */
export const PHONE_LINE_MESSAGES = {
  "phone_call.not_a_line": () => "Cette offre n'est pas une ligne téléphonique de la structure : rechargez la page des appels.",
  "phone_call.category_unknown": () => "Cette catégorie ne fait pas partie de la liste du territoire : choisissez-en une dans la liste.",
  "phone_call.offer_unknown": () => "Cette offre n'est pas une offre publiée du territoire : choisissez-en une dans la liste.",
  "phone_call.appointment_unknown": () =>
    "Ce rendez-vous n'a pas été pris pendant cet appel pour cette offre : choisissez-en un dans la liste, ou prenez-le d'abord.",
  "phone_call.already_ended": () => "Cet appel est déjà terminé.",
  "phone_call.has_transfer": ({ code }: { code: string }) => `Un transfert (${code}) a été créé depuis cet appel : l'issue est « orientée vers un partenaire ».`,
} satisfies Record<string, (params: never) => string>;

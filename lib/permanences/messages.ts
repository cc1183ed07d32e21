/**
 * The refusal codes of lib/permanences (and of the territory's short lists' editor, lib/territory-lists)
 * and their words, merged into the one mapper (lib/errors/messages.ts): `PERMANENCE_MESSAGES` for the
 * workspace (French), `PERMANENCE_PUBLIC_MESSAGES` for what a public page can show (fr, en, ar).
 * Codes are `area.what_happened`.
 */
export const PERMANENCE_MESSAGES = {
  "permanence.not_an_occurrence": () =>
    "Cette permanence n'a pas lieu à cette date et à cette heure (horaires changés, fermeture ou jour férié). Rechargez la liste des permanences.",
  "permanence.time_outside": ({ hours }: { hours: string }) => `Choisissez une heure pendant la permanence : ${hours}.`,
  "permanence.time_required": () => "Indiquez l'heure du passage, ou cochez « sans inscription ».",
  "permanence.sheet_closed": () =>
    "La permanence est terminée : cette ligne ne se modifie plus et ne se supprime plus. Notez plutôt ce qui s'est passé (catégorie et suite donnée).",
  "permanence.outcome_too_early": ({ day }: { day: string }) => `La suite donnée se note à partir du jour de la permanence (${day}).`,
  "permanence.category_unknown": () => "Cette catégorie ne fait pas partie de la liste du territoire : choisissez-en une dans la liste.",
  "permanence.line_has_transfer": ({ code }: { code: string }) =>
    `Un transfert (${code}) a été créé depuis cette ligne : elle reste sur la feuille. Modifiez-la si besoin.`,
  "territory_list.label_taken": () => "Ce libellé existe déjà dans cette liste (peut-être archivé) : choisissez-en un autre, ou restaurez l'ancien.",
} satisfies Record<string, (params: never) => string>;

export const PERMANENCE_PUBLIC_MESSAGES = { fr: {}, en: {}, ar: {} } satisfies Record<"fr" | "en" | "ar", Record<string, (params: never) => string>>;

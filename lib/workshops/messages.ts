/**
 * The refusal codes of lib/workshops and their words, merged into the one mapper
 * (lib/errors/messages.ts): `WORKSHOP_MESSAGES` for the organiser (French), `WORKSHOP_PUBLIC_MESSAGES`
 * for the resident's pages (fr, en, ar). Codes are `area.what_happened`.
 */
export const WORKSHOP_MESSAGES = {
  "workshop.offer_unknown": () => "Choisissez une des offres de la structure.",
  "workshop.place_unknown": () => "Choisissez un des lieux de l'offre ou de la structure.",
  "workshop.in_the_past": () => "Cette date et cette heure sont déjà passées : choisissez un moment à venir.",
  "workshop.already_cancelled": () => "Cet atelier est annulé : on ne peut plus y inscrire personne.",
  "workshop.already_changed": () => "Quelqu'un vient de traiter cette inscription : rechargez la page pour voir où elle en est.",
  "workshop.not_started": () => "La présence se note une fois l'atelier commencé.",
} satisfies Record<string, (params: never) => string>;

export const WORKSHOP_PUBLIC_MESSAGES = {
  fr: {
    "workshop.closed": () => "Cet atelier ne prend plus de demandes en ligne : appelez la structure.",
    "workshop.rate_limited": ({ minutes }: { minutes: number }) => `Trop de demandes d'un coup. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`,
    "workshop.link_used": () => "Cette inscription est déjà annulée.",
  },
  en: {
    "workshop.closed": () => "This workshop no longer takes requests online: please call the organisation.",
    "workshop.rate_limited": ({ minutes }: { minutes: number }) => `Too many requests at once. Please try again in ${minutes} minute${minutes > 1 ? "s" : ""}.`,
    "workshop.link_used": () => "This registration is already cancelled.",
  },
  ar: {
    "workshop.closed": () => "لم تعد هذه الورشة تقبل الطلبات عبر الإنترنت: اتصل بالهيئة.",
    "workshop.rate_limited": ({ minutes }: { minutes: number }) => `طلبات كثيرة في وقت واحد. أعد المحاولة بعد ${minutes} دقيقة.`,
    "workshop.link_used": () => "هذا التسجيل ملغى بالفعل.",
  },
} satisfies Record<"fr" | "en" | "ar", Record<string, (params: never) => string>>;

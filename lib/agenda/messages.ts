/**
 * The refusal codes of lib/agenda and their words, merged into the one mapper
 * (lib/errors/messages.ts): `AGENDA_MESSAGES` for the workspace (French), `AGENDA_PUBLIC_MESSAGES`
 * for what a public page can show (fr, en, ar). Codes are `area.what_happened`. The params are
 * already said in French by lib/agenda/rules.ts (days, hours, half-days), so each message only
 * puts them in a sentence that says what to change.
 */
export const AGENDA_MESSAGES = {
  "agenda.pattern_overlap": ({ whose, existing }: { whose: "votre" | "son"; existing: string }) =>
    `Ce créneau chevauche ${whose} créneau du ${existing}. Choisissez d'autres heures ou un autre jour, ou changez d'abord l'autre créneau.`,
  "agenda.outside_hours": ({ day, hours }: { day: string; hours: string }) =>
    `En dehors des horaires de l'offre à ce lieu : le ${day}, ${hours}. Choisissez des heures comprises dans ces horaires.`,
  "agenda.place_not_of_offer": () => "Cette offre ne se tient pas dans ce lieu : choisissez l'un de ses lieux, ou « par téléphone / à distance ».",
  "agenda.validity_past": () => "Cette date de fin est passée : choisissez une date à venir, ou laissez vide.",
  "agenda.over_capacity": ({ week, halfDays, limit }: { week: string; halfDays: string[]; limit: number }) =>
    `La structure limite les rendez-vous à ${limit} demi-journée${limit > 1 ? "s" : ""} par semaine et par personne. ` +
    `Avec ce créneau, la semaine du ${week} en compterait ${halfDays.length} : ${halfDays.join(", ")}. ` +
    `Choisissez une demi-journée déjà occupée, retirez un autre créneau, ou demandez à un administrateur de changer la limite.`,
  "agenda.absence_has_appointments": ({ appointments }: { appointments: string[] }) =>
    `Des rendez-vous sont déjà pris pendant cette absence : ${appointments.join(" ; ")}. Déplacez-les ou annulez-les d'abord, puis enregistrez l'absence.`,
  "agenda.capacity_below_published": ({ limit, mediators }: { limit: number; mediators: string[] }) =>
    `Limite non enregistrée : des créneaux publiés dépassent ${limit} demi-journée${limit > 1 ? "s" : ""} par semaine — ${mediators.join(" ; ")}. ` +
    `Retirez d'abord ces créneaux, ou choisissez une limite plus haute.`,
} satisfies Record<string, (params: never) => string>;

export const AGENDA_PUBLIC_MESSAGES = { fr: {}, en: {}, ar: {} } satisfies Record<"fr" | "en" | "ar", Record<string, (params: never) => string>>;

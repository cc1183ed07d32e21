/**
 * The refusal codes of lib/appointments and their words, merged into the one mapper
 * (lib/errors/messages.ts): `APPOINTMENT_MESSAGES` for the workspace (French), `APPOINTMENT_PUBLIC_MESSAGES`
 * for what a public page can show (fr, en, ar). Codes are `area.what_happened`.
 */
import type { NotASlotReason } from "./why-not";

const NOT_A_SLOT_WORDS: Record<NotASlotReason, string> = {
  past: "l'heure est passée",
  mediator_absent: "la personne qui reçoit est absente ce jour-là",
  holiday: "c'est un jour férié, le lieu est fermé",
  place_closed: "le lieu est fermé ce jour-là",
  outside_hours: "c'est en dehors des horaires de l'offre à ce lieu",
  not_offered: "la personne qui reçoit ne propose pas de rendez-vous à cette heure",
};

export const APPOINTMENT_MESSAGES = {
  "appointment.slot_taken": ({ next }: { next: number }) =>
    next > 0
      ? "Ce créneau vient d'être pris par quelqu'un d'autre. Choisissez l'un des créneaux suivants, proposés ci-dessous."
      : "Ce créneau vient d'être pris par quelqu'un d'autre, et aucun autre créneau n'est libre dans les semaines qui viennent.",
  "appointment.slot_past": () => "Ce créneau est déjà passé : choisissez un créneau à venir.",
  "appointment.not_a_slot": ({ why }: { why: NotASlotReason }) => `Ce créneau n'est pas proposé : ${NOT_A_SLOT_WORDS[why]}. Choisissez l'un des créneaux affichés.`,
  "appointment.offer_gone": () => "Cette offre n'est plus publiée : plus aucun rendez-vous ne peut y être pris.",
  "appointment.already_handled": () => "Ce rendez-vous a déjà été traité entre-temps (annulé, déplacé ou marqué) : rechargez la page pour voir son état.",
  "appointment.not_started": () => "Ce rendez-vous n'a pas encore commencé : vous pourrez indiquer si la personne est venue à partir de son heure de début.",
  "appointment.transfer_not_bookable": () =>
    "Un rendez-vous ne peut être pris que dans une orientation accompagnée envoyée et pas encore close, vers une offre précise.",
  "appointment.series_skills_missing": () => "Choisissez au moins une compétence à travailler.",
} satisfies Record<string, (params: never) => string>;

export const APPOINTMENT_PUBLIC_MESSAGES = { fr: {}, en: {}, ar: {} } satisfies Record<"fr" | "en" | "ar", Record<string, (params: never) => string>>;

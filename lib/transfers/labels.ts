/**
 * The words of transfers, in French, for every page and email. One place, so the inbox, the
 * timeline, the fiche navette and the emails say the same thing.
 */
import type {
  DeclineReason,
  DigitalEase,
  SupportGoal,
  TransferDifficulty,
  TransferLevel,
  TransferOutcome,
  TransferStatus,
  TransferUrgency,
} from "@/lib/generated/prisma/enums";
import type { TransferCommand } from "./state-machine";

export const LEVEL_LABELS: Record<TransferLevel, { label: string; hint: string }> = {
  simple: { label: "Transfert simple", hint: "La personne reçoit l'information et se rend elle-même chez le partenaire, qui n'est pas prévenu." },
  accompanied: { label: "Transfert accompagné", hint: "Le partenaire est prévenu et invité à accueillir la personne (rendez-vous possible)." },
  augmented: {
    label: "Transfert augmenté",
    hint: "En plus, le partenaire reçoit tout ce qu'il faut pour que la personne n'ait pas à réexpliquer sa demande.",
  },
};

export const STATUS_LABELS: Record<TransferStatus, string> = {
  draft: "Brouillon",
  sent: "Envoyé",
  acknowledged: "Bien reçu",
  accepted: "Accepté",
  completed: "Terminé",
  declined: "Refusé",
  cancelled: "Annulé",
  expired: "Expiré (sans réponse)",
};

/** The button of each command, and the timeline's sentence ("… par Marie, France Services"). */
export const COMMAND_LABELS: Record<TransferCommand, { button: string; done: string }> = {
  send: { button: "Envoyer le transfert", done: "Transfert envoyé" },
  acknowledge: { button: "Bien reçu", done: "Réception confirmée (« bien reçu »)" },
  accept: { button: "Accepter", done: "Transfert accepté" },
  decline: { button: "Refuser", done: "Transfert refusé" },
  cancel: { button: "Annuler le transfert", done: "Transfert annulé" },
  complete: { button: "Clore et noter le résultat", done: "Transfert terminé" },
  expire: { button: "Expirer", done: "Transfert expiré faute de réponse" },
};

export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  not_eligible: "La personne ne remplit pas les conditions",
  no_capacity: "Plus de place pour le moment",
  out_of_area: "Hors de notre secteur",
  missing_information: "Il manque des informations",
  person_unreachable: "Personne injoignable",
  duplicate: "Doublon d'un autre transfert",
  other: "Autre raison (précisez)",
};

export const OUTCOME_LABELS: Record<TransferOutcome, string> = {
  resolved: "Résolu",
  partially_resolved: "Partiellement résolu",
  not_resolved_no_show: "Non résolu — la personne n'est pas venue",
  not_resolved_unreachable: "Non résolu — personne injoignable",
  not_resolved_referred_elsewhere: "Non résolu — orientée ailleurs",
  unknown: "Résultat inconnu",
};

export const DIFFICULTY_LABELS: Record<TransferDifficulty, string> = {
  simple: "Simple",
  moderate: "Moyenne",
  complex: "Complexe",
};

export const URGENCY_LABELS: Record<TransferUrgency, string> = {
  low: "Pas urgent",
  normal: "Dans les prochaines semaines",
  urgent: "Urgent",
};

export const DIGITAL_EASE_LABELS: Record<DigitalEase, string> = {
  none: "N'utilise pas le numérique",
  beginner: "Débutant",
  basic: "Se débrouille pour l'essentiel",
  autonomous: "À l'aise, a besoin d'un coup de main ponctuel",
};

export const SUPPORT_GOAL_LABELS: Record<SupportGoal, string> = {
  immediate: "Répondre à l'urgence (faire avec ou à la place)",
  autonomy: "Gagner en autonomie",
  both: "Les deux : l'urgence d'abord, puis l'autonomie",
};

export const EQUIPMENT_LABELS = {
  smartphone: "Smartphone",
  computer: "Ordinateur",
  tablet: "Tablette",
  internet: "Connexion internet à domicile",
  email_address: "Adresse électronique",
  none: "Aucun équipement",
} as const;

/** What the person may agree to share beyond a first name or nickname. */
export const CONSENT_SCOPE_LABELS = {
  contact: "Ses coordonnées (téléphone, courriel)",
  language: "Sa langue de préférence",
  accessibility: "Ses besoins d'accessibilité",
} as const;
export type ConsentScope = keyof typeof CONSENT_SCOPE_LABELS;

/**
 * The timeline's sentence for the scheduled worker's reminders (TransferEvent.type; actor null,
 * shown as "Toile (automatique)"). Written by lib/transfers/timers.ts.
 */
export const REMINDER_EVENT_LABELS = {
  "reminder.acknowledge": "Rappel envoyé à la structure qui reçoit : réception pas encore confirmée",
  "reminder.accept": "Rappel envoyé à la structure qui reçoit, copie à la coordination : ni accepté ni refusé",
} as const;
export type ReminderEventType = keyof typeof REMINDER_EVENT_LABELS;

/** The timeline's sentence for an appointment booked inside the transfer (lib/appointments/commands.ts). */
export const APPOINTMENT_EVENT_LABELS = {
  "appointment.booked": "Rendez-vous pris",
  "appointment.rescheduled": "Rendez-vous déplacé",
  "appointment.cancelled": "Rendez-vous annulé",
  "appointment.attended": "La personne est venue au rendez-vous",
  "appointment.no_show": "La personne n'est pas venue au rendez-vous",
} as const;

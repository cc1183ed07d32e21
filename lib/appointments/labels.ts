/** The words of an appointment's status, for the workspace (French). */
import type { AppointmentStatus } from "@/lib/generated/prisma/enums";

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  held: "Proposé (liste d'attente)",
  booked: "Pris",
  cancelled: "Annulé",
  attended: "Venu",
  no_show: "Pas venu",
};

/** What an appointment page says after a command (`?fait=`). */
export const DONE_MESSAGES: Record<string, string> = {
  pris: "Rendez-vous pris.",
  deplace: "Rendez-vous déplacé : voici le nouveau.",
  annule: "Rendez-vous annulé.",
  venu: "C'est noté : la personne est venue.",
  absent: "C'est noté : la personne n'est pas venue.",
};

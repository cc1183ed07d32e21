/**
 * What a resident registered for a workshop receives (French, plain text, through the outbox in
 * the transaction of the change). No personal data in subjects; the first name only in the body.
 * The link to cancel was given once, when the person asked (only its hash is kept): these emails
 * remind them to use it or to call.
 */
const when = (startsAt: Date, timeZone: string) =>
  new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone }).format(startsAt);

export type SeatNews = "requested" | "confirmed" | "waitlisted" | "moved_up" | "declined" | "session_cancelled";

const SUBJECTS: Record<SeatNews, string> = {
  requested: "Demande de place reçue",
  confirmed: "Votre place est confirmée",
  waitlisted: "Vous êtes sur la liste d'attente",
  moved_up: "Une place s'est libérée pour vous",
  declined: "Votre demande de place n'a pas été retenue",
  session_cancelled: "Atelier annulé",
};

export function seatEmail(input: { what: SeatNews; personLabel: string; theme: string; startsAt: Date; timeZone: string; link?: string; reason?: string }) {
  const workshop = `l'atelier « ${input.theme} » du ${when(input.startsAt, input.timeZone)}`;
  const body: Record<SeatNews, string> = {
    requested: `Votre demande de place pour ${workshop} est bien reçue. L'animateur vous confirmera votre place.`,
    confirmed: `Votre place pour ${workshop} est confirmée. À bientôt !`,
    waitlisted: `${workshop[0]!.toUpperCase()}${workshop.slice(1)} est complet : vous êtes sur la liste d'attente. Si une place se libère, elle est pour vous et vous recevrez un courriel.`,
    moved_up: `Une place s'est libérée : vous êtes inscrit(e) à ${workshop}.`,
    declined: `Votre demande de place pour ${workshop} n'a pas été retenue.`,
    session_cancelled: `${workshop[0]!.toUpperCase()}${workshop.slice(1)} est annulé${input.reason ? ` : ${input.reason}` : "."}`,
  };
  return {
    subject: `${SUBJECTS[input.what]} — Toile`,
    text: [
      `Bonjour ${input.personLabel},`,
      "",
      body[input.what],
      "",
      input.link ? `Pour voir votre demande ou l'annuler :\n${input.link}` : "Si vous ne pouvez pas venir, annulez avec le lien reçu lors de votre demande, ou prévenez l'animateur : la place ira à quelqu'un d'autre.",
      "",
      "— Toile",
    ].join("\n"),
  };
}

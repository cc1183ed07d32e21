/**
 * The phone line's pure rules: the words of outcomes, a call's duration, the situation the
 * orientation assistant ranks for (from the call's quick 3-A), and the message a mediator reads
 * aloud or sends to someone told to come to a permanence ("Venez à …, le …. Apportez : …").
 * The database side is lib/phone-line/calls.ts.
 */
import type { PhoneCallOutcome } from "@/lib/generated/prisma/enums";
import { formatDay, formatTime, WEEKDAY_NAMES } from "@/lib/hours/format";
import { localTime } from "@/lib/hours/rules";
import { EMPTY_SITUATION, type AgeBand, type Difficulty, type DigitalEase, type Equipment, type Posture, type Situation, type Urgency } from "@/lib/orientation/situation";

export const OUTCOME_LABELS: Record<PhoneCallOutcome, string> = {
  answered_on_phone: "Réponse donnée au téléphone",
  come_to_permanence: "Invitée à venir à une permanence",
  appointment_given: "Rendez-vous donné",
  redirected: "Orientée vers un partenaire",
  other: "Autre",
};

export const OUTCOMES = Object.keys(OUTCOME_LABELS) as [PhoneCallOutcome, ...PhoneCallOutcome[]];

export const POSTURE_LABELS: Record<Posture, string> = {
  "apprendre-a-faire": "Apprendre à le faire seule",
  "faire-avec": "Le faire avec elle",
  "faire-a-la-place": "Le faire à sa place",
};

/** How the message was sent, besides being read aloud. */
export const MESSAGE_CHANNELS = ["sms", "email"] as const;

/** Seconds between the start and the end, never negative. */
export const durationSeconds = (startedAt: Date, endedAt: Date) => Math.max(0, Math.round((endedAt.getTime() - startedAt.getTime()) / 1000));

/** "4 min 05 s", "45 s". */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes === 0 ? `${rest} s` : `${minutes} min ${String(rest).padStart(2, "0")} s`;
}

/** What the call sheet's analysis holds (the PhoneCall's columns). */
export interface CallAnalysis {
  request: string;
  needSlug: string | null;
  difficulty: Difficulty | null;
  urgency: Urgency | null;
  /** A day, "YYYY-MM-DD". */
  deadline: string | null;
  digitalEase: DigitalEase | null;
  equipment: string[];
  posture: string | null;
  ageBand: string | null;
  commune: string | null;
  distance: number | null;
}

/**
 * The situation the assistant ranks for: the need chosen, else the request's words (matched with
 * the search's synonyms); the rest of the 3-A as the assistant reads it. Values the assistant does
 * not know are left out, as a URL would drop them.
 */
export function situationFromCall(call: CallAnalysis): Situation {
  return {
    ...EMPTY_SITUATION,
    besoin: call.needSlug,
    q: call.needSlug ? "" : call.request.trim(),
    commune: call.commune,
    distance: call.distance,
    ageBand: (call.ageBand as AgeBand | null) ?? null,
    urgence: call.urgency,
    difficulte: call.difficulty,
    echeance: call.deadline,
    aisance: call.digitalEase,
    equipement: call.equipment as Equipment[],
    objectif: (call.posture as Posture | null) ?? null,
  };
}

/** "mardi 8 décembre à 9 h 00", in the territory's time zone. */
export function describeInstant(instant: Date, timeZone: string): string {
  const local = localTime(instant, timeZone);
  return `${WEEKDAY_NAMES[local.weekday - 1]} ${formatDay(local.date)} à ${formatTime(local.minute)}`;
}

export interface ComeMessageInput {
  offerTitle: string;
  structureName: string;
  place: { name: string; address: string; postalCode: string; communeName: string } | null;
  /** The next opening of the offer at that place (`until`: open now, until then); null when none is known. */
  nextOpening: { at: Date; appointmentOnly: boolean; until?: Date } | null;
  documents: string[];
  timeZone: string;
}

/**
 * The message for someone told to come: where, when (the next opening), what to bring. Plain
 * sentences, short enough to be read aloud; the mediator may change it before reading or sending.
 */
export function comeMessage(input: ComeMessageInput): string {
  const where = input.place
    ? `Venez à ${input.place.name} (${input.place.address}, ${input.place.postalCode} ${input.place.communeName})`
    : `Contactez ${input.structureName}`;
  const opening = input.nextOpening;
  const when = !opening
    ? ", aux heures d'ouverture"
    : `${opening.until ? `, aujourd'hui jusqu'à ${formatTime(localTime(opening.until, input.timeZone).minute)}` : `, le ${describeInstant(opening.at, input.timeZone)}`}${opening.appointmentOnly ? " (sur rendez-vous)" : ""}`;
  const what = ` : ${input.offerTitle} (${input.structureName}).`;
  const documents = input.documents.map((label) => label.trim()).filter(Boolean);
  const bring = documents.length ? ` Apportez : ${documents.join(", ")}.` : " Pas de document particulier à apporter.";
  return `${where}${when}${what}${bring}`;
}

/**
 * The opening-hours form: one schema for the browser (react-hook-form) and the server action.
 * Rows are posted with dotted names ("slots.3.closes"); entirely blank rows are ignored (the page
 * offers blank rows to fill in without JavaScript), and every message is attached to the exact
 * field it is about, by the row's index as posted, so it shows next to that field.
 */
import { z } from "zod";
import { checkbox, text } from "@/lib/forms/fields";
import { formatTime, WEEKDAY_NAMES } from "./format";
import type { Exception, HolidayRule, Slot } from "./rules";

const MAX_SLOTS = 50;
const MAX_EXCEPTIONS = 50;
export const LABEL_MAX = 80;
/** Posted rows, blank ones included (the page adds one blank row per day and two blank exceptions). */
const MAX_ROWS = 120;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;
const MAX_EXCEPTION_DAYS = 366;

export const HOLIDAY_CHOICES = ["closed", "open_as_usual", "unknown", "same_as_place"] as const;
export type HolidayChoice = (typeof HOLIDAY_CHOICES)[number];

const id = z.uuid("Identifiant invalide.");
const owner = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("place"), placeId: id }),
  z.object({ kind: z.literal("offerPlace"), offerId: id, placeId: id }),
  z.object({ kind: z.literal("offer"), offerId: id }),
]);
export type HoursOwner = z.output<typeof owner>;

const field = z.string().optional().default("");

const slotRow = z.object({
  // Posted (and held by the form) as text.
  weekday: z.coerce.number<string>().int().min(1).max(7),
  opens: field,
  closes: field,
  appointmentOnly: checkbox,
});

const exceptionRow = z.object({
  startsOn: field,
  endsOn: field,
  kind: z.enum(["closed", "special"]).optional().default("closed"),
  opens: field,
  closes: field,
  label: field,
});

const rows = <T extends z.ZodType>(row: T) =>
  z.array(row).max(MAX_ROWS, `${MAX_ROWS} lignes au plus.`).optional().default([]);

export const hoursFieldsSchema = z.object({
  structureId: id,
  /** A hash of the hours as they were when the form was loaded: a save in between is a conflict. */
  version: z.string().min(1),
  owner,
  /** For an offer at a place: the place's hours, or the offer's own. */
  hoursSource: z.enum(["place", "own"]).optional(),
  publicHolidays: z.enum(HOLIDAY_CHOICES).optional(),
  slots: rows(slotRow),
  exceptions: rows(exceptionRow),
});
type RawHours = z.output<typeof hoursFieldsSchema>;

export interface CheckedHours {
  usesPlaceHours: boolean;
  slots: Slot[];
  exceptions: Exception[];
  /** null: the place's rule (an offer at a place), or none (an offer with no place). */
  publicHolidays: HolidayRule | null;
}

interface Issue {
  path: (string | number)[];
  message: string;
}

const TIME = /^(\d{1,2})\s*[:hH]\s*(\d{2})?(?::\d{2})?$/;

/** Minutes after midnight of "09:30" (also "9h30", "9 h"); a closing time of 00:00 or 24:00 is midnight. */
export function parseTime(value: string, closing = false): number | null {
  const match = TIME.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (closing && minutes === 0 && (hours === 0 || hours === 24)) return 24 * 60;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** "09:30" for the time inputs; midnight as a closing time is "00:00". */
export function timeInputValue(minute: number): string {
  const within = minute % (24 * 60);
  return `${String(Math.floor(within / 60)).padStart(2, "0")}:${String(within % 60).padStart(2, "0")}`;
}

/** "YYYY-MM-DD" (date inputs) or "DD/MM/YYYY" (typed by hand) → "YYYY-MM-DD", or null. */
export function parseDate(value: string): string | null {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : french
      ? [Number(french[3]), Number(french[2]), Number(french[1])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const isBlank = (...values: string[]) => values.every((value) => value.trim() === "");

const MESSAGES = {
  badTime: "Heure non reconnue : écrivez-la ainsi : 09:30.",
  opensMissing: "Indiquez l'heure d'ouverture.",
  closesMissing: "Indiquez l'heure de fermeture.",
  slotInverted:
    "La fermeture doit être après l'ouverture. Pour une ouverture qui passe minuit, faites deux créneaux : " +
    "l'un jusqu'à 00:00, l'autre à partir de 00:00 le jour suivant.",
  specialInverted: "La fermeture doit être après l'ouverture.",
  startsMissing: "Indiquez la date de début.",
  badDate: "Date non reconnue : choisissez un jour (exemple : 24/12/2026).",
  dateOutOfRange: `Choisissez une date entre ${FIRST_YEAR} et ${LAST_YEAR}.`,
  endsBeforeStart: "La fin de la période est avant son début.",
  tooLong:
    "Une exception dure un an au plus : pour un changement durable, modifiez plutôt les horaires de la semaine.",
  labelMissing: "Indiquez le motif (par exemple « congés » ou « travaux »).",
  tooManySlots: `${MAX_SLOTS} créneaux au plus.`,
  tooManyExceptions: `${MAX_EXCEPTIONS} exceptions au plus.`,
  ownNeedsSlot: "Indiquez au moins un créneau, ou choisissez « mêmes horaires que le lieu ».",
  holidayMissing: "Choisissez ce qui se passe les jours fériés.",
} as const;

function readTime(value: string, closing: boolean, path: Issue["path"], missing: string, issues: Issue[]) {
  if (value.trim() === "") {
    issues.push({ path, message: missing });
    return null;
  }
  const minute = parseTime(value, closing);
  if (minute === null) issues.push({ path, message: MESSAGES.badTime });
  return minute;
}

function readDate(value: string, path: Issue["path"], issues: Issue[]) {
  const date = parseDate(value);
  if (!date) issues.push({ path, message: MESSAGES.badDate });
  else if (Number(date.slice(0, 4)) < FIRST_YEAR || Number(date.slice(0, 4)) > LAST_YEAR) {
    issues.push({ path, message: MESSAGES.dateOutOfRange });
    return null;
  }
  return date;
}

function checkSlots(raw: RawHours["slots"], issues: Issue[]): Slot[] {
  const slots: (Slot & { index: number })[] = [];
  raw.forEach((row, index) => {
    if (isBlank(row.opens, row.closes)) return;
    const opens = readTime(row.opens, false, ["slots", index, "opens"], MESSAGES.opensMissing, issues);
    const closes = readTime(row.closes, true, ["slots", index, "closes"], MESSAGES.closesMissing, issues);
    if (opens === null || closes === null) return;
    if (closes <= opens) {
      issues.push({ path: ["slots", index, "closes"], message: MESSAGES.slotInverted });
      return;
    }
    slots.push({ index, weekday: row.weekday, opensAtMinute: opens, closesAtMinute: closes, appointmentOnly: row.appointmentOnly });
  });
  if (slots.length > MAX_SLOTS) issues.push({ path: ["slots"], message: MESSAGES.tooManySlots });

  // Overlaps: the later slot of the day (by opening, then by position) is the one flagged.
  const ordered = [...slots].sort((a, b) => a.weekday - b.weekday || a.opensAtMinute - b.opensAtMinute || a.index - b.index);
  ordered.forEach((slot, position) => {
    const other = ordered
      .slice(0, position)
      .find((earlier) => earlier.weekday === slot.weekday && earlier.closesAtMinute > slot.opensAtMinute);
    if (!other) return;
    issues.push({
      path: ["slots", slot.index, "opens"],
      message:
        `Ce créneau chevauche celui de ${formatTime(other.opensAtMinute)} à ${formatTime(other.closesAtMinute)} ` +
        `du ${WEEKDAY_NAMES[slot.weekday - 1]} : corrigez l'un des deux, ou réunissez-les en un seul créneau.`,
    });
  });
  return slots.map(({ weekday, opensAtMinute, closesAtMinute, appointmentOnly }) => ({ weekday, opensAtMinute, closesAtMinute, appointmentOnly }));
}

function checkExceptions(raw: RawHours["exceptions"], issues: Issue[]): Exception[] {
  const exceptions: Exception[] = [];
  raw.forEach((row, index) => {
    if (isBlank(row.startsOn, row.endsOn, row.opens, row.closes, row.label)) return;
    const at = (name: string) => ["exceptions", index, name];
    const before = issues.length;
    let startsOn: string | null = null;
    if (row.startsOn.trim() === "") issues.push({ path: at("startsOn"), message: MESSAGES.startsMissing });
    else startsOn = readDate(row.startsOn, at("startsOn"), issues);
    // No end date: the exception is one day.
    const endsOn = row.endsOn.trim() === "" ? startsOn : readDate(row.endsOn, at("endsOn"), issues);
    if (startsOn && endsOn && endsOn < startsOn) issues.push({ path: at("endsOn"), message: MESSAGES.endsBeforeStart });
    else if (startsOn && endsOn && daysBetween(startsOn, endsOn) >= MAX_EXCEPTION_DAYS) {
      issues.push({ path: at("endsOn"), message: MESSAGES.tooLong });
    }
    const closed = row.kind === "closed";
    let opensAtMinute: number | null = null;
    let closesAtMinute: number | null = null;
    if (!closed) {
      opensAtMinute = readTime(row.opens, false, at("opens"), MESSAGES.opensMissing, issues);
      closesAtMinute = readTime(row.closes, true, at("closes"), MESSAGES.closesMissing, issues);
      if (opensAtMinute !== null && closesAtMinute !== null && closesAtMinute <= opensAtMinute) {
        issues.push({ path: at("closes"), message: MESSAGES.specialInverted });
      }
    }
    const label = text("Motif", LABEL_MAX).safeParse(row.label);
    if (!label.success) issues.push({ path: at("label"), message: label.error.issues[0]!.message });
    else if (label.data === "") issues.push({ path: at("label"), message: MESSAGES.labelMissing });
    if (issues.length > before || !startsOn || !endsOn || !label.success) return;
    exceptions.push({ startsOn, endsOn, closed, opensAtMinute, closesAtMinute, label: label.data });
  });
  if (exceptions.length > MAX_EXCEPTIONS) issues.push({ path: ["exceptions"], message: MESSAGES.tooManyExceptions });
  return exceptions;
}

/**
 * The hours a form holds, and what is wrong with them. Rows with a problem are left out of the
 * hours (so the live preview shows what would be saved), and each problem names its field.
 */
export function checkHours(raw: RawHours): { hours: CheckedHours; issues: Issue[] } {
  const issues: Issue[] = [];
  const kind = raw.owner.kind;
  if (kind === "offerPlace" && raw.hoursSource === "place") {
    return { hours: { usesPlaceHours: true, slots: [], exceptions: [], publicHolidays: null }, issues };
  }
  const slots = checkSlots(raw.slots, issues);
  const exceptions = checkExceptions(raw.exceptions, issues);
  if (kind === "offerPlace" && slots.length === 0 && !issues.some((issue) => issue.path[0] === "slots")) {
    issues.push({ path: ["slots"], message: MESSAGES.ownNeedsSlot });
  }
  let publicHolidays: HolidayRule | null = null;
  if (kind !== "offer") {
    const choice = raw.publicHolidays;
    if (!choice || (kind === "place" && choice === "same_as_place")) {
      issues.push({ path: ["publicHolidays"], message: MESSAGES.holidayMissing });
    } else publicHolidays = choice === "same_as_place" ? null : choice;
  }
  return { hours: { usesPlaceHours: false, slots, exceptions, publicHolidays }, issues };
}

export const hoursFormSchema = hoursFieldsSchema
  .superRefine((raw, context) => {
    for (const issue of checkHours(raw).issues) context.addIssue({ code: "custom", ...issue });
  })
  .transform((raw) => ({ structureId: raw.structureId, version: raw.version, owner: raw.owner, ...checkHours(raw).hours }));

export type HoursForm = z.output<typeof hoursFormSchema>;

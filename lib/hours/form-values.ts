/**
 * The hours editor's values: from saved hours (with blank rows to fill in without JavaScript),
 * from what was posted (to show it again after a refusal), and the live preview in plain French.
 * No server-only imports: the editor (a client component) uses this file.
 */
import type { FormObject, FormValue } from "@/lib/forms/form-data";
import { describeHours } from "./format";
import type { Exception, HolidayRule, Slot } from "./rules";
import { checkHours, hoursFieldsSchema, timeInputValue, type HolidayChoice, type HoursOwner } from "./schemas";

export interface SlotValues {
  weekday: string;
  opens: string;
  closes: string;
  appointmentOnly: boolean;
}

export interface ExceptionValues {
  startsOn: string;
  endsOn: string;
  kind: "closed" | "special";
  opens: string;
  closes: string;
  label: string;
}

export interface HoursFormValues {
  structureId: string;
  version: string;
  owner: { kind: HoursOwner["kind"]; placeId?: string; offerId?: string };
  hoursSource?: "place" | "own";
  publicHolidays?: HolidayChoice;
  slots: SlotValues[];
  exceptions: ExceptionValues[];
}

const BLANK_EXCEPTIONS = 2;

export const blankSlot = (weekday: number): SlotValues => ({ weekday: String(weekday), opens: "", closes: "", appointmentOnly: false });
export const blankException = (): ExceptionValues => ({ startsOn: "", endsOn: "", kind: "closed", opens: "", closes: "", label: "" });

/** Each day's slots then one blank slot for that day, Monday first; the exceptions then two blank ones. */
export function formValuesFromHours(args: {
  structureId: string;
  version: string;
  owner: HoursOwner;
  slots: Slot[];
  exceptions: Exception[];
  publicHolidays: HolidayChoice;
  hoursSource?: "place" | "own";
}): HoursFormValues {
  const slots: SlotValues[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (const slot of args.slots.filter((candidate) => candidate.weekday === weekday).sort((a, b) => a.opensAtMinute - b.opensAtMinute)) {
      slots.push({
        weekday: String(weekday),
        opens: timeInputValue(slot.opensAtMinute),
        closes: timeInputValue(slot.closesAtMinute),
        appointmentOnly: slot.appointmentOnly,
      });
    }
    slots.push(blankSlot(weekday));
  }
  const exceptions: ExceptionValues[] = args.exceptions.map((exception) => ({
    startsOn: exception.startsOn,
    endsOn: exception.endsOn === exception.startsOn ? "" : exception.endsOn,
    kind: exception.closed ? "closed" : "special",
    opens: exception.opensAtMinute == null ? "" : timeInputValue(exception.opensAtMinute),
    closes: exception.closesAtMinute == null ? "" : timeInputValue(exception.closesAtMinute),
    label: exception.label,
  }));
  for (let blank = 0; blank < BLANK_EXCEPTIONS; blank++) exceptions.push(blankException());
  return {
    structureId: args.structureId,
    version: args.version,
    owner: { ...args.owner },
    ...(args.hoursSource ? { hoursSource: args.hoursSource } : {}),
    publicHolidays: args.publicHolidays,
    slots,
    exceptions,
  };
}

const str = (value: FormValue | undefined) => (typeof value === "string" ? value : "");
const rowsOf = (value: FormValue | undefined): FormObject[] =>
  Array.isArray(value)
    ? (value as FormValue[]).filter((row): row is FormObject => typeof row === "object" && row !== null && !Array.isArray(row))
    : [];

/** What was posted (a refused save), as the editor's values: nothing typed is lost. */
export function formValuesFromPosted(posted: FormObject, defaults: HoursFormValues): HoursFormValues {
  const source = str(posted.hoursSource);
  const holidays = str(posted.publicHolidays);
  return {
    ...defaults,
    version: str(posted.version) || defaults.version,
    hoursSource: source === "place" || source === "own" ? source : defaults.hoursSource,
    publicHolidays: (["closed", "open_as_usual", "unknown", "same_as_place"] as const).find((choice) => choice === holidays),
    slots: rowsOf(posted.slots).map((row) => ({
      weekday: str(row.weekday),
      opens: str(row.opens),
      closes: str(row.closes),
      appointmentOnly: row.appointmentOnly === "on" || row.appointmentOnly === "true",
    })),
    exceptions: rowsOf(posted.exceptions).map((row) => ({
      startsOn: str(row.startsOn),
      endsOn: str(row.endsOn),
      kind: row.kind === "special" ? "special" : "closed",
      opens: str(row.opens),
      closes: str(row.closes),
      label: str(row.label),
    })),
  };
}

/**
 * The hours the form would save, in plain French, for the live preview: rows with a problem are
 * left out. For an offer at a place, `place` gives the place's hours in words and its holiday rule.
 */
export function previewHours(values: unknown, place: { description: string; publicHolidays: HolidayRule } | null): string {
  const raw = hoursFieldsSchema.safeParse(values);
  if (!raw.success) return "";
  const { hours } = checkHours(raw.data);
  if (hours.usesPlaceHours) return `mêmes horaires que le lieu (${place?.description ?? ""})`;
  return describeHours({ ...hours, publicHolidays: hours.publicHolidays ?? place?.publicHolidays ?? "unknown" });
}

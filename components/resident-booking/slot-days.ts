/** The booking page's slots as the form shows them: a label per day, a time and a place per slot. */
import { slotKeyOf } from "@/lib/agenda/slots";
import type { Locale } from "@/lib/i18n/locales";
import { formatDay, formatTime } from "@/lib/resident-booking/present";
import type { ShownSlot } from "@/lib/resident-booking/queries";
import type { SlotDay } from "./BookingForm";

export function slotDays(days: { date: string; slots: ShownSlot[] }[], timeZone: string, locale: Locale): SlotDay[] {
  return days.map((day) => ({
    date: day.date,
    label: formatDay(day.date, locale),
    slots: day.slots.map((slot) => ({ value: slotKeyOf(slot.mediatorId, slot.startsAt), time: formatTime(slot.startsAt, timeZone, locale), place: slot.placeName })),
  }));
}

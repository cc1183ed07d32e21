/**
 * The free slots as radio buttons grouped by day (one fieldset per day), two weeks at a time, with
 * a link to the following weeks. Plain HTML: works without JavaScript inside AppointmentForm.
 */
import Link from "next/link";
import type { SlotChoice } from "@/lib/appointments/page-data";
import { FieldMessage } from "./AppointmentForm";

export function SlotPicker({ days, nextHref, legend = "Créneau" }: { days: { date: string; label: string; slots: SlotChoice[] }[]; nextHref: string; legend?: string }) {
  return (
    <fieldset>
      <legend className="font-medium">{legend}</legend>
      {days.length === 0 ? (
        <p className="mt-1">Aucun créneau libre dans ces deux semaines.</p>
      ) : (
        days.map((day) => (
          <fieldset key={day.date} className="mt-2">
            <legend className="font-semibold capitalize">{day.label}</legend>
            <ul className="mt-1 flex flex-wrap gap-2">
              {day.slots.map((slot) => (
                <li key={slot.value}>
                  <label className="inline-flex items-center gap-1 rounded border border-slate-500 px-2 py-1">
                    <input type="radio" name="slot" value={slot.value} />
                    {slot.time} avec {slot.mediator}
                    {slot.afterDeadline && <span className="text-sm text-amber-900"> (après l&apos;échéance)</span>}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))
      )}
      <FieldMessage name="slot" />
      <p className="mt-2">
        <Link href={nextHref} className="text-accent underline">
          Semaines suivantes →
        </Link>
      </p>
    </fieldset>
  );
}

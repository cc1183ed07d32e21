"use client";

/**
 * The booking form of `/t/<slug>/offres/<id>/rendez-vous`: the free slots by day as radio buttons,
 * then (for a new booking) a first name, a way to be reached and the consent. Works without
 * JavaScript: the server answers with field errors and what was typed, and a taken slot is gone
 * from the refreshed list. `token` set: moving an existing booking (slots only).
 */
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/server-form";
import type { Locale } from "@/lib/i18n/locales";
import { bookingWords } from "@/lib/resident-booking/words";
import { ContactFields, useRefused } from "./ContactFields";

export interface SlotDay {
  date: string;
  label: string;
  slots: { value: string; time: string; place: string | null }[];
}

export function BookingForm({
  action,
  locale,
  territory,
  offerId,
  days,
  idempotencyKey,
  token,
}: {
  action: ServerAction;
  locale: Locale;
  territory: string;
  offerId: string;
  days: SlotDay[];
  idempotencyKey: string;
  token?: string;
}) {
  const t = bookingWords(locale);
  const [state, formAction, pending] = useActionState(action, null);
  const { error, value, key } = useRefused(state);
  const slotError = error("slot");
  return (
    <form action={formAction} noValidate className="space-y-6" key={key}>
      <input type="hidden" name="lang" value={locale} />
      <input type="hidden" name="territory" value={territory} />
      {token ? <input type="hidden" name="token" value={token} /> : <input type="hidden" name="offerId" value={offerId} />}
      {token ? null : <input type="hidden" name="idempotencyKey" value={idempotencyKey} />}
      <fieldset aria-describedby={slotError ? "creneau-erreur" : undefined}>
        <legend className="text-xl font-bold">{t.slotsLegend}</legend>
        {slotError ? (
          <p id="creneau-erreur" className="mt-1 font-medium text-red-800">
            {slotError}
          </p>
        ) : null}
        {days.map((day) => (
          <div key={day.date} className="mt-3">
            <p className="font-semibold first-letter:uppercase">{day.label}</p>
            <ul className="mt-1 flex flex-wrap gap-2">
              {day.slots.map((slot) => {
                const id = `creneau-${slot.value.replace(/[^0-9a-z]/gi, "")}`;
                return (
                  <li key={slot.value} className="flex items-center gap-2 rounded border border-slate-400 px-3 py-2">
                    <input type="radio" id={id} name="slot" value={slot.value} defaultChecked={value("slot") === slot.value} className="h-5 w-5" />
                    <label htmlFor={id}>
                      {slot.time}
                      {slot.place ? <span className="block text-sm" lang={locale === "fr" ? undefined : "fr"}>{t.withWhom(slot.place)}</span> : null}
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </fieldset>
      {token ? null : <ContactFields locale={locale} prefix="rdv" error={error} value={value} consent={t.consent} consentHint={t.consentHint} />}
      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
        {token ? t.confirmMove : t.confirmBooking}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

"use client";

/** "Être prévenu(e) quand un créneau se libère": an offer's waiting list, without an account or JavaScript. */
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/server-form";
import type { Locale } from "@/lib/i18n/locales";
import { bookingWords } from "@/lib/resident-booking/words";
import { ContactFields, useRefused } from "./ContactFields";

export function WaitlistForm({ action, locale, territory, offerId }: { action: ServerAction; locale: Locale; territory: string; offerId: string }) {
  const t = bookingWords(locale);
  const [state, formAction, pending] = useActionState(action, null);
  const { error, value, key } = useRefused(state);
  return (
    <form action={formAction} noValidate className="space-y-4" key={key}>
      <input type="hidden" name="lang" value={locale} />
      <input type="hidden" name="territory" value={territory} />
      <input type="hidden" name="offerId" value={offerId} />
      <ContactFields locale={locale} prefix="attente" error={error} value={value} consent={t.waitlistConsent} consentHint={t.waitlistConsentHint} />
      <button type="submit" disabled={pending} className="rounded border-2 border-accent px-4 py-2 font-semibold text-accent">
        {t.joinWaitlist}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

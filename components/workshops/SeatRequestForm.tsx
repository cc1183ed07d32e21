"use client";

/** A resident asks for a seat: first name, a way to be reached, consent, honeypot — no account, no JavaScript needed. */
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/server-form";
import { ContactFields, useRefused } from "@/components/resident-booking/ContactFields";
import type { Locale } from "@/lib/i18n/locales";
import { workshopWords } from "@/lib/workshops/words";

export function SeatRequestForm({ action, locale, territory, sessionId }: { action: ServerAction; locale: Locale; territory: string; sessionId: string }) {
  const t = workshopWords(locale);
  const [state, formAction, pending] = useActionState(action, null);
  const { error, value, key } = useRefused(state);
  return (
    <form action={formAction} noValidate className="space-y-4" key={key}>
      <input type="hidden" name="lang" value={locale} />
      <input type="hidden" name="territory" value={territory} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <ContactFields locale={locale} prefix="atelier" error={error} value={value} consent={t.consent} consentHint={t.consentHint} />
      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
        {t.send}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** The private link's one button: cancel the request or the seat. */
export function SeatCancelForm({ action, locale, territory, token }: { action: ServerAction; locale: Locale; territory: string; token: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="lang" value={locale} />
      <input type="hidden" name="territory" value={territory} />
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={pending} className="rounded border-2 border-accent px-4 py-2 font-semibold text-accent">
        {workshopWords(locale).cancel}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

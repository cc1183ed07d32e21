"use client";

/** A resident asks for a seat: first name, a way to be reached, consent, honeypot — no account, no JavaScript needed. */
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/server-form";
import { ContactRequestForm } from "@/components/resident-booking/ContactRequestForm";
import type { Locale } from "@/lib/i18n/locales";
import { workshopWords } from "@/lib/workshops/words";

export function SeatRequestForm({ action, locale, territory, sessionId }: { action: ServerAction; locale: Locale; territory: string; sessionId: string }) {
  const t = workshopWords(locale);
  return (
    <ContactRequestForm
      action={action}
      locale={locale}
      hidden={{ territory, sessionId }}
      prefix="atelier"
      consent={t.consent}
      consentHint={t.consentHint}
      submitLabel={t.send}
      primary
    />
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

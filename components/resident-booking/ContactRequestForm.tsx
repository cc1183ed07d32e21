"use client";

/**
 * A resident's request with a way to be reached (join an offer's waiting list, ask for a workshop
 * seat): hidden fields naming what is asked for, the contact fields, consent and honeypot, one
 * button — without an account, and without JavaScript.
 */
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/server-form";
import type { Locale } from "@/lib/i18n/locales";
import { ContactFields, useRefused } from "./ContactFields";

export function ContactRequestForm({
  action,
  locale,
  hidden,
  prefix,
  consent,
  consentHint,
  submitLabel,
  primary,
}: {
  action: ServerAction;
  locale: Locale;
  /** What is asked for: the territory and the offer or session ids, posted as they are. */
  hidden: Record<string, string>;
  prefix: string;
  consent: string;
  consentHint: string;
  submitLabel: string;
  primary?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const { error, value, key } = useRefused(state);
  return (
    <form action={formAction} noValidate className="space-y-4" key={key}>
      <input type="hidden" name="lang" value={locale} />
      {Object.entries(hidden).map(([name, fieldValue]) => (
        <input key={name} type="hidden" name={name} value={fieldValue} />
      ))}
      <ContactFields locale={locale} prefix={prefix} error={error} value={value} consent={consent} consentHint={consentHint} />
      <button
        type="submit"
        disabled={pending}
        className={primary ? "rounded bg-accent px-4 py-2 font-semibold text-white" : "rounded border-2 border-accent px-4 py-2 font-semibold text-accent"}
      >
        {submitLabel}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

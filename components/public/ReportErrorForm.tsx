"use client";

/**
 * "Signaler une erreur" at the bottom of an offer page: no account, works without JavaScript (the
 * server answers with field errors and what was typed), in the page's language.
 */
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field, FieldGroup } from "@/components/forms/Field";
import type { ServerAction } from "@/components/forms/server-form";
import type { Locale } from "@/lib/i18n/locales";
import { offerMessages } from "@/lib/public-offer/messages";
import { REPORT_SUBJECTS, type ReportSubject } from "@/lib/public-offer/schemas";

export function ReportErrorForm({ action, offerId, locale }: { action: ServerAction; offerId: string; locale: Locale }) {
  const t = offerMessages(locale);
  const [state, formAction, pending] = useActionState(action, null);
  const refused = state && !state.ok ? state : null;
  const error = (name: string) => refused?.fieldErrors?.[name]?.[0];
  const value = (name: string) => {
    const posted = refused?.values?.[name];
    return typeof posted === "string" ? posted : undefined;
  };
  const labels: Record<ReportSubject, string> = {
    address: t.subjectAddress,
    hours: t.subjectHours,
    phone: t.subjectPhone,
    gone: t.subjectGone,
    other: t.subjectOther,
  };
  // A new key when the server sends values back, so the fields show them after React resets the form.
  const key = JSON.stringify(refused?.values ?? null);
  return (
    <form action={formAction} noValidate className="space-y-4" key={key}>
      <input type="hidden" name="offerId" value={offerId} />
      <input type="hidden" name="lang" value={locale} />
      <FieldGroup id="signalement-sujet" legend={t.reportWhat} error={error("subject")} className="" legendClassName="font-medium">
        <div className="mt-1 space-y-1">
          {REPORT_SUBJECTS.map((subject) => (
            <div key={subject} className="flex items-center gap-2">
              <input
                type="radio"
                id={`signalement-${subject}`}
                name="subject"
                value={subject}
                defaultChecked={value("subject") === subject}
                className="h-5 w-5"
              />
              <label htmlFor={`signalement-${subject}`}>{labels[subject]}</label>
            </div>
          ))}
        </div>
      </FieldGroup>
      <Field id="signalement-message" label={t.reportMessage} hint={t.reportMessageHint} error={error("message")}>
        <textarea
          id="signalement-message"
          name="message"
          rows={4}
          maxLength={1000}
          defaultValue={value("message")}
          aria-invalid={error("message") ? true : undefined}
          aria-describedby={describedBy("signalement-message", t.reportMessageHint, error("message"))}
          className="mt-1 w-full max-w-xl rounded border border-slate-500 px-3 py-2"
        />
      </Field>
      <Field id="signalement-email" label={t.reportEmail} error={error("email")}>
        <input
          id="signalement-email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={value("email")}
          aria-invalid={error("email") ? true : undefined}
          aria-describedby={describedBy("signalement-email", undefined, error("email"))}
          className="mt-1 w-full max-w-md rounded border border-slate-500 px-3 py-2"
        />
      </Field>
      {/* The honeypot: never shown (display: none), so people and keyboards never reach it; bots fill it. */}
      <div style={{ display: "none" }}>
        <label htmlFor="signalement-site">{t.honeypot}</label>
        <input id="signalement-site" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
        {t.reportSubmit}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

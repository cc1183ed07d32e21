"use client";

/**
 * "Signaler une erreur" at the bottom of an offer page: no account, works without JavaScript (the
 * server answers with field errors and what was typed), in the page's language.
 */
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/server-form";
import type { Locale } from "@/lib/i18n/locales";
import { offerMessages } from "@/lib/public-offer/messages";
import { REPORT_SUBJECTS, type ReportSubject } from "@/lib/public-offer/schemas";

type Action = ServerAction;

export function ReportErrorForm({ action, offerId, locale }: { action: Action; offerId: string; locale: Locale }) {
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
      <fieldset aria-describedby={error("subject") ? "signalement-sujet-erreur" : undefined}>
        <legend className="font-medium">{t.reportWhat}</legend>
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
        {error("subject") ? (
          <p id="signalement-sujet-erreur" className="mt-1 font-medium text-red-800">
            {error("subject")}
          </p>
        ) : null}
      </fieldset>
      <div>
        <label htmlFor="signalement-message" className="block font-medium">
          {t.reportMessage}
        </label>
        <p id="signalement-message-aide" className="text-sm text-slate-700">
          {t.reportMessageHint}
        </p>
        <textarea
          id="signalement-message"
          name="message"
          rows={4}
          maxLength={1000}
          defaultValue={value("message")}
          aria-invalid={error("message") ? true : undefined}
          aria-describedby={["signalement-message-aide", error("message") && "signalement-message-erreur"].filter(Boolean).join(" ")}
          className="mt-1 w-full max-w-xl rounded border border-slate-500 px-3 py-2"
        />
        {error("message") ? (
          <p id="signalement-message-erreur" className="mt-1 font-medium text-red-800">
            {error("message")}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="signalement-email" className="block font-medium">
          {t.reportEmail}
        </label>
        <input
          id="signalement-email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={value("email")}
          aria-invalid={error("email") ? true : undefined}
          aria-describedby={error("email") ? "signalement-email-erreur" : undefined}
          className="mt-1 w-full max-w-md rounded border border-slate-500 px-3 py-2"
        />
        {error("email") ? (
          <p id="signalement-email-erreur" className="mt-1 font-medium text-red-800">
            {error("email")}
          </p>
        ) : null}
      </div>
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

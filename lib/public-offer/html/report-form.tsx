/** @jsxImportSource @/lib/html */
/**
 * "Signaler une erreur" at the bottom of an offer page: no account, no script. It posts to the
 * offer's own address (app/t/[territory]/offres/[offerId]/route.ts); a refusal comes back on the
 * page with the error next to its field and what was typed; a report sent comes back as the page
 * with its thanks (`?signalement=merci`) and an empty form, for another one.
 */
import type { ActionResult } from "@/lib/actions/authorized-action";
import type { SafeUrl } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { offerMessages } from "../messages";
import { REPORT_SUBJECTS, type ReportSubject } from "../schemas";

/** The report's outcome shown with the form: refused (with what was typed), or sent. */
export type ReportState = ActionResult | null;

const FIELD = "mt-1 w-full rounded border border-slate-500 px-3 py-2";
const describedBy = (id: string, hint: boolean, error: string | undefined) => [hint && `${id}-aide`, error && `${id}-erreur`].filter(Boolean).join(" ") || undefined;

function fieldError(id: string, error: string | undefined) {
  return error ? (
    <p id={`${id}-erreur`} class="mt-1 font-medium text-red-800">
      {error}
    </p>
  ) : null;
}

export function reportForm(action: SafeUrl, offerId: string, locale: Locale, state: ReportState) {
  const t = offerMessages(locale);
  const refused = state && !state.ok ? state : null;
  const error = (name: string) => refused?.fieldErrors?.[name]?.[0];
  const value = (name: string) => {
    const posted = refused?.values?.[name];
    return typeof posted === "string" ? posted : undefined;
  };
  const labels: Record<ReportSubject, string> = { address: t.subjectAddress, hours: t.subjectHours, phone: t.subjectPhone, gone: t.subjectGone, other: t.subjectOther };
  return (
    <form method="post" action={action} novalidate class="space-y-4">
      {state && (
        <p role={state.ok ? "status" : "alert"} class={state.ok ? "rounded bg-green-50 p-3 font-medium text-green-800" : "font-medium text-red-800"}>
          {state.ok ? state.message : state.error}
        </p>
      )}
      <input type="hidden" name="offerId" value={offerId} />
      <input type="hidden" name="lang" value={locale} />
      <fieldset aria-describedby={describedBy("signalement-sujet", false, error("subject"))}>
        <legend class="font-medium">{t.reportWhat}</legend>
        <div class="mt-1 space-y-1">
          {REPORT_SUBJECTS.map((subject) => (
            <div class="flex items-center gap-2">
              <input type="radio" id={`signalement-${subject}`} name="subject" value={subject} checked={value("subject") === subject} class="h-5 w-5" />
              <label for={`signalement-${subject}`}>{labels[subject]}</label>
            </div>
          ))}
        </div>
        {fieldError("signalement-sujet", error("subject"))}
      </fieldset>
      <div>
        <label for="signalement-message" class="block font-medium">
          {t.reportMessage}
        </label>
        <p id="signalement-message-aide" class="text-sm text-slate-700">
          {t.reportMessageHint}
        </p>
        <textarea
          id="signalement-message"
          name="message"
          rows={4}
          maxlength={1000}
          aria-invalid={error("message") ? "true" : undefined}
          aria-describedby={describedBy("signalement-message", true, error("message"))}
          class={`${FIELD} max-w-xl`}
        >
          {value("message") ?? ""}
        </textarea>
        {fieldError("signalement-message", error("message"))}
      </div>
      <div>
        <label for="signalement-email" class="block font-medium">
          {t.reportEmail}
        </label>
        <input
          id="signalement-email"
          name="email"
          type="email"
          autocomplete="email"
          value={value("email")}
          aria-invalid={error("email") ? "true" : undefined}
          aria-describedby={describedBy("signalement-email", false, error("email"))}
          class={`${FIELD} max-w-md`}
        />
        {fieldError("signalement-email", error("email"))}
      </div>
      {/* The honeypot: never shown (hidden), so people and keyboards never reach it; bots fill it. */}
      <div hidden>
        <label for="signalement-site">{t.honeypot}</label>
        <input id="signalement-site" name="website" type="text" tabindex={-1} autocomplete="off" />
      </div>
      <button type="submit" class="min-h-11 rounded bg-accent px-4 py-2 font-semibold text-white">
        {t.reportSubmit}
      </button>
    </form>
  );
}

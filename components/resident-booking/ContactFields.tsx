"use client";

/** First name, email or phone, consent and the honeypot: the booking form's and the waiting list's. */
import { describedBy, Field, FieldGroup } from "@/components/forms/Field";
import type { ActionResult } from "@/lib/actions/authorized-action";
import type { Locale } from "@/lib/i18n/locales";
import { bookingWords } from "@/lib/resident-booking/words";

/** The field errors and the values a refused post sent back, and a key that resets the form with them. */
export function useRefused(state: ActionResult<unknown> | null) {
  const refused = state && !state.ok ? state : null;
  return {
    error: (name: string) => refused?.fieldErrors?.[name]?.[0],
    value: (name: string) => {
      const posted = refused?.values?.[name];
      return typeof posted === "string" ? posted : undefined;
    },
    key: JSON.stringify(refused?.values ?? null),
  };
}

const input = "mt-1 w-full max-w-md rounded border border-slate-500 px-3 py-2";

export function ContactFields({
  locale,
  prefix,
  error,
  value,
  consent,
  consentHint,
}: {
  locale: Locale;
  prefix: string;
  error: (name: string) => string | undefined;
  value: (name: string) => string | undefined;
  consent: string;
  consentHint: string;
}) {
  const t = bookingWords(locale);
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <div className="space-y-4">
      <Field id={id("prenom")} label={t.firstName} error={error("personLabel")}>
        <input
          id={id("prenom")}
          name="personLabel"
          autoComplete="given-name"
          maxLength={60}
          defaultValue={value("personLabel")}
          aria-invalid={error("personLabel") ? true : undefined}
          aria-describedby={describedBy(id("prenom"), undefined, error("personLabel"))}
          className={input}
        />
      </Field>
      <FieldGroup id={id("contact")} legend={t.contactLegend} error={error("email")}>
        <div className="space-y-3">
          <Field id={id("courriel")} label={t.email}>
            <input id={id("courriel")} name="email" type="email" autoComplete="email" defaultValue={value("email")} className={input} />
          </Field>
          <Field id={id("telephone")} label={t.phone} error={error("phone")}>
            <input
              id={id("telephone")}
              name="phone"
              type="tel"
              autoComplete="tel"
              defaultValue={value("phone")}
              aria-invalid={error("phone") ? true : undefined}
              aria-describedby={describedBy(id("telephone"), undefined, error("phone"))}
              className={input}
            />
          </Field>
        </div>
      </FieldGroup>
      <div>
        <div className="flex items-start gap-2">
          <input
            type="checkbox"
            id={id("accord")}
            name="consent"
            defaultChecked={value("consent") === "on"}
            aria-invalid={error("consent") ? true : undefined}
            aria-describedby={describedBy(id("accord"), consentHint, error("consent"))}
            className="mt-1 h-5 w-5"
          />
          <label htmlFor={id("accord")} className="font-medium">
            {consent}
          </label>
        </div>
        <p id={`${id("accord")}-aide`} className="text-sm text-slate-700">
          {consentHint}
        </p>
        {error("consent") ? (
          <p id={`${id("accord")}-erreur`} className="mt-1 font-medium text-red-800">
            {error("consent")}
          </p>
        ) : null}
      </div>
      {/* The honeypot: never shown (display: none), so people and keyboards never reach it; bots fill it. */}
      <div style={{ display: "none" }}>
        <label htmlFor={id("site")}>{t.honeypot}</label>
        <input id={id("site")} name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
    </div>
  );
}

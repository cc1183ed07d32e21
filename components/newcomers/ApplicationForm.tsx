"use client";

/**
 * "Votre structure n'est pas dans l'annuaire ?": a structure asks to join the territory's matrix.
 * Posted to a server action, so it works without JavaScript; the server's errors come back next
 * to their fields with everything typed kept.
 */
import { useActionState, type ReactNode } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field, FieldError, inputClass } from "@/components/forms/Field";
import type { ServerAction } from "@/components/forms/server-form";

export function ApplicationForm({ action, territorySlug, country }: { action: ServerAction; territorySlug: string; country: "FR" | "BE" }) {
  const [state, formAction, pending] = useActionState(action, null);
  const refused = state && !state.ok ? state : null;
  const value = (name: string) => {
    const posted = refused?.values?.[name];
    return typeof posted === "string" ? posted : "";
  };
  const field = (name: string, label: string, control: (props: Record<string, unknown>) => ReactNode, hint?: string) => {
    const id = `adhesion-${name}`;
    const error = refused?.fieldErrors?.[name]?.[0];
    return (
      <Field id={id} label={label} hint={hint} error={error}>
        {control({ id, name, defaultValue: value(name), "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error), className: inputClass })}
      </Field>
    );
  };
  const consentError = refused?.fieldErrors?.consent?.[0];
  return (
    <form action={formAction} noValidate className="mt-4 max-w-2xl space-y-4">
      <input type="hidden" name="territorySlug" value={territorySlug} />
      {/* Hidden from people: only a robot fills it in. */}
      <div aria-hidden="true" className="hidden">
        <label htmlFor="adhesion-website">Ne pas remplir</label>
        <input id="adhesion-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      {field("name", "Nom de la structure", (props) => <input type="text" autoComplete="organization" {...props} />)}
      {field(
        "identifier",
        country === "BE" ? "Numéro d'entreprise (BCE) (facultatif)" : "SIRET ou numéro RNA (facultatif)",
        (props) => <input type="text" inputMode={country === "BE" ? "numeric" : "text"} {...props} />,
        country === "BE" ? "10 chiffres, par exemple 0123.456.789." : "14 chiffres pour un SIRET, ou W suivi de 9 chiffres pour une association.",
      )}
      {field("address", "Adresse (numéro et rue)", (props) => <input type="text" autoComplete="street-address" {...props} />)}
      <div className="flex flex-wrap gap-4">
        {field("postalCode", "Code postal", (props) => <input type="text" inputMode="numeric" autoComplete="postal-code" {...props} className="mt-1 w-32 rounded border border-slate-500 px-3 py-2" />)}
        {field("commune", "Commune", (props) => <input type="text" autoComplete="address-level2" {...props} className="mt-1 rounded border border-slate-500 px-3 py-2" />)}
      </div>
      {field("offers", "Ce que vous proposez", (props) => <textarea rows={4} {...props} />, "Par exemple : « aide aux démarches en ligne le mardi, ateliers tablette pour les seniors ».")}
      {field("contactName", "Nom de la personne à contacter", (props) => <input type="text" autoComplete="name" {...props} />)}
      {field("contactEmail", "Son courriel", (props) => <input type="email" autoComplete="email" {...props} />)}
      {field("contactPhone", "Son téléphone (facultatif)", (props) => <input type="tel" autoComplete="tel" {...props} />)}
      <div>
        <div className="flex items-start gap-2">
          <input
            id="adhesion-consent"
            name="consent"
            type="checkbox"
            defaultChecked={value("consent") === "on"}
            className="mt-1"
            aria-invalid={consentError ? true : undefined}
            aria-describedby={describedBy("adhesion-consent", undefined, consentError)}
          />
          <label htmlFor="adhesion-consent">
            J&apos;accepte que la coordination du territoire me contacte à ce sujet. Ces coordonnées ne sont pas publiées.
          </label>
        </div>
        <FieldError id="adhesion-consent" error={consentError} />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
        Envoyer la demande
      </button>
      <FormStatus state={state} />
    </form>
  );
}

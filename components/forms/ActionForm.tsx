"use client";

/**
 * A small form without react-hook-form (a button, a few plain fields): posted to a server action
 * of the same signature as every form's (`ServerAction`, answering an `ActionResult`), so it works
 * without JavaScript; the server's field errors appear next to their fields through `Field`, its
 * message below (`FormStatus`, which every form uses).
 */
import { createContext, useActionState, useContext, type ReactNode } from "react";
import { describedBy, Field } from "@/components/forms/Field";
import type { ServerAction } from "@/components/forms/server-form";
import type { ActionResult } from "@/lib/actions/authorized-action";

const FormState = createContext<ActionResult<null> | null>(null);

export function ActionForm({
  action,
  submitLabel,
  children,
  variant = "primary",
}: {
  action: ServerAction;
  submitLabel: string;
  children?: ReactNode;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const buttonClass =
    variant === "primary"
      ? "rounded bg-accent px-4 py-2 font-semibold text-white"
      : "rounded border border-accent px-3 py-1 font-semibold text-accent";
  return (
    // noValidate: the server's messages (the form's zod schema) are the ones a person sees.
    <form action={formAction} className="space-y-3" noValidate>
      <FormState.Provider value={state}>{children}</FormState.Provider>
      <button type="submit" disabled={pending} className={buttonClass}>
        {submitLabel}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** The server's answer below a form: its message, or why it refused. */
export function FormStatus({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return null;
  return (
    <>
      <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-green-800" : "font-medium text-red-800"}>
        {state.ok ? state.message : state.error}
      </p>
      {!state.ok && state.versions && state.versions.length > 0 && (
        // Someone saved first: both versions side by side; the form below still holds this person's.
        <table className="w-full border-collapse text-left text-sm">
          <caption className="text-left font-semibold">Les deux versions</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-1 pr-3">Champ</th>
              <th scope="col" className="py-1 pr-3">Enregistré entre-temps</th>
              <th scope="col" className="py-1">Votre saisie (pas encore enregistrée)</th>
            </tr>
          </thead>
          <tbody>
            {state.versions.map((row) => (
              <tr key={row.label} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-1 pr-3 font-medium">{row.label}</th>
                <td className="py-1 pr-3">{row.saved}</td>
                <td className="py-1">{row.yours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function useField(name: string) {
  const state = useContext(FormState);
  const refused = state && !state.ok ? state : null;
  const value = refused?.values?.[name];
  return { error: refused?.fieldErrors?.[name]?.[0], value: typeof value === "string" ? value : undefined };
}

export function TextField({
  name,
  id = name,
  label,
  type = "text",
  autoComplete,
  hint,
}: {
  name: string;
  /** Unique on the page when the same form appears several times. */
  id?: string;
  label: string;
  type?: "text" | "email";
  autoComplete?: string;
  hint?: string;
}) {
  const { error, value } = useField(name);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        // A new key when the server sends values back, so the field shows them after React resets the form.
        key={value}
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="mt-1 w-full max-w-md rounded border border-slate-500 px-3 py-2"
      />
    </Field>
  );
}

export function SelectField({
  name,
  id = name,
  label,
  options,
}: {
  name: string;
  /** Unique on the page when the same form appears several times. */
  id?: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  const { error, value } = useField(name);
  return (
    <Field id={id} label={label} error={error}>
      <select
        key={value}
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        className="mt-1 rounded border border-slate-500 px-3 py-2"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

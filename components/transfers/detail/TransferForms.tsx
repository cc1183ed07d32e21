"use client";

/**
 * The forms of a transfer's page, posted to the server actions of lib/transfers/actions.ts. They
 * work without JavaScript (real forms; the server redirects back to the page, or answers with its
 * message and field errors, shown next to their fields). Ids are prefixed per form: several forms
 * sit on one page.
 */
import { createContext, useActionState, useContext, type ReactNode } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field, FieldError, inputClass } from "@/components/forms/Field";
import type { ServerAction } from "@/components/forms/server-form";
import type { ActionResult } from "@/lib/actions/authorized-action";

const FormState = createContext<{ state: ActionResult<null> | null; prefix: string }>({ state: null, prefix: "" });

function useField(name: string) {
  const { state, prefix } = useContext(FormState);
  const refused = state && !state.ok ? state : null;
  const value = refused?.values?.[name];
  return { id: `${prefix}-${name}`, error: refused?.fieldErrors?.[name]?.[0], value: typeof value === "string" ? value : undefined };
}

export function TransferForm({
  action,
  transferId,
  prefix,
  submitLabel,
  variant = "primary",
  children,
}: {
  action: ServerAction;
  transferId: string;
  prefix: string;
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const buttonClass = {
    primary: "rounded bg-accent px-4 py-2 font-semibold text-white",
    secondary: "rounded border border-accent px-4 py-2 font-semibold text-accent",
    danger: "rounded bg-red-800 px-4 py-2 font-semibold text-white",
  }[variant];
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="transferId" value={transferId} />
      <FormState.Provider value={{ state, prefix }}>{children}</FormState.Provider>
      <button type="submit" disabled={pending} className={buttonClass}>
        {submitLabel}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function SelectInput({
  name,
  label,
  hint,
  options,
  placeholder,
}: {
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  placeholder: string;
}) {
  const { id, error, value } = useField(name);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        key={value}
        id={id}
        name={name}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function TextArea({ name, label, hint, maxLength }: { name: string; label: string; hint?: string; maxLength: number }) {
  const { id, error, value } = useField(name);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        key={value}
        id={id}
        name={name}
        rows={3}
        maxLength={maxLength}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
      />
    </Field>
  );
}

/** `defaultValue`: the option checked before anything is posted (an outcome suggested by an appointment). */
export function RadioGroup({ name, legend, options, defaultValue }: { name: string; legend: string; options: { value: string; label: string }[]; defaultValue?: string }) {
  const { id, error, value } = useField(name);
  return (
    <fieldset aria-describedby={error ? `${id}-erreur` : undefined}>
      <legend className="font-medium">{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className="mt-1 flex items-center gap-2">
          <input
            key={value}
            type="radio"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={(value ?? defaultValue) === option.value}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

export function ConfirmBox({ name, label }: { name: string; label: string }) {
  const { id, error } = useField(name);
  return (
    <div>
      <div className="flex items-start gap-2">
        <input type="checkbox" id={id} name={name} className="mt-1" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, undefined, error)} />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}

"use client";

/**
 * One small form of the territory's short lists' editor: hidden fields, an optional label field
 * (its error beside it), one button. A real `<form>`: works without JavaScript.
 */
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field } from "@/components/forms/Field";
import type { ServerAction } from "@/components/forms/server-form";

export function ListItemForm({
  action,
  hidden,
  labelField,
  submitLabel,
  buttonLabel,
}: {
  action: ServerAction;
  hidden: Record<string, string>;
  /** A label input: its id (unique on the page), visible label and starting value. */
  labelField?: { id: string; label: string; value: string };
  submitLabel: string;
  /** The button's words for screen readers when the visible ones are short ("↑"). */
  buttonLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? state.fieldErrors?.label?.[0] : undefined;
  const posted = state && !state.ok && typeof state.values?.label === "string" ? state.values.label : undefined;
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {labelField && (
        <Field id={labelField.id} label={labelField.label} error={error} compact>
          <input
            key={posted ?? labelField.value}
            id={labelField.id}
            name="label"
            type="text"
            defaultValue={posted ?? labelField.value}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(labelField.id, undefined, error)}
            className="mt-1 w-full min-w-64 rounded border border-slate-500 px-3 py-1"
          />
        </Field>
      )}
      <button type="submit" disabled={pending} aria-label={buttonLabel} className="rounded border border-accent px-3 py-1 font-semibold text-accent">
        {submitLabel}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

"use client";

/**
 * The appointment forms (book, move, cancel, attendance): a real `<form action>` posted to a
 * server action, so it works without JavaScript; each field's error next to it (`FieldMessage`),
 * the form's message below. The slot radios and the text fields are plain inputs rendered by the
 * pages (components/appointments/SlotPicker.tsx).
 */
import { createContext, useActionState, useContext, type ReactNode } from "react";
import { FieldError } from "@/components/forms/Field";
import { FormStatus } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/server-form";
import type { ActionResult } from "@/lib/actions/authorized-action";

const FormState = createContext<ActionResult<null> | null>(null);

export function AppointmentForm({ action, submitLabel, children, variant = "primary" }: { action: ServerAction; submitLabel: string; children?: ReactNode; variant?: "primary" | "secondary" }) {
  const [state, formAction, pending] = useActionState(action, null);
  const buttonClass = variant === "primary" ? "rounded bg-accent px-4 py-2 font-semibold text-white" : "rounded border border-accent px-3 py-1 font-semibold text-accent";
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormState.Provider value={state}>{children}</FormState.Provider>
      <button type="submit" disabled={pending} className={buttonClass}>
        {submitLabel}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** The server's error for field `name` (its element id is `<id>-erreur`). */
export function FieldMessage({ name, id = name }: { name: string; id?: string }) {
  const state = useContext(FormState);
  const error = state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
  return <FieldError id={id} error={error} />;
}

"use client";

/** A mediator's absence (leave, training, holidays): from, to, and a label. Works without JavaScript. */
import type { ReactNode } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field } from "@/components/forms/Field";
import { useServerForm, type ServerAction } from "@/components/forms/server-form";
import { absenceSchema } from "@/lib/agenda/schemas";
import type { z } from "zod";

type Values = z.input<typeof absenceSchema>;

export function AbsenceForm({ action, defaults }: { action: ServerAction; defaults: Values }) {
  const { register, state, pending, initial, formAction, onSubmit, errorAt } = useServerForm(
    absenceSchema,
    action,
    (posted): Values => ({ ...defaults, ...((posted as Partial<Values> | undefined) ?? {}) }),
  );
  function field(name: keyof Values, label: string, control: (props: Record<string, unknown>) => ReactNode) {
    const error = errorAt(name);
    return (
      <Field id={`absence-${name}`} label={label} error={error}>
        {control({ id: `absence-${name}`, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(`absence-${name}`, undefined, error), ...register(name) })}
      </Field>
    );
  }
  const small = "mt-1 rounded border border-slate-500 px-3 py-2";
  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="mt-4 space-y-4">
      <input type="hidden" defaultValue={initial.structureId} {...register("structureId")} />
      <input type="hidden" defaultValue={initial.mediatorId} {...register("mediatorId")} />
      <div className="flex flex-wrap gap-4">
        {field("startsOn", "Du", (props) => <input type="date" defaultValue={initial.startsOn} className={small} {...props} />)}
        {field("endsOn", "Au (inclus)", (props) => <input type="date" defaultValue={initial.endsOn} className={small} {...props} />)}
        {field("label", "Motif", (props) => <input type="text" defaultValue={initial.label} placeholder="Congés, formation…" className={small} {...props} />)}
      </div>
      <button type="submit" disabled={pending} className="rounded border border-accent px-3 py-1 font-semibold text-accent">
        Enregistrer l&apos;absence
      </button>
      <FormStatus state={state} />
    </form>
  );
}

"use client";

/** The structure's agenda settings: the capacity rule's limit (or none) and residents' own online booking. */
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field } from "@/components/forms/Field";
import { useServerForm, type ServerAction } from "@/components/forms/server-form";
import { settingsSchema } from "@/lib/agenda/schemas";
import type { z } from "zod";

type Values = z.input<typeof settingsSchema>;

const LIMIT_HINT = "Par personne qui reçoit. Laissez vide pour ne fixer aucune limite ; aucun minimum n'est demandé.";

export function SettingsForm({ action, defaults }: { action: ServerAction; defaults: Values }) {
  const { register, state, pending, initial, formAction, onSubmit, errorAt } = useServerForm(
    settingsSchema,
    action,
    (posted): Values => ({ ...defaults, ...((posted as Partial<Values> | undefined) ?? {}) }),
  );
  const error = errorAt("halfDaysPerWeek");
  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="mt-4 space-y-4">
      <input type="hidden" defaultValue={initial.structureId} {...register("structureId")} />
      <Field id="halfDaysPerWeek" label="Demi-journées de rendez-vous par semaine, au plus" hint={LIMIT_HINT} error={error}>
        <input
          id="halfDaysPerWeek"
          type="number"
          min={1}
          max={14}
          defaultValue={initial.halfDaysPerWeek ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy("halfDaysPerWeek", LIMIT_HINT, error)}
          className="mt-1 w-28 rounded border border-slate-500 px-3 py-2"
          {...register("halfDaysPerWeek")}
        />
      </Field>
      <div className="flex items-center gap-2">
        <input type="checkbox" id="residentsBookOnline" defaultChecked={initial.residentsBookOnline === true || initial.residentsBookOnline === "on"} {...register("residentsBookOnline")} />
        <label htmlFor="residentsBookOnline">Les habitants peuvent prendre rendez-vous eux-mêmes en ligne</label>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
        Enregistrer les réglages
      </button>
      <FormStatus state={state} />
    </form>
  );
}

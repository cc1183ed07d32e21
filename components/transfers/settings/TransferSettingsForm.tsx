"use client";

/**
 * The territory's transfer timers. react-hook-form checks each field with the server's zod
 * schema when it is left; without JavaScript the form posts to the server action and comes back
 * with the errors next to their fields and what was typed.
 */
import { useEffect, type ReactNode } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field } from "@/components/forms/Field";
import { useServerForm, type ServerAction } from "@/components/forms/server-form";
import { SETTING_BOUNDS, SETTING_FIELDS, transferSettingsSchema, type SettingField, type SettingValues } from "@/lib/transfers/settings";

type FormValues = { territoryId: string; version: string } & Record<SettingField, string>;

export interface SettingText {
  label: string;
  unit: string;
  hint: ReactNode;
}

export function TransferSettingsForm({
  action,
  territoryId,
  version,
  values,
  texts,
}: {
  action: ServerAction<{ version: string }>;
  territoryId: string;
  version: string;
  values: SettingValues;
  texts: Record<SettingField, SettingText>;
}) {
  const { register, setValue, state, pending, initial, formAction, onSubmit, errorAt } = useServerForm(
    transferSettingsSchema,
    action,
    (posted): FormValues => ({
      territoryId,
      version,
      ...(Object.fromEntries(
        SETTING_FIELDS.map((field) => [field, typeof posted?.[field] === "string" ? (posted[field] as string) : String(values[field])]),
      ) as Record<SettingField, string>),
    }),
  );
  // After a save, the next one is based on the version just written.
  const savedVersion = state?.ok ? state.data.version : null;
  useEffect(() => {
    if (savedVersion) setValue("version", savedVersion);
  }, [savedVersion, setValue]);

  const errorOf = (name: SettingField) => errorAt(name);

  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="mt-6 space-y-6">
      {/* Values are also written into the HTML, so the form is filled in even without JavaScript. */}
      <input type="hidden" defaultValue={initial.territoryId} {...register("territoryId")} />
      <input type="hidden" defaultValue={savedVersion ?? initial.version} {...register("version")} />
      {SETTING_FIELDS.map((field) => {
        const error = errorOf(field);
        const text = texts[field];
        return (
          <Field key={field} id={field} label={text.label} hint={text.hint} error={error}>
            <span className="mt-1 flex items-center gap-2">
              <input
                id={field}
                type="number"
                inputMode="numeric"
                min={SETTING_BOUNDS[field].min}
                max={SETTING_BOUNDS[field].max}
                step={1}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(field, text.hint, error)}
                defaultValue={initial[field]}
                className="w-28 rounded border border-slate-500 px-3 py-2"
                {...register(field)}
              />
              <span aria-hidden="true">{text.unit}</span>
            </span>
          </Field>
        );
      })}
      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
        Enregistrer les réglages
      </button>
      <FormStatus state={state} />
    </form>
  );
}

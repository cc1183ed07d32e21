"use client";

/**
 * The structure identity form, to edit a structure or (for a coordinator) to create one.
 * react-hook-form checks each field with the same zod schema as the server as soon as it is
 * left; the form still posts to the server action without JavaScript.
 */
import { describedBy, Field, FieldError, inputClass } from "@/components/forms/Field";
import { FormStatus } from "@/components/forms/ActionForm";
import { useServerForm, type ServerAction } from "@/components/forms/server-form";
import type { z } from "zod";
import { structureCreateSchema, structureIdentitySchema, type StructureFormInput } from "@/lib/structures/schemas";

export interface StructureFormValues {
  structureId?: string;
  version?: string;
  territoryId?: string;
  name: string;
  description: string;
  email: string;
  phone: string;
  website: string;
  siret: string;
  rna: string;
  bce: string;
  typologyId: string;
  labelIds: string[];
}
type TextFieldName = "name" | "description" | "email" | "phone" | "website" | "siret" | "rna" | "bce";

export interface StructureFormOptions {
  typologies: { id: string; label: string }[];
  labels: { id: string; label: string }[];
}

const FIELDS: { name: TextFieldName; label: string; hint?: string; multiline?: boolean; type?: string }[] = [
  { name: "name", label: "Nom de la structure" },
  { name: "description", label: "Présentation", hint: "Ce que fait la structure, en mots simples.", multiline: true },
  { name: "email", label: "Courriel de contact", type: "email" },
  { name: "phone", label: "Téléphone", type: "tel" },
  { name: "website", label: "Site web", hint: "Adresse complète, par exemple https://exemple.fr" },
  { name: "siret", label: "SIRET", hint: "14 chiffres (France)" },
  { name: "rna", label: "Numéro RNA", hint: "W suivi de 9 chiffres (associations françaises)" },
  { name: "bce", label: "Numéro d'entreprise BCE/KBO", hint: "10 chiffres (Belgique)" },
];

export function StructureIdentityForm({
  action,
  defaults,
  options,
  mode,
}: {
  action: ServerAction;
  defaults: StructureFormValues;
  options: StructureFormOptions;
  mode: "edit" | "create";
}) {
  const schema: z.ZodType<unknown, StructureFormInput> = mode === "create" ? structureCreateSchema : structureIdentitySchema;
  const { register, state, pending, initial, formAction, onSubmit, errorAt } = useServerForm(
    schema,
    action,
    (posted): StructureFormValues =>
      posted
        ? {
            ...defaults,
            ...(Object.fromEntries(Object.entries(posted).filter(([, value]) => typeof value === "string")) as Partial<StructureFormValues>),
            labelIds: Array.isArray(posted.labelIds) ? posted.labelIds.map(String) : typeof posted.labelIds === "string" ? [posted.labelIds] : [],
          }
        : defaults,
  );
  const errorOf = (name: keyof StructureFormValues) => errorAt(name);
  const typologyError = errorOf("typologyId");
  const labelsError = errorOf("labelIds");

  return (
    <form
      action={formAction}
      noValidate
      onSubmit={onSubmit}
      className="mt-4 space-y-4"
    >
      {/* Values are also written into the HTML, so the form is filled in even without JavaScript. */}
      {mode === "edit" ? (
        <>
          <input type="hidden" defaultValue={initial.structureId} {...register("structureId")} />
          <input type="hidden" defaultValue={initial.version} {...register("version")} />
        </>
      ) : (
        <input type="hidden" defaultValue={initial.territoryId} {...register("territoryId")} />
      )}
      {FIELDS.map((field) => {
        const error = errorOf(field.name);
        const common = {
          id: field.name,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy(field.name, field.hint, error),
          className: inputClass,
          defaultValue: initial[field.name] ?? "",
          ...register(field.name),
        };
        return (
          <Field key={field.name} id={field.name} label={field.label} hint={field.hint} error={error}>
            {field.multiline ? <textarea rows={4} {...common} /> : <input type={field.type ?? "text"} {...common} />}
          </Field>
        );
      })}
      <Field id="typologyId" label="Type de structure" error={typologyError}>
        <select
          id="typologyId"
          aria-invalid={typologyError ? true : undefined}
          aria-describedby={describedBy("typologyId", undefined, typologyError)}
          defaultValue={initial.typologyId}
          className="mt-1 max-w-xl rounded border border-slate-500 px-3 py-2"
          {...register("typologyId")}
        >
          <option value="">Non précisé</option>
          {options.typologies.map((typology) => (
            <option key={typology.id} value={typology.id}>
              {typology.label}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="rounded border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Labels et dispositifs</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {options.labels.map((label) => (
            <div key={label.id} className="flex items-start gap-2">
              <input
                type="checkbox"
                id={`label-${label.id}`}
                value={label.id}
                defaultChecked={initial.labelIds.includes(label.id)}
                className="mt-1 h-4 w-4"
                {...register("labelIds")}
              />
              <label htmlFor={`label-${label.id}`}>{label.label}</label>
            </div>
          ))}
        </div>
        <FieldError id="labelIds" error={labelsError} />
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
        {mode === "create" ? "Créer la structure" : "Enregistrer"}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

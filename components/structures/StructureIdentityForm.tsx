"use client";

/**
 * The structure identity form. react-hook-form checks each field with the same zod schema as the
 * server as soon as it is left; the form still posts to the server action without JavaScript.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormStatus } from "@/components/forms/ActionForm";
import type { ActionResult } from "@/lib/actions/authorized-action";
import { structureIdentitySchema, type StructureIdentity, type StructureIdentityInput } from "@/lib/structures/schemas";

type ServerAction = (previous: ActionResult<null> | null, formData: FormData) => Promise<ActionResult<null>>;

const FIELDS: { name: keyof StructureIdentityInput; label: string; hint?: string; multiline?: boolean; type?: string }[] = [
  { name: "name", label: "Nom de la structure" },
  { name: "description", label: "Présentation", hint: "Ce que fait la structure, en mots simples.", multiline: true },
  { name: "email", label: "Courriel de contact", type: "email" },
  { name: "phone", label: "Téléphone", type: "tel" },
  { name: "website", label: "Site web", hint: "Adresse complète, par exemple https://exemple.fr" },
  { name: "siret", label: "SIRET", hint: "14 chiffres (France)" },
  { name: "rna", label: "Numéro RNA", hint: "W suivi de 9 chiffres (associations françaises)" },
  { name: "bce", label: "Numéro d'entreprise BCE/KBO", hint: "10 chiffres (Belgique)" },
];

export function StructureIdentityForm({ action, defaults }: { action: ServerAction; defaults: StructureIdentityInput }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  // Without JavaScript, the page comes back from the server with what was typed: show it again.
  const initial = (state && !state.ok && (state.values as StructureIdentityInput | undefined)) || defaults;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<StructureIdentityInput, unknown, StructureIdentity>({
    resolver: zodResolver(structureIdentitySchema),
    mode: "onBlur",
    defaultValues: initial,
  });
  const serverErrors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form
      action={formAction}
      noValidate
      onSubmit={(event) => {
        // Checked in the browser first; then the same FormData the browser would post goes to the action.
        const form = event.currentTarget;
        void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
      }}
      className="mt-4 space-y-4"
    >
      {/* Values are also written into the HTML, so the form is filled in even without JavaScript. */}
      <input type="hidden" defaultValue={initial.structureId} {...register("structureId")} />
      <input type="hidden" defaultValue={initial.version} {...register("version")} />
      {FIELDS.map((field) => {
        const error = errors[field.name]?.message ?? serverErrors?.[field.name]?.[0];
        const describedBy = [field.hint && `${field.name}-aide`, error && `${field.name}-erreur`].filter(Boolean).join(" ") || undefined;
        const common = {
          id: field.name,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
          className: "mt-1 w-full max-w-xl rounded border border-slate-500 px-3 py-2",
          defaultValue: initial[field.name] ?? "",
          ...register(field.name),
        };
        return (
          <div key={field.name}>
            <label htmlFor={field.name} className="block font-medium">
              {field.label}
            </label>
            {field.hint && (
              <p id={`${field.name}-aide`} className="text-sm text-slate-700">
                {field.hint}
              </p>
            )}
            {field.multiline ? <textarea rows={4} {...common} /> : <input type={field.type ?? "text"} {...common} />}
            {error && (
              <p id={`${field.name}-erreur`} className="mt-1 font-medium text-red-800">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
        Enregistrer
      </button>
      <FormStatus state={state} />
    </form>
  );
}

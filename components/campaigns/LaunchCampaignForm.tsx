"use client";

/**
 * Launching an update campaign: a title, the structures asked (the stale ones, all, or a chosen
 * list), the last day to answer, an optional period for temporary hours ("horaires d'été"), and the
 * reminders. react-hook-form checks it with the server's zod schema; without JavaScript it posts
 * to the same action and comes back with the errors next to their fields.
 */
import type { ReactNode } from "react";
import type { z } from "zod";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field, FieldGroup, inputClass } from "@/components/forms/Field";
import { useServerForm, type ServerAction } from "@/components/forms/server-form";
import { launchCampaignSchema } from "@/lib/campaigns/schemas";

type Values = z.input<typeof launchCampaignSchema>;

const small = "mt-1 rounded border border-slate-500 px-3 py-2";

export function LaunchCampaignForm({
  action,
  defaults,
  structures,
}: {
  action: ServerAction;
  defaults: Values;
  structures: { id: string; name: string; stale: boolean }[];
}) {
  const { register, state, pending, initial, formAction, onSubmit, errorAt } = useServerForm(launchCampaignSchema, action, (posted): Values => {
    if (!posted) return defaults;
    const chosen = posted.structureIds;
    return {
      ...defaults,
      ...(posted as Partial<Values>),
      structureIds: Array.isArray(chosen) ? chosen.map(String) : typeof chosen === "string" ? [chosen] : [],
      temporary: posted.temporary === "on",
    };
  });
  const staleCount = structures.filter((structure) => structure.stale).length;

  function field(name: keyof Values, label: string, control: (props: Record<string, unknown>) => ReactNode, hint?: string) {
    const id = `campagne-${name}`;
    const error = errorAt(name);
    return (
      <Field id={id} label={label} hint={hint} error={error}>
        {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error), ...register(name) })}
      </Field>
    );
  }

  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="mt-4 max-w-3xl space-y-5">
      <input type="hidden" defaultValue={initial.territoryId} {...register("territoryId")} />
      {field("title", "Titre de la campagne", (props) => <input type="text" defaultValue={initial.title} className={inputClass} {...props} />, "Il apparaît dans le courriel, par exemple « Mise à jour de printemps » ou « Horaires d'été ».")}
      {field("message", "Message aux structures (facultatif)", (props) => <textarea rows={3} defaultValue={initial.message} className={inputClass} {...props} />)}

      <FieldGroup id="campagne-scope" legend="Structures interrogées" error={errorAt("scope")}>
        <label className="flex items-start gap-2">
          <input type="radio" value="stale" defaultChecked={initial.scope === "stale"} className="mt-1" {...register("scope")} />
          <span>Celles dont une information est à vérifier ({staleCount})</span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" value="all" defaultChecked={initial.scope === "all"} className="mt-1" {...register("scope")} />
          <span>Toutes les structures du territoire ({structures.length})</span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" value="chosen" defaultChecked={initial.scope === "chosen"} className="mt-1" {...register("scope")} />
          <span>Celles que je coche ci-dessous</span>
        </label>
      </FieldGroup>

      <FieldGroup id="campagne-structureIds" legend="Structures à cocher (pour « celles que je coche »)" error={errorAt("structureIds")}>
        <ul className="grid max-h-72 gap-1 overflow-y-auto sm:grid-cols-2">
          {structures.map((structure) => (
            <li key={structure.id}>
              <label className="flex items-start gap-2">
                <input type="checkbox" value={structure.id} defaultChecked={initial.structureIds?.includes(structure.id)} className="mt-1" {...register("structureIds")} />
                <span>
                  {structure.name}
                  {structure.stale && <span className="text-slate-700"> (à vérifier)</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </FieldGroup>

      {field("endsOn", "Dernier jour pour répondre", (props) => <input type="date" defaultValue={initial.endsOn} className={small} {...props} />, "Les liens ne fonctionnent plus après ce jour ; les offres sans réponse sont alors signalées au public comme « non vérifiées ».")}

      <FieldGroup id="campagne-periode" legend="Horaires temporaires (facultatif)">
        <label className="flex items-start gap-2">
          <input type="checkbox" defaultChecked={initial.temporary === true} className="mt-1" {...register("temporary")} />
          <span>Demander les horaires d&apos;une période (vacances d&apos;été, fêtes de fin d&apos;année) : ils deviennent des horaires exceptionnels datés.</span>
        </label>
        <div className="mt-2 flex flex-wrap gap-4">
          {field("temporaryFrom", "Du", (props) => <input type="date" defaultValue={initial.temporaryFrom ?? ""} className={small} {...props} />)}
          {field("temporaryUntil", "Au (inclus)", (props) => <input type="date" defaultValue={initial.temporaryUntil ?? ""} className={small} {...props} />)}
        </div>
      </FieldGroup>

      <div className="flex flex-wrap gap-4">
        {field("reminderAfterDays", "Relancer après (jours sans réponse)", (props) => <input type="number" min={1} max={60} defaultValue={initial.reminderAfterDays ?? ""} className={small} {...props} />)}
        {field("maxReminders", "Nombre de relances au plus", (props) => <input type="number" min={0} max={5} defaultValue={initial.maxReminders ?? ""} className={small} {...props} />)}
      </div>

      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
        Lancer la campagne
      </button>
      <FormStatus state={state} />
    </form>
  );
}

"use client";

/** A coordinator's three answers to a newcomer's request: validate, merge with an existing structure, or refuse with a reason. */
import { ActionForm, SelectField, TextField } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/server-form";

export function ApplicationDecisions({
  action,
  territoryId,
  applicationId,
  name,
  structures,
}: {
  action: ServerAction;
  territoryId: string;
  applicationId: string;
  name: string;
  /** The likely duplicates first, then every other structure of the territory. */
  structures: { id: string; name: string }[];
}) {
  const hidden = (decision: string) => (
    <>
      <input type="hidden" name="territoryId" value={territoryId} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="decision" value={decision} />
    </>
  );
  return (
    <div className="mt-3 grid gap-4 md:grid-cols-3">
      <ActionForm action={action} submitLabel={`Valider « ${name} »`}>
        {hidden("validate")}
        <p className="text-sm">Crée la structure et son premier lieu, et invite la personne à l&apos;administrer.</p>
      </ActionForm>
      <ActionForm action={action} submitLabel="Rapprocher" variant="secondary">
        {hidden("merge")}
        <SelectField name="mergeInto" id={`existante-${applicationId}`} label="C'est la structure existante" options={[{ value: "", label: "Choisissez…" }, ...structures.map((structure) => ({ value: structure.id, label: structure.name }))]} />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="inviteContact" defaultChecked className="mt-1" />
          <span>Inviter la personne à administrer cette structure</span>
        </label>
      </ActionForm>
      <ActionForm action={action} submitLabel="Refuser" variant="secondary">
        {hidden("refuse")}
        <TextField name="reason" id={`motif-${applicationId}`} label="Motif (envoyé à la personne)" />
      </ActionForm>
    </div>
  );
}

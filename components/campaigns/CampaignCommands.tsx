"use client";

/**
 * The coordinator's buttons on a campaign's page — remind now, close, and for one structure a new
 * link (shown once, to pass on by other means) or revoking its links. Each is a form posted to a
 * server action, so it works without JavaScript.
 */
import { useActionState } from "react";
import { ActionForm, FormStatus } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/server-form";

type Ids = { territoryId: string; campaignId: string; targetId?: string };

function Hidden({ territoryId, campaignId, targetId }: Ids) {
  return (
    <>
      <input type="hidden" name="territoryId" value={territoryId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      {targetId && <input type="hidden" name="targetId" value={targetId} />}
    </>
  );
}

export function CampaignCommand({ action, label, ids, variant = "secondary" }: { action: ServerAction; label: string; ids: Ids; variant?: "primary" | "secondary" }) {
  return (
    <ActionForm action={action} submitLabel={label} variant={variant}>
      <Hidden {...ids} />
    </ActionForm>
  );
}

export function IssueLinkForm({ action, ids, structureName }: { action: ServerAction<{ url: string }>; ids: Ids; structureName: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const fieldId = `lien-${ids.targetId}`;
  return (
    <form action={formAction} className="space-y-1">
      <Hidden {...ids} />
      <button type="submit" disabled={pending} className="rounded border border-accent px-2 py-1 text-sm font-semibold text-accent">
        Nouveau lien<span className="sr-only"> pour {structureName}</span>
      </button>
      <FormStatus state={state} />
      {state?.ok && (
        <>
          <label htmlFor={fieldId} className="block text-sm">
            Lien pour {structureName}
          </label>
          <input id={fieldId} readOnly value={state.data.url} className="w-full rounded border border-slate-500 px-2 py-1 text-sm" />
        </>
      )}
    </form>
  );
}

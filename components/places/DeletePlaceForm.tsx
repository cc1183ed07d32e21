"use client";

/** Deleting a place: a checkbox to confirm, then the button. Works without JavaScript. */
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, FieldError } from "@/components/forms/Field";
import type { ServerAction } from "@/components/forms/server-form";

export function DeletePlaceForm({ action, structureId, placeId, placeName }: { action: ServerAction; structureId: string; placeId: string; placeName: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? state.fieldErrors?.confirm?.[0] : undefined;
  return (
    <form action={formAction} noValidate className="mt-2 space-y-3">
      <input type="hidden" name="structureId" value={structureId} />
      <input type="hidden" name="placeId" value={placeId} />
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id="confirm"
          name="confirm"
          className="mt-1"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy("confirm", undefined, error)}
        />
        <label htmlFor="confirm">Je confirme : supprimer le lieu « {placeName} » et ses horaires. Ce n&apos;est pas réversible.</label>
      </div>
      <FieldError id="confirm" error={error} />
      <button type="submit" disabled={pending} className="rounded border border-red-800 px-3 py-1 font-semibold text-red-800">
        Supprimer ce lieu
      </button>
      <FormStatus state={state} />
    </form>
  );
}

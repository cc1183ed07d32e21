"use client";

/**
 * Publish, unpublish or archive an offer: one form whose buttons each post a status, so the
 * server's answer stays on screen after the page shows the new status. Works without JavaScript.
 */
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/server-form";

const NEXT_STATUSES = {
  draft: [{ status: "published", label: "Publier l'offre" }],
  published: [
    { status: "draft", label: "Repasser en brouillon" },
    { status: "archived", label: "Archiver l'offre" },
  ],
  archived: [{ status: "draft", label: "Remettre en brouillon" }],
} as const;

export function OfferStatusForm({
  action,
  structureId,
  offerId,
  status,
}: {
  action: ServerAction;
  structureId: string;
  offerId: string;
  status: keyof typeof NEXT_STATUSES;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-2 space-y-2">
      <input type="hidden" name="structureId" value={structureId} />
      <input type="hidden" name="offerId" value={offerId} />
      <div className="flex flex-wrap gap-3">
        {NEXT_STATUSES[status].map((next) => (
          <button
            key={next.status}
            type="submit"
            name="status"
            value={next.status}
            disabled={pending}
            className={
              next.status === "published"
                ? "rounded bg-accent px-4 py-2 font-semibold text-white"
                : "rounded border border-accent px-3 py-1 font-semibold text-accent"
            }
          >
            {next.label}
          </button>
        ))}
      </div>
      <FormStatus state={state} />
    </form>
  );
}

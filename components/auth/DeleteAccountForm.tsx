"use client";

import { useActionState } from "react";
import { describedBy, FieldError } from "@/components/forms/Field";
import { deleteMyAccount } from "@/lib/auth/account-actions";

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteMyAccount, null);
  const error = state && !state.ok ? (state.fieldErrors?.confirmation?.[0] ?? state.error) : undefined;
  return (
    <form action={action} className="mt-3 space-y-2">
      <div className="flex items-start gap-2">
        <input
          id="confirmation"
          name="confirmation"
          type="checkbox"
          className="mt-1"
          aria-describedby={describedBy("confirmation", undefined, error)}
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor="confirmation">Je comprends, je veux supprimer mon compte.</label>
      </div>
      <FieldError id="confirmation" error={error} />
      <button type="submit" disabled={pending} className="rounded border border-red-800 px-4 py-2 font-semibold text-red-800">
        Supprimer mon compte
      </button>
    </form>
  );
}

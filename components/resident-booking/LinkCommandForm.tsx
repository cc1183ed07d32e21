"use client";

/** One button of a resident's link page (cancel, confirm, refuse, leave the list): a form that works without JavaScript. */
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/server-form";
import type { Locale } from "@/lib/i18n/locales";
import type { TokenCommand } from "@/lib/resident-booking/schemas";

export function LinkCommandForm({
  action,
  locale,
  territory,
  token,
  command,
  label,
  primary,
}: {
  action: ServerAction;
  locale: Locale;
  territory: string;
  token: string;
  command: TokenCommand;
  label: string;
  primary?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="lang" value={locale} />
      <input type="hidden" name="territory" value={territory} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="command" value={command} />
      <button
        type="submit"
        disabled={pending}
        className={primary ? "rounded bg-accent px-4 py-2 font-semibold text-white" : "rounded border-2 border-accent px-4 py-2 font-semibold text-accent"}
      >
        {label}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

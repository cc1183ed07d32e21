/** The magic-link request form: a plain HTML form posted to next-auth (works without JavaScript). */
import { describedBy, Field } from "@/components/forms/Field";

export function MagicLinkForm({
  csrfToken,
  callbackUrl,
  email = "",
  error,
  submitLabel = "Recevoir mon lien de connexion",
  hiddenEmail = false,
}: {
  csrfToken: string;
  callbackUrl: string;
  email?: string;
  error?: string;
  submitLabel?: string;
  hiddenEmail?: boolean;
}) {
  return (
    <form method="post" action="/api/auth/signin/email" className="mt-4 space-y-3" noValidate>
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {hiddenEmail ? (
        <input type="hidden" name="email" value={email} />
      ) : (
        <Field id="email" label="Adresse courriel" error={error}>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={email}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy("email", undefined, error)}
            className="mt-1 w-full max-w-md rounded border border-slate-500 px-3 py-2"
          />
        </Field>
      )}
      <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
        {submitLabel}
      </button>
    </form>
  );
}

/** The magic-link request form: a plain HTML form posted to next-auth (works without JavaScript). */
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
        <div>
          <label htmlFor="email" className="block font-medium">
            Adresse courriel
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={email}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "email-erreur" : undefined}
            className="mt-1 w-full max-w-md rounded border border-slate-500 px-3 py-2"
          />
          {error && (
            <p id="email-erreur" className="mt-1 font-medium text-red-800">
              {error}
            </p>
          )}
        </div>
      )}
      <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
        {submitLabel}
      </button>
    </form>
  );
}

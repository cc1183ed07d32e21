import type { Metadata } from "next";
import { MagicLinkForm } from "@/components/auth/MagicLinkForm";
import { csrfTokenForPage } from "@/lib/auth/pages";
import { safeCallbackUrl } from "@/lib/auth/redirects";
import { signInErrorWords } from "@/lib/auth/sign-in-errors";

export const metadata: Metadata = { title: "Se connecter" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** next-auth's own error codes, said plainly. */
const NEXT_AUTH_ERRORS: Record<string, string> = {
  EmailSignin: "Le lien n'a pas pu être préparé. Réessayez dans un instant.",
  OAuthSignin: "La connexion par votre compte professionnel n'a pas abouti. Réessayez.",
  OAuthCallback: "La connexion par votre compte professionnel n'a pas abouti. Réessayez.",
  OAuthAccountNotLinked: "Cette adresse est déjà utilisée avec une autre méthode de connexion : utilisez le lien par courriel.",
  SessionRequired: "Connectez-vous pour voir cette page.",
};

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const query = new URLSearchParams({ callbackUrl, ...(params.email ? { email: params.email } : {}) });
  const csrfToken = await csrfTokenForPage(`/connexion?${query}`, params.cookies === "1");
  const generalError = params.error ? (NEXT_AUTH_ERRORS[params.error] ?? "La connexion n'a pas abouti. Réessayez.") : null;
  const hasOpenId = Boolean(process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID && process.env.OIDC_CLIENT_SECRET);

  return (
    <>
      <h1 className="text-3xl font-bold">Se connecter</h1>
      <p className="mt-2 max-w-prose">
        Pas de mot de passe à retenir : indiquez votre adresse courriel, vous recevrez un lien qui vous
        connecte en un clic.
      </p>
      {generalError && (
        <p role="alert" className="mt-4 font-medium text-red-800">
          {generalError}
        </p>
      )}
      {csrfToken ? (
        <>
          <MagicLinkForm csrfToken={csrfToken} callbackUrl={callbackUrl} email={params.email} error={signInErrorWords(params)} />
          {hasOpenId && (
            <form method="post" action="/api/auth/signin/oidc" className="mt-6">
              <input type="hidden" name="csrfToken" value={csrfToken} />
              {/* Through the proposal of the SIRET ProConnect gives, if any (app/connexion/siret). */}
              <input type="hidden" name="callbackUrl" value={`/connexion/siret?suite=${encodeURIComponent(callbackUrl)}`} />
              <button type="submit" className="rounded border border-accent px-4 py-2 font-semibold text-accent">
                Se connecter avec {process.env.OIDC_NAME ?? "ProConnect"}
              </button>
            </form>
          )}
        </>
      ) : (
        <p role="alert" className="mt-4 font-medium text-red-800">
          Votre navigateur refuse les cookies de ce site : la connexion en a besoin. Autorisez-les, puis
          rechargez la page.
        </p>
      )}
    </>
  );
}

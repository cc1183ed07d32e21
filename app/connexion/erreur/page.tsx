import type { Metadata } from "next";
import Link from "next/link";
import { MagicLinkForm } from "@/components/auth/MagicLinkForm";
import { csrfTokenForPage } from "@/lib/auth/pages";
import { signInSchema } from "@/lib/auth/schemas";

export const metadata: Metadata = { title: "Connexion impossible" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function SignInErrorPage({ searchParams }: Props) {
  const params = await searchParams;
  const expiredLink = params.error === "Verification";
  const email = signInSchema.safeParse({ email: params.email ?? "" });
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== "cookies"),
  );
  const csrfToken = expiredLink && email.success ? await csrfTokenForPage(`/connexion/erreur?${query}`, params.cookies === "1") : null;

  return (
    <>
      <h1 className="text-3xl font-bold">{expiredLink ? "Ce lien ne fonctionne plus" : "Connexion impossible"}</h1>
      <p className="mt-2 max-w-prose">
        {expiredLink
          ? "Ce lien de connexion a expiré ou a déjà servi : chaque lien ne fonctionne qu'une fois, pendant 15 minutes."
          : "La connexion n'a pas abouti."}
      </p>
      {csrfToken && email.success ? (
        <MagicLinkForm
          csrfToken={csrfToken}
          callbackUrl="/compte"
          email={email.data.email}
          hiddenEmail
          submitLabel={`Recevoir un nouveau lien à ${email.data.email}`}
        />
      ) : (
        <p className="mt-4">
          <Link href="/connexion" className="text-accent underline">
            Demander un nouveau lien
          </Link>
        </p>
      )}
    </>
  );
}

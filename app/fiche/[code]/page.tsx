/**
 * The public page of a fiche navette, reached by its QR code or its typed reference: the practical
 * part only (where, when, what to bring), no personal data. No account needed; rate-limited per
 * address; an invalid, unknown or draft code is the same friendly "not found"; not indexed.
 */
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { FicheSheet } from "@/components/transfers/fiche/FicheSheet";
import { clientIp } from "@/lib/auth/client-address";
import { db } from "@/lib/db";
import { lookUpFiche } from "@/lib/transfers/public-lookup";

export const metadata: Metadata = { title: "Fiche de transfert", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

export default async function PublicFichePage({ params }: Props) {
  const { code } = await params;
  // A route segment is at most a few dozen characters here; anything longer cannot be a code.
  let typed = code.slice(0, 120);
  try {
    typed = decodeURIComponent(typed);
  } catch {
    // A malformed escape: not a code, looked up as typed (and not found).
  }
  const result = await lookUpFiche(db, typed, { ip: clientIp(await headers()) });
  if (!result.ok && result.reason === "not_found") notFound();
  if (!result.ok) {
    return (
      <>
        <h1 className="text-3xl font-bold">Trop de tentatives</h1>
        <p className="mt-3 max-w-prose text-lg">
          Beaucoup de codes ont été essayés depuis cette connexion. Réessayez dans {result.minutes} minute{result.minutes > 1 ? "s" : ""}, ou
          appelez la structure qui vous a remis la fiche.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="sr-only">Fiche de transfert {result.fiche.code}</h1>
      <FicheSheet fiche={result.fiche} variant="public" />
    </>
  );
}

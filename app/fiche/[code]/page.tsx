/**
 * The public page of a fiche navette, reached by its QR code or its typed reference: the practical
 * part only (where, when, what to bring), no personal data. No account needed; rate-limited per
 * client address by proxy.ts before this page runs (429 with Retry-After over the limit, see
 * lib/transfers/public-lookup.ts); an invalid, unknown or draft code is the same friendly
 * "not found"; not indexed.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FicheSheet } from "@/components/transfers/fiche/FicheSheet";
import { loadPublicFiche } from "@/lib/transfers/page-data";

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
  const fiche = await loadPublicFiche(typed);
  if (!fiche) notFound();
  return (
    <>
      <h1 className="sr-only">Fiche de transfert {fiche.code}</h1>
      <FicheSheet fiche={fiche} variant="public" />
    </>
  );
}

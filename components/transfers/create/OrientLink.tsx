/**
 * "Orienter une personne vers cette offre", for a signed-in member of a structure of the offer's
 * territory; nothing for anyone else (the public page stays as it is for residents). Reads the
 * session on the server: no client script.
 */
import Link from "next/link";
import { getActor } from "@/lib/auth/session";
import { mayOrientIn, newTransferHref } from "@/lib/transfers/create-form";

export async function OrientLink({ offerId, territoryId, className }: { offerId: string; territoryId: string; className?: string }) {
  const actor = await getActor();
  if (!mayOrientIn(actor, territoryId)) return null;
  return (
    <p className={className} lang="fr">
      <Link href={newTransferHref(offerId)} className="font-semibold text-accent underline">
        Orienter une personne vers cette offre
      </Link>
    </p>
  );
}

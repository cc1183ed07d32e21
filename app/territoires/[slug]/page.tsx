import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { loadPendingApplicationCount } from "@/lib/newcomers/page-data";
import { loadManagedTerritory } from "@/lib/structures/page-data";

export const metadata: Metadata = { title: "Coordination du territoire" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function TerritoryCoordinationPage({ params }: Props) {
  const { slug } = await params;
  const actor = await requireActor(`/territoires/${slug}`);
  const territory = await loadManagedTerritory(actor, slug);
  if (!territory) notFound();
  const pendingApplications = await loadPendingApplicationCount(territory.id);
  return (
    <>
      <h1 className="text-3xl font-bold">{territory.name}</h1>
      <p className="mt-1 text-slate-700">Coordination : les structures du territoire et leurs responsables.</p>
      <p className="mt-2 flex flex-wrap gap-4">
        <Link href={`/territoires/${territory.slug}/matrice`} className="text-accent underline">
          Matrice
        </Link>
        <Link href={`/territoires/${territory.slug}/couverture`} className="text-accent underline">
          Couverture et manques
        </Link>
        <Link href={`/territoires/${territory.slug}/campagnes`} className="text-accent underline">
          Campagnes de mise à jour
        </Link>
        <Link href={`/territoires/${territory.slug}/signalements`} className="text-accent underline">
          Erreurs signalées par le public
        </Link>
        <Link href={`/territoires/${territory.slug}/nouvelles-structures`} className="text-accent underline">
          Nouvelles structures{pendingApplications > 0 ? ` (${pendingApplications} en attente)` : ""}
        </Link>
        <Link href={`/territoires/${territory.slug}/import`} className="text-accent underline">
          Importer des données
        </Link>
        <Link href={`/territoires/${territory.slug}/transferts`} className="text-accent underline">
          Suivi des transferts
        </Link>
        <Link href={`/territoires/${territory.slug}/transferts/reglages`} className="text-accent underline">
          Réglages des transferts
        </Link>
        <Link href={`/territoires/${territory.slug}/listes`} className="text-accent underline">
          Listes du territoire
        </Link>
        <Link href={`/territoires/${territory.slug}/orientation`} className="text-accent underline">
          Assistant d&apos;orientation
        </Link>
        <Link href={`/territoires/${territory.slug}/indicateurs`} className="text-accent underline">
          Indicateurs du réseau
        </Link>
        <Link href={`/territoires/${territory.slug}/activite`} className="text-accent underline">
          Rendez-vous, permanences et ateliers
        </Link>
        <Link href={`/territoires/${territory.slug}/structures/nouvelle`} className="font-semibold text-accent underline">
          Ajouter une structure
        </Link>
      </p>
      <table className="mt-6 w-full border-collapse text-left">
        <caption className="sr-only">Structures du territoire</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-2 pr-3">Structure</th>
            <th scope="col" className="py-2 pr-3">Administration</th>
            <th scope="col" className="py-2 pr-3">Membres</th>
            <th scope="col" className="py-2">Demandes</th>
          </tr>
        </thead>
        <tbody>
          {territory.structures.map((structure) => (
            <tr key={structure.id} className="border-b border-slate-200">
              <td className="py-2 pr-3">
                <Link href={`/structures/${structure.id}`} className="text-accent underline">
                  {structure.name}
                </Link>
              </td>
              <td className="py-2 pr-3">
                {structure.memberships.length > 0
                  ? structure.memberships.map((membership) => membership.user.email).join(", ")
                  : "Personne : invitez un·e administrateur·rice"}
              </td>
              <td className="py-2 pr-3">{structure._count.memberships}</td>
              <td className="py-2">{structure._count.joinRequests}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

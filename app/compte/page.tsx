import type { Metadata } from "next";
import Link from "next/link";
import { DeleteAccountForm } from "@/components/auth/DeleteAccountForm";
import { ROLE_LABELS } from "@/lib/memberships/labels";
import { loadAccountOverview } from "@/lib/auth/page-data";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Mon compte" };
export const dynamic = "force-dynamic";


export default async function AccountPage() {
  const actor = await requireActor("/compte");
  const account = await loadAccountOverview(actor.userId);
  return (
    <>
      <h1 className="text-3xl font-bold">Mon compte</h1>
      <p className="mt-2">
        Connecté·e avec <strong>{account.email}</strong>
        {account.isPlatformAdmin && " — administration de la plateforme"}
      </p>
      {account.isPlatformAdmin && (
        <p className="mt-2">
          <Link href="/admin" className="text-accent underline">
            Administrer la plateforme : territoires et coordination
          </Link>
        </p>
      )}

      <h2 className="mt-8 text-xl font-semibold">Mes structures</h2>
      {account.memberships.length === 0 ? (
        <p className="mt-2">Vous ne faites partie d&apos;aucune structure pour l&apos;instant.</p>
      ) : (
        <ul className="mt-2 list-disc pl-6">
          {account.memberships.map(({ role, structure }) => (
            <li key={structure.id}>
              <Link href={`/structures/${structure.id}`} className="text-accent underline">
                {structure.name}
              </Link>{" "}
              ({structure.territory.name}) — {ROLE_LABELS[role]}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2">
        <Link href="/structures" className="text-accent underline">
          Rejoindre une structure
        </Link>
      </p>

      <h2 className="mt-8 text-xl font-semibold">Mes territoires</h2>
      {account.coordinatedAreas.length === 0 ? (
        <p className="mt-2">Vous ne coordonnez aucun territoire.</p>
      ) : (
        <ul className="mt-2 list-disc pl-6">
          {account.coordinatedAreas.map(({ territory }) => (
            <li key={territory.slug}>
              <Link href={`/territoires/${territory.slug}`} className="text-accent underline">
                {territory.name}
              </Link>{" "}
              — coordination
            </li>
          ))}
        </ul>
      )}

      <h2 className="mt-8 text-xl font-semibold">Se déconnecter</h2>
      <div className="mt-2 flex flex-wrap gap-3">
        <form method="post" action="/deconnexion">
          <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
            Se déconnecter
          </button>
        </form>
        {account._count.sessions > 1 && (
          <form method="post" action="/deconnexion?partout=1">
            <button type="submit" className="rounded border border-accent px-4 py-2 font-semibold text-accent">
              Se déconnecter de tous les appareils ({account._count.sessions})
            </button>
          </form>
        )}
      </div>

      <h2 className="mt-8 text-xl font-semibold">Supprimer mon compte</h2>
      <p className="mt-2 max-w-prose">
        Votre adresse, vos sessions et vos rattachements aux structures sont effacés. Ce que vous avez
        saisi pour vos structures (lieux, offres, horaires) reste : cela appartient à la structure. Les
        invitations que vous avez envoyées restent valables, sans votre nom. Si vous êtes la seule
        personne à administrer une structure, la coordination du territoire pourra en inviter une autre.
      </p>
      <DeleteAccountForm />
    </>
  );
}

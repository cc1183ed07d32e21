import type { Metadata } from "next";
import Link from "next/link";
import { DeleteAccountForm } from "@/components/auth/DeleteAccountForm";
import { ROLE_LABELS } from "@/lib/memberships/labels";
import { loadAccountOverview } from "@/lib/auth/page-data";
import { requireActor } from "@/lib/auth/session";
import { ActionForm } from "@/components/forms/ActionForm";
import { feedAddressAction } from "@/lib/calendar/actions";
import { loadFeedToken } from "@/lib/calendar/page-data";
import { requestOrigin } from "@/lib/request-origin";

export const metadata: Metadata = { title: "Mon compte" };
export const dynamic = "force-dynamic";


export default async function AccountPage() {
  const actor = await requireActor("/compte");
  const account = await loadAccountOverview(actor.userId);
  const feed = account.memberships.length > 0 ? await loadFeedToken(actor.userId) : null;
  const feedUrl = feed ? `${await requestOrigin()}/calendrier/${feed}.ics` : null;
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

      {account.memberships.length > 0 && (
        <section aria-labelledby="agenda-calendrier">
          <h2 id="agenda-calendrier" className="mt-8 text-xl font-semibold">
            Mes rendez-vous dans mon agenda
          </h2>
          <p className="mt-2 max-w-prose">
            Une adresse secrète à ajouter dans votre application d&apos;agenda (« s&apos;abonner à un calendrier ») : vos rendez-vous y
            apparaissent, sans le nom ni les coordonnées des personnes (seulement « RDV — démarche » et une référence).
          </p>
          {feedUrl ? (
            <>
              <p className="mt-2 break-all">
                <a href={feedUrl} className="text-accent underline">
                  {feedUrl}
                </a>
              </p>
              <div className="mt-2">
                <ActionForm action={feedAddressAction} submitLabel="Changer d'adresse (l'ancienne cesse de fonctionner)" variant="secondary">
                  <input type="hidden" name="renew" value="1" />
                </ActionForm>
              </div>
            </>
          ) : (
            <div className="mt-2">
              <ActionForm action={feedAddressAction} submitLabel="Obtenir l'adresse de mon agenda">
                <input type="hidden" name="renew" value="0" />
              </ActionForm>
            </div>
          )}
        </section>
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

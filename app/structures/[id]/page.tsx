import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { OfferStatusBadge } from "@/components/offers/OfferStatusBadge";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { loadOpenReportCount } from "@/lib/error-reports/page-data";
import { confirmStructureCardUnchanged, confirmUnchanged } from "@/lib/freshness/actions";
import { loadStructurePage } from "@/lib/structures/page-data";
import { mayOrientIn, newTransferHref } from "@/lib/transfers/create-form";

export const metadata: Metadata = { title: "Structure" };
export const dynamic = "force-dynamic";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function StructurePage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}`);
  const page = await loadStructurePage(actor, id);
  if (!page) notFound();
  const { found, structure } = page;
  const mayEdit = can(actor, "structure.edit", { structureId: found.id, territoryId: found.territoryId });
  const openReports = mayEdit ? await loadOpenReportCount(found.id) : 0;
  // The agenda is its members' (coordinators see counts only, never these rows).
  const mayReceive = can(actor, "structure.receive", { structureId: found.id, territoryId: found.territoryId });
  const maySeeIndicators = can(actor, "structure.viewIndicators", { structureId: found.id, territoryId: found.territoryId });
  const query = await searchParams;
  const justCreated = query.creee === "1";
  const fromApplication = query.nouvelle === "1";
  const base = `/structures/${structure.id}`;

  return (
    <>
      <p>
        <Link href={`/territoires/${structure.territory.slug}/matrice`} className="text-accent underline">
          ← Matrice : {structure.territory.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{structure.name}</h1>
      {justCreated && (
        <p role="status" className="mt-2 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          Structure créée. Ajoutez maintenant ses lieux et ses offres.
        </p>
      )}
      {fromApplication && (
        <p role="status" className="mt-2 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          Demande validée : la structure est créée avec son premier lieu, et la personne qui l&apos;a demandée est invitée à l&apos;administrer pour
          décrire ses offres.
        </p>
      )}
      <p className="mt-1 flex flex-wrap gap-x-4 text-slate-700">
        {mayEdit && (
          <Link href={`${base}/modifier`} className="text-accent underline">
            Modifier la fiche
          </Link>
        )}
        <Link href={`${base}/membres`} className="text-accent underline">
          Membres
        </Link>
        {mayReceive && (
          <Link href={`${base}/agenda`} className="text-accent underline">
            Agenda
          </Link>
        )}
        {mayReceive && (
          <Link href={`${base}/ateliers`} className="text-accent underline">
            Ateliers
          </Link>
        )}
        {mayReceive && (
          <Link href={`${base}/permanences`} className="text-accent underline">
            Permanences
          </Link>
        )}
        {mayReceive && structure.offers.some((offer) => offer.phoneLine && offer.status !== "archived") && (
          <Link href={`${base}/appels`} className="text-accent underline">
            Appels (ligne téléphonique)
          </Link>
        )}
        {maySeeIndicators && (
          <Link href={`${base}/indicateurs`} className="text-accent underline">
            Indicateurs
          </Link>
        )}
        {mayEdit && (
          <Link href={`${base}/signalements`} className="text-accent underline">
            Erreurs signalées{openReports > 0 ? ` (${openReports} à traiter)` : ""}
          </Link>
        )}
        <Link href={`${base}/historique`} className="text-accent underline">
          Historique
        </Link>
      </p>
      {structure.description && <p className="mt-3 max-w-prose">{structure.description}</p>}
      <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        {structure.terms.length > 0 && (
          <>
            <dt className="font-medium">Type et labels</dt>
            <dd>{structure.terms.map(({ term }) => term.label).join(", ")}</dd>
          </>
        )}
        {structure.phone && (
          <>
            <dt className="font-medium">Téléphone</dt>
            <dd>{structure.phone}</dd>
          </>
        )}
        {structure.email && (
          <>
            <dt className="font-medium">Courriel</dt>
            <dd>{structure.email}</dd>
          </>
        )}
        {structure.identifiers.map((identifier) => (
          <div key={identifier.type} className="contents">
            <dt className="font-medium">{identifier.type}</dt>
            <dd>{identifier.value}</dd>
          </div>
        ))}
      </dl>

      <div className="mt-3 flex flex-wrap items-start gap-4">
        <p className="text-slate-700">
          {structure.lastVerifiedAt
            ? `Fiche vérifiée le ${dateFormat.format(structure.lastVerifiedAt)}${structure.lastVerifiedBy ? ` par ${structure.lastVerifiedBy.name ?? structure.lastVerifiedBy.email}` : ""}.`
            : "Fiche jamais vérifiée."}
          {structure.stale && <strong className="ml-1 text-red-800">À vérifier.</strong>}
        </p>
        {mayEdit && (
          <ActionForm action={confirmStructureCardUnchanged} submitLabel="Rien n'a changé sur la fiche" variant="secondary">
            <input type="hidden" name="structureId" value={structure.id} />
          </ActionForm>
        )}
      </div>

      <section aria-labelledby="lieux" className="mt-8">
        <h2 id="lieux" className="text-2xl font-semibold">Lieux</h2>
        {structure.places.length === 0 ? (
          <p className="mt-2">Pas encore de lieu. Une offre peut aussi se faire à distance, ou dans le lieu d&apos;un partenaire.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {structure.places.map((place) => (
              <li key={place.id} className="rounded border border-slate-300 p-3">
                <p className="font-semibold">
                  {mayEdit ? (
                    <Link href={`${base}/lieux/${place.id}`} className="text-accent underline">
                      {place.name}
                    </Link>
                  ) : (
                    place.name
                  )}
                </p>
                <p>
                  {place.address}, {place.postalCode} {place.communeName}
                </p>
                {mayEdit && (
                  <p>
                    <Link href={`${base}/lieux/${place.id}/horaires`} className="text-accent underline">
                      Horaires de {place.name}
                    </Link>
                  </p>
                )}
                {place.offers.length > 0 && (
                  <p className="text-slate-700">
                    Permanences accueillies :{" "}
                    {place.offers.map(({ offer }) => `${offer.title} (${offer.structure.name})`).join(", ")}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        {mayEdit && (
          <p className="mt-3">
            <Link href={`${base}/lieux/nouveau`} className="font-semibold text-accent underline">
              Ajouter un lieu
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="offres" className="mt-8">
        <h2 id="offres" className="text-2xl font-semibold">Offres</h2>
        {structure.offers.length === 0 ? (
          <p className="mt-2">Pas encore d&apos;offre.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {structure.offers.map((offer) => (
              <li key={offer.id} className="rounded border border-slate-300 p-3">
                <p className="font-semibold">
                  {mayEdit ? (
                    <Link href={`${base}/offres/${offer.id}`} className="text-accent underline">
                      {offer.title}
                    </Link>
                  ) : (
                    offer.title
                  )}{" "}
                  <OfferStatusBadge status={offer.status} />
                </p>
                <p>
                  {offer.places.length === 0
                    ? "À distance"
                    : offer.places
                        .map(({ place }) =>
                          place.structureId === structure.id ? `${place.name} (${place.communeName})` : `permanence chez ${place.structure.name} (${place.communeName})`,
                        )
                        .join(", ")}
                </p>
                <p className="text-slate-700">
                  {offer.lastVerifiedAt
                    ? `Vérifiée le ${dateFormat.format(offer.lastVerifiedAt)}${offer.lastVerifiedBy ? ` par ${offer.lastVerifiedBy.name ?? offer.lastVerifiedBy.email}` : ""}.`
                    : "Jamais vérifiée."}
                  {offer.stale && <strong className="ml-1 text-red-800">À vérifier.</strong>}
                </p>
                {offer.status === "published" && structure.status === "published" && mayOrientIn(actor, found.territoryId) && (
                  <p>
                    <Link href={newTransferHref(offer.id)} className="text-accent underline">
                      Orienter une personne vers « {offer.title} »
                    </Link>
                  </p>
                )}
                {mayEdit && offer.status !== "archived" && (
                  <div className="mt-2 flex flex-wrap items-start gap-4">
                    <Link href={`${base}/offres/${offer.id}/horaires`} className="text-accent underline">
                      Horaires de « {offer.title} »
                    </Link>
                    <ActionForm action={confirmUnchanged} submitLabel={`Rien n'a changé pour « ${offer.title} »`} variant="secondary">
                      <input type="hidden" name="offerId" value={offer.id} />
                    </ActionForm>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {mayEdit && (
          <p className="mt-3">
            <Link href={`${base}/offres/nouvelle`} className="font-semibold text-accent underline">
              Ajouter une offre
            </Link>
          </p>
        )}
      </section>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FilterSelect } from "@/components/forms/FilterSelect";
import { formatDate } from "@/components/transfers/inbox/format";
import { StatusBadge } from "@/components/transfers/inbox/StatusBadge";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { LEVEL_LABELS, OUTCOME_LABELS, STATUS_LABELS, URGENCY_LABELS } from "@/lib/transfers/labels";
import { loadTerritoryTransfersPage } from "@/lib/transfers/page-data";
import { parseTerritoryTransferFilters, type TerritoryTransferFilters } from "@/lib/transfers/territory-transfers";
import { TRANSFER_STATUSES } from "@/lib/transfers/state-machine";

export const metadata: Metadata = { title: "Transferts du territoire" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};


function href(slug: string, filters: TerritoryTransferFilters, page: number) {
  const query = new URLSearchParams();
  if (filters.status) query.set("statut", filters.status);
  if (filters.level) query.set("niveau", filters.level);
  if (filters.toStructureId) query.set("structure", filters.toStructureId);
  if (page > 1) query.set("page", String(page));
  return `/territoires/${slug}/transferts?${query}`;
}

export default async function TerritoryTransfersPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await requireActor(`/territoires/${slug}/transferts`);
  const filters = parseTerritoryTransferFilters(await searchParams);
  const page = await loadTerritoryTransfersPage(actor, slug, filters);
  if (!page) notFound();
  const { territory, view } = page;
  const sent = Object.values(view.byStatus).reduce((sum, count) => sum + (count ?? 0), 0);

  return (
    <>
      <p>
        <Link href={`/territoires/${slug}/matrice`} className="text-accent underline">
          ← Matrice : {territory.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Transferts du territoire</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        {territory.name} — {sent} transfert{sent > 1 ? "s" : ""} envoyé{sent > 1 ? "s" : ""}. Pour la coordination : les structures, les offres,
        les statuts et les résultats, jamais les données des personnes.
      </p>
      {can(actor, "territory.manage", { territoryId: territory.id }) && (
        <p className="mt-2">
          <Link href={`/territoires/${slug}/transferts/reglages`} className="text-accent underline">
            Réglages des transferts
          </Link>{" "}
          (délais de relance, d&apos;expiration et de conservation)
        </p>
      )}

      <div className="mt-4 grid gap-4 sm:grid-cols-3">
        <section aria-labelledby="par-statut">
          <h2 id="par-statut" className="font-semibold">
            Par statut
          </h2>
          <ul className="mt-1">
            {TRANSFER_STATUSES.filter((status) => status !== "draft").map((status) => (
              <li key={status}>
                {STATUS_LABELS[status]} : {view.byStatus[status] ?? 0}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="par-niveau">
          <h2 id="par-niveau" className="font-semibold">
            Par niveau
          </h2>
          <ul className="mt-1">
            {Object.entries(LEVEL_LABELS).map(([level, { label }]) => (
              <li key={level}>
                {label} : {view.byLevel[level as keyof typeof view.byLevel] ?? 0}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="par-structure">
          <h2 id="par-structure" className="font-semibold">
            Par structure qui reçoit
          </h2>
          {view.byReceivingStructure.length === 0 ? (
            <p className="mt-1">Aucune pour l&apos;instant.</p>
          ) : (
            <ul className="mt-1">
              {view.byReceivingStructure.map((row) => (
                <li key={row.structureId}>
                  {row.name} : {row.count}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3">
        <FilterSelect
          name="statut"
          label="Statut"
          value={filters.status}
          options={TRANSFER_STATUSES.filter((status) => status !== "draft").map((status) => ({ id: status, label: STATUS_LABELS[status] }))}
        />
        <FilterSelect
          name="niveau"
          label="Niveau"
          value={filters.level}
          options={Object.entries(LEVEL_LABELS).map(([level, { label }]) => ({ id: level, label }))}
        />
        <FilterSelect
          name="structure"
          label="Structure qui reçoit"
          allLabel="Toutes"
          value={filters.toStructureId}
          options={view.byReceivingStructure.map((row) => ({ id: row.structureId, label: row.name }))}
        />
        <button type="submit" className="rounded bg-accent px-3 py-1.5 font-semibold text-white">
          Filtrer
        </button>
      </form>

      <h2 className="mt-6 text-xl font-semibold">Liste ({view.total})</h2>
      {view.rows.length === 0 ? (
        <p className="mt-2">Aucun transfert{filters.status || filters.level || filters.toStructureId ? " avec ces filtres" : " envoyé sur le territoire pour l'instant"}.</p>
      ) : (
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Transferts du territoire">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Transferts du territoire, sans données personnelles</caption>
            <thead>
              <tr className="border-b-2 border-slate-500">
                {["Code", "Envoyé le", "De", "Vers", "Offre", "Besoin", "Niveau", "Urgence", "Statut", "Résultat"].map((column) => (
                  <th key={column} scope="col" className="px-2 py-2 align-bottom">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-300 align-top">
                  <th scope="row" className="px-2 py-2 font-mono whitespace-nowrap">
                    {/* Platform admins see the counts and the list, not the transfer's page (transfer.view). */}
                    {can(actor, "transfer.view", { territoryId: territory.id, fromStructureId: row.fromStructure.id, toStructureId: row.toStructure.id, status: row.status }) ? (
                      <Link href={`/transferts/${row.id}`} className="text-accent underline">
                        {row.code}
                      </Link>
                    ) : (
                      row.code
                    )}
                  </th>
                  <td className="px-2 py-2 whitespace-nowrap">{formatDate(row.sentAt ?? row.createdAt, territory.timeZone)}</td>
                  <td className="px-2 py-2">{row.fromStructure.name}</td>
                  <td className="px-2 py-2">{row.toStructure.name}</td>
                  <td className="px-2 py-2">{row.offer?.title ?? "—"}</td>
                  <td className="px-2 py-2">{row.needTerm?.label ?? row.needDescription}</td>
                  <td className="px-2 py-2">{LEVEL_LABELS[row.level].label}</td>
                  <td className="px-2 py-2">{URGENCY_LABELS[row.urgency]}</td>
                  <td className="px-2 py-2">
                    <StatusBadge status={row.status} />
                  </td>
                  <td className="px-2 py-2">{row.outcome ? OUTCOME_LABELS[row.outcome] : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.pageCount > 1 && (
        <nav aria-label="Pages" className="mt-4 flex gap-4">
          {view.page > 1 && (
            <Link href={href(slug, filters, view.page - 1)} className="text-accent underline">
              Page précédente
            </Link>
          )}
          <span>
            Page {view.page} sur {view.pageCount}
          </span>
          {view.page < view.pageCount && (
            <Link href={href(slug, filters, view.page + 1)} className="text-accent underline">
              Page suivante
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

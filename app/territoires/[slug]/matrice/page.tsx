import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FilterSelect } from "@/components/forms/FilterSelect";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { confirmUnchanged } from "@/lib/freshness/actions";
import { parseMatrixFilters, type MatrixFilters } from "@/lib/matrix/filters";
import { loadMatrix, loadMatrixFilterOptions, loadMatrixTerritory } from "@/lib/matrix/page-data";
import { mayOrientIn, newTransferHref } from "@/lib/transfers/create-form";

export const metadata: Metadata = { title: "Matrice du territoire" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });

export default async function MatrixPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await requireActor(`/territoires/${slug}/matrice`);
  const territory = await loadMatrixTerritory(actor, slug);
  if (!territory) notFound();
  const filters: MatrixFilters = parseMatrixFilters(await searchParams);
  const [rows, options] = await Promise.all([loadMatrix(territory.id, filters), loadMatrixFilterOptions(territory.id)]);
  const mayOrient = mayOrientIn(actor, territory.id);
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]));

  return (
    <>
      <h1 className="text-3xl font-bold">Matrice de la médiation numérique</h1>
      <p className="mt-1 text-slate-700">
        {territory.name} — qui fait quoi, pour qui, comment, où et quand. {rows.length} offre{rows.length > 1 ? "s" : ""}.
      </p>

      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 print:hidden">
        <FilterSelect name="besoin" label="Besoin" options={options.needs} value={filters.besoin} />
        <FilterSelect name="public" label="Public" options={options.publics} value={filters.public} />
        <FilterSelect name="posture" label="Posture" options={options.postures} value={filters.posture} />
        <FilterSelect name="acces" label="Accès" options={options.accessModes} value={filters.acces} />
        <FilterSelect name="commune" label="Commune" options={options.communes} value={filters.commune} />
        <FilterSelect name="structure" label="Structure" options={options.structures} value={filters.structure} />
        <div>
          <label htmlFor="filtre-tri" className="block text-sm font-medium">
            Trier par
          </label>
          <select id="filtre-tri" name="tri" defaultValue={filters.tri ?? "qui"} className="mt-1 rounded border border-slate-500 px-2 py-1">
            <option value="qui">Qui</option>
            <option value="quoi">Quoi</option>
            <option value="ou">Où</option>
            <option value="verification">Date de vérification</option>
          </select>
        </div>
        <button type="submit" className="rounded bg-accent px-3 py-1.5 font-semibold text-white">
          Filtrer
        </button>
        <a href={`/territoires/${slug}/matrice/export?${query}`} className="text-accent underline">
          Exporter en CSV
        </a>
        <a href={`/territoires/${slug}/matrice/export?${new URLSearchParams([...query, ["format", "xlsx"]])}`} className="text-accent underline">
          Exporter en XLSX (Excel, LibreOffice)
        </a>
        {can(actor, "territory.manage", { territoryId: territory.id }) && (
          <Link href={`/territoires/${slug}/import`} className="text-accent underline">
            Importer des données
          </Link>
        )}
      </form>

      {/* Focusable so that keyboard users can scroll the wide table (WCAG 2.1.1). */}
      <div className="print-landscape mt-4 overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label="Matrice">
        <table className="w-full border-collapse text-left text-sm print:text-xs">
          <caption className="sr-only">Matrice : une ligne par offre</caption>
          <thead>
            <tr className="border-b-2 border-slate-500">
              {["Qui ?", "Quoi ?", "Comment ?", "Où ?", "Quand ?", "Autres"].map((column) => (
                <th key={column} scope="col" className="px-2 py-2 align-bottom">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const ref = { structureId: row.structureId, territoryId: territory.id };
              const mayEdit = can(actor, "structure.edit", ref);
              return (
                <tr key={row.offerId} className="border-b border-slate-300 align-top">
                  <th scope="row" className="px-2 py-2 font-semibold">
                    {can(actor, "structure.viewMembers", ref) ? (
                      <Link href={`/structures/${row.structureId}`} className="text-accent underline print:no-underline">
                        {row.qui}
                      </Link>
                    ) : (
                      row.qui
                    )}
                  </th>
                  <td className="px-2 py-2">
                    <p className="font-medium">
                      {mayEdit ? (
                        <Link href={`/structures/${row.structureId}/offres/${row.offerId}`} className="text-accent underline print:no-underline">
                          {row.quoi.title}
                        </Link>
                      ) : (
                        row.quoi.title
                      )}
                    </p>
                    {row.quoi.postures.length > 0 && <p>{row.quoi.postures.join(", ")}</p>}
                    {row.status === "draft" && <p className="font-semibold text-amber-900">Brouillon</p>}
                    {row.status === "published" && row.structurePublished && mayOrient && (
                      <p className="print:hidden">
                        <Link href={newTransferHref(row.offerId)} className="text-accent underline">
                          Orienter une personne<span className="sr-only"> vers « {row.quoi.title} »</span>
                        </Link>
                      </p>
                    )}
                  </td>
                  <td className="px-2 py-2">
                    <p>{row.comment.accessModes.join(", ")}</p>
                    <p>{row.comment.publics.join(", ")}</p>
                    {row.comment.conditions.map((condition) => (
                      <p key={condition}>{condition}</p>
                    ))}
                  </td>
                  <td className="px-2 py-2">
                    {row.ou.map((place) => (
                      <p key={place}>{place}</p>
                    ))}
                  </td>
                  <td className="px-2 py-2">{row.quand}</td>
                  <td className="px-2 py-2">
                    <p>{[row.autres.fees.join(", "), row.autres.feeDetails].filter(Boolean).join(" — ")}</p>
                    {row.autres.documents.length > 0 && <p>À apporter : {row.autres.documents.join(", ")}</p>}
                    <p className={row.stale ? "font-semibold text-amber-900" : "text-slate-700"}>
                      {row.stale ? "À vérifier — " : ""}
                      {row.lastVerifiedAt ? `vérifiée le ${dateFormat.format(row.lastVerifiedAt)}` : "jamais vérifiée"}
                      {row.verifiedBy ? ` par ${row.verifiedBy}` : ""}
                    </p>
                    {mayEdit && (
                      <div className="mt-1 print:hidden">
                        <ActionForm action={confirmUnchanged} submitLabel={`Rien n'a changé : ${row.quoi.title}`} variant="secondary">
                          <input type="hidden" name="offerId" value={row.offerId} />
                        </ActionForm>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

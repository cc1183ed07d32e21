import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FilterSelect } from "@/components/forms/FilterSelect";
import { InboxTable } from "@/components/transfers/inbox/InboxTable";
import { requireActor } from "@/lib/auth/session";
import { messageOf } from "@/lib/errors/messages";
import { LEVEL_LABELS, URGENCY_LABELS } from "@/lib/transfers/labels";
import { loadAssistantTerritories } from "@/lib/orientation/page-data";
import { loadCoordinatedTerritories, loadInbox, loadTransferByCode } from "@/lib/transfers/page-data";
import { inboxHref, inboxParams, INBOX_GROUPS, parseInboxFilters, type InboxDirection, type InboxGroup } from "@/lib/transfers/inbox";

export const metadata: Metadata = { title: "Transferts" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DIRECTION_LABELS: Record<InboxDirection, string> = { received: "Reçus", sent: "Envoyés" };
const GROUP_LABELS: Record<InboxGroup, string> = { new: "Nouveaux", in_progress: "En cours", closed: "Clos", draft: "Brouillons" };

const EMPTY: Record<InboxDirection, Record<InboxGroup, string>> = {
  received: {
    new: "Aucun nouveau transfert. Quand un partenaire vous adresse une personne, son transfert arrive ici et les membres de votre structure reçoivent un courriel.",
    in_progress: "Aucun transfert en cours. Un transfert passe ici quand vous avez confirmé sa réception (« Bien reçu ») ou que vous l'avez accepté.",
    closed: "Aucun transfert clos. Ici viennent les transferts terminés (avec leur résultat), refusés, annulés ou expirés.",
    draft: "",
  },
  sent: {
    new: "Aucun transfert en attente de réponse. Pour orienter une personne, partez d'une offre de la matrice du territoire : « Orienter une personne vers cette offre ».",
    in_progress: "Aucun transfert en cours chez un partenaire. Un transfert passe ici quand le partenaire a confirmé sa réception ou l'a accepté.",
    closed: "Aucun transfert clos. Ici viennent vos transferts terminés, refusés, annulés ou expirés.",
    draft: "Aucun brouillon.",
  },
};


export default async function TransfersPage({ searchParams }: Props) {
  const params = await searchParams;
  const actor = await requireActor("/transferts");
  const filters = parseInboxFilters(params);

  // The code search opens the transfer when it is one of the actor's; otherwise says why not.
  let codeMessage: string | null = null;
  if (filters.code) {
    const found = await loadTransferByCode(actor, filters.code);
    if (found.kind === "found") redirect(`/transferts/${found.id}`);
    codeMessage = messageOf(found.kind === "incomplete" ? { code: "transfer.code_incomplete" } : { code: "transfer.code_unknown", params: { code: found.code } });
  }

  const [inbox, territories, assistantTerritories] = await Promise.all([
    loadInbox(actor, filters),
    loadCoordinatedTerritories(actor),
    loadAssistantTerritories(actor),
  ]);
  const groups = INBOX_GROUPS[filters.direction];
  const group = groups.includes(filters.group) ? filters.group : "new";
  const noStructure = actor.memberships.length === 0;

  return (
    <>
      <h1 className="text-3xl font-bold">Transferts</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        Les personnes que vos structures orientent vers un partenaire, et celles qu&apos;on vous adresse.
      </p>

      {assistantTerritories.length > 0 && (
        <ul className="mt-3 list-disc ps-6">
          {assistantTerritories.map((territory) => (
            <li key={territory.slug}>
              <Link href={`/territoires/${territory.slug}/orientation`} className="font-semibold text-accent underline">
                Trouver la bonne offre : assistant d&apos;orientation{assistantTerritories.length > 1 ? ` (${territory.name})` : ""}
              </Link>
            </li>
          ))}
        </ul>
      )}

      {territories.length > 0 && (
        <ul className="mt-3 list-disc ps-6">
          {territories.map((territory) => (
            <li key={territory.slug}>
              <Link href={`/territoires/${territory.slug}/transferts`} className="text-accent underline">
                Suivi des transferts du territoire : {territory.name}
              </Link>
            </li>
          ))}
        </ul>
      )}

      {noStructure ? (
        <p className="mt-4 max-w-prose rounded border border-slate-400 bg-slate-50 p-3">
          Vous n&apos;êtes membre d&apos;aucune structure : les transferts se font entre structures. Demandez à rejoindre la vôtre depuis{" "}
          <Link href="/compte" className="text-accent underline">
            votre compte
          </Link>
          .
        </p>
      ) : (
        <>
          <form method="get" className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label="Rechercher un transfert par son code">
            <div>
              <label htmlFor="recherche-code" className="block font-medium">
                Code du transfert
              </label>
              <p id="recherche-code-aide" className="text-sm text-slate-700">
                Sur la fiche navette que la personne vous présente, par exemple TR-7K4Q-2M.
              </p>
              <input
                id="recherche-code"
                name="code"
                defaultValue={filters.code ?? ""}
                maxLength={40}
                autoComplete="off"
                aria-invalid={codeMessage ? true : undefined}
                aria-describedby={`recherche-code-aide${codeMessage ? " recherche-code-erreur" : ""}`}
                className="mt-1 w-48 rounded border border-slate-500 px-2 py-1 font-mono uppercase"
              />
            </div>
            <button type="submit" className="rounded border border-accent px-3 py-1.5 font-semibold text-accent">
              Ouvrir
            </button>
            {codeMessage && (
              <p id="recherche-code-erreur" role="alert" className="w-full font-medium text-red-800">
                {codeMessage}
              </p>
            )}
          </form>

          <nav aria-label="Sens des transferts" className="mt-6">
            <ul className="flex gap-2 border-b border-slate-300">
              {(["received", "sent"] as const).map((direction) => (
                <li key={direction}>
                  <Link
                    href={inboxHref(filters, { direction, group: "new" })}
                    aria-current={direction === filters.direction ? "page" : undefined}
                    className={`block rounded-t border border-b-0 px-4 py-2 font-semibold ${
                      direction === filters.direction ? "border-slate-400 bg-white text-ink" : "border-transparent text-accent underline"
                    }`}
                  >
                    {DIRECTION_LABELS[direction]}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>

          <nav aria-label={`Transferts ${DIRECTION_LABELS[filters.direction].toLowerCase()} par étape`} className="mt-3">
            <ul className="flex flex-wrap gap-2">
              {groups.map((item) => (
                <li key={item}>
                  <Link
                    href={inboxHref(filters, { group: item })}
                    aria-current={item === group ? "page" : undefined}
                    className={`block rounded-full border px-3 py-1 ${item === group ? "border-ink bg-ink text-white" : "border-accent text-accent"}`}
                  >
                    {GROUP_LABELS[item]} ({inbox.counts[item]})
                  </Link>
                </li>
              ))}
            </ul>
          </nav>

          <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
            <input type="hidden" name="sens" value={inboxParams.direction[filters.direction]} />
            <input type="hidden" name="onglet" value={inboxParams.group[group]} />
            {inbox.structures.length > 1 && (
              <FilterSelect
                name="structure"
                label="Structure"
                allLabel="Toutes mes structures"
                value={filters.structureId}
                options={inbox.structures.map((structure) => ({ id: structure.id, label: structure.name }))}
              />
            )}
            <FilterSelect
              name="niveau"
              label="Niveau"
              value={filters.level}
              options={Object.entries(LEVEL_LABELS).map(([level, { label }]) => ({ id: level, label }))}
            />
            <FilterSelect
              name="urgence"
              label="Urgence"
              allLabel="Toutes"
              value={filters.urgency}
              options={Object.entries(URGENCY_LABELS).map(([urgency, label]) => ({ id: urgency, label }))}
            />
            <button type="submit" className="rounded bg-accent px-3 py-1.5 font-semibold text-white">
              Filtrer
            </button>
          </form>

          <h2 className="mt-6 text-xl font-semibold">
            {GROUP_LABELS[group]} — {DIRECTION_LABELS[filters.direction].toLowerCase()} ({inbox.total})
          </h2>
          {inbox.rows.length === 0 ? (
            <p className="mt-2 max-w-prose">
              {EMPTY[filters.direction][group]}
              {(filters.level || filters.urgency || filters.structureId) && " Des filtres sont appliqués : essayez sans."}
            </p>
          ) : (
            <InboxTable
              rows={inbox.rows}
              direction={filters.direction}
              caption={`Transferts ${DIRECTION_LABELS[filters.direction].toLowerCase()} : ${GROUP_LABELS[group].toLowerCase()}`}
            />
          )}
          {inbox.pageCount > 1 && (
            <nav aria-label="Pages" className="mt-4 flex gap-4">
              {inbox.page > 1 && (
                <Link href={inboxHref(filters, { group, page: inbox.page - 1 })} className="text-accent underline">
                  Page précédente
                </Link>
              )}
              <span>
                Page {inbox.page} sur {inbox.pageCount}
              </span>
              {inbox.page < inbox.pageCount && (
                <Link href={inboxHref(filters, { group, page: inbox.page + 1 })} className="text-accent underline">
                  Page suivante
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}

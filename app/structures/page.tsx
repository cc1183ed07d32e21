import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, TextField } from "@/components/forms/ActionForm";
import { requireActor } from "@/lib/auth/session";
import { askToJoin } from "@/lib/memberships/actions";
import { loadJoinPage, type JoinPageScope } from "@/lib/memberships/join-page";
import { ALL_TERRITORIES, joinSearchHref, JOIN_QUERY_MAX_LENGTH } from "@/lib/memberships/join-search";

export const metadata: Metadata = { title: "Rejoindre une structure" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const LINK = "inline-block rounded border border-slate-400 px-4 py-2 text-accent underline";

function scopeSentence(scope: JoinPageScope): string {
  if (scope.kind === "mine") return `dans ${scope.territoryNames.length > 1 ? "vos territoires" : "votre territoire"} (${scope.territoryNames.join(", ")})`;
  if (scope.kind === "territory") return `dans le territoire ${scope.territoryName}`;
  return "dans tous les territoires";
}

export default async function StructuresPage({ searchParams }: Props) {
  const params = await searchParams;
  const actor = await requireActor("/structures");
  const { search, scope, hasOwnTerritories, territoryOptions, results } = await loadJoinPage(actor, params);

  return (
    <>
      <h1 className="text-3xl font-bold">Rejoindre une structure</h1>
      <p className="mt-2 max-w-prose">
        Cherchez la structure pour laquelle vous travaillez, puis demandez à la rejoindre : ses responsables recevront votre
        demande.
      </p>

      <form method="get" action="/structures" role="search" aria-label="Chercher une structure" className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="recherche-structure" className="block font-medium">
            Nom, commune ou code postal
          </label>
          <p id="recherche-structure-aide" className="text-sm text-slate-700">
            Par exemple : médiathèque, Château-Thierry ou 02400.
          </p>
          <input
            id="recherche-structure"
            name="q"
            type="search"
            defaultValue={search.q}
            maxLength={JOIN_QUERY_MAX_LENGTH}
            autoComplete="off"
            aria-describedby="recherche-structure-aide"
            className="mt-1 w-72 max-w-full rounded border border-slate-500 px-2 py-1"
          />
        </div>
        <div>
          <label htmlFor="recherche-territoire" className="block font-medium">
            Territoire
          </label>
          <select
            id="recherche-territoire"
            name="territoire"
            defaultValue={search.territoire}
            className="mt-1 max-w-72 rounded border border-slate-500 px-2 py-1"
          >
            {hasOwnTerritories && <option value="">Mes territoires</option>}
            <option value={hasOwnTerritories ? ALL_TERRITORIES : ""}>Tous les territoires</option>
            {territoryOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
          Rechercher
        </button>
      </form>

      {!results ? (
        <p className="mt-6 max-w-prose rounded border border-slate-400 bg-slate-50 p-3">
          Tapez le nom de votre structure, sa commune ou son code postal, puis « Rechercher » : nous chercherons dans tous les
          territoires.
        </p>
      ) : (
        <section aria-labelledby="resultats-titre" className="mt-6">
          <h2 id="resultats-titre" className="text-xl font-semibold">
            {results.total === 0
              ? "Aucune structure trouvée"
              : `${results.total} structure${results.total > 1 ? "s" : ""} ${scopeSentence(scope)}`}
          </h2>
          {results.total === 0 && (
            <p className="mt-2 max-w-prose">
              {search.q
                ? `Rien ne correspond à « ${search.q} » ${scopeSentence(scope)}. Vérifiez l'orthographe, essayez la commune ou le code postal, ou choisissez « Tous les territoires ».`
                : `Aucune structure ${scopeSentence(scope)} pour l'instant.`}
            </p>
          )}
          <ul className="mt-4 space-y-4">
            {results.structures.map((structure) => (
              <li key={structure.id} className="rounded border border-slate-300 p-3">
                <h3 className="font-semibold">
                  {structure.name}
                  {structure.status === "draft" && <span className="ms-2 text-sm font-normal text-slate-700">(brouillon, pas encore publiée)</span>}
                </h3>
                <p className="text-slate-700">
                  {structure.territory.name}
                  {structure.communes.length > 0 && ` — ${structure.communes.join(", ")}`}
                </p>
                {structure.isMember ? (
                  <p className="mt-2">
                    Vous en faites partie.{" "}
                    <Link href={`/structures/${structure.id}/membres`} className="text-accent underline">
                      Voir les membres
                    </Link>
                  </p>
                ) : structure.requestStatus === "pending" ? (
                  <p className="mt-2">Demande envoyée, en attente de réponse.</p>
                ) : (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-accent underline">Demander à rejoindre</summary>
                    <div className="mt-2">
                      <ActionForm action={askToJoin} submitLabel={`Envoyer ma demande à ${structure.name}`}>
                        <input type="hidden" name="structureId" value={structure.id} />
                        <TextField
                          name="message"
                          id={`message-${structure.id}`}
                          label="Quelques mots pour vous présenter (facultatif)"
                        />
                      </ActionForm>
                    </div>
                  </details>
                )}
              </li>
            ))}
          </ul>
          {results.pageCount > 1 && (
            <nav aria-label="Pages de résultats" className="mt-6 flex flex-wrap items-center justify-between gap-3">
              {results.page > 1 ? (
                <Link href={joinSearchHref(search, results.page - 1)} className={LINK} rel="prev">
                  ← Page précédente
                </Link>
              ) : (
                <span />
              )}
              <p aria-current="page">
                Page {results.page} sur {results.pageCount}
              </p>
              {results.page < results.pageCount ? (
                <Link href={joinSearchHref(search, results.page + 1)} className={LINK} rel="next">
                  Page suivante →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </section>
      )}
    </>
  );
}

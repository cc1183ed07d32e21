/**
 * The territory's open data: its published offer to download in Toile's and the standards' formats.
 * Beside the data·inclusion file, what it leaves out: how much for anyone, the detail (structure,
 * offer, field, value, why) for the territory's coordinators, who can have it corrected.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { getActor } from "@/lib/auth/session";
import { loadOpenDataTerritory } from "@/lib/open-data/api/endpoints";
import { fieldName, loadDataInclusionOmissions, omissionsSummary, type DiOmissions } from "@/lib/open-data/datainclusion/report";
import { DOWNLOADS } from "@/lib/open-data/downloads";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const territory = await loadOpenDataTerritory((await params).territory);
  if (!territory) return { title: "Page introuvable" };
  return { title: `Données ouvertes — ${territory.name}`, description: `L'offre publiée de ${territory.name}, à télécharger librement.` };
}

export default async function OpenDataPage({ params }: Props) {
  const territory = await loadOpenDataTerritory((await params).territory);
  if (!territory) notFound();
  const base = `/t/${territory.slug}/donnees`;
  const [omissions, actor] = await Promise.all([loadDataInclusionOmissions(territory, new Date()), getActor()]);
  const coordinates = can(actor, "territory.manage", { territoryId: territory.id });
  return (
    <div lang="fr">
      <p>
        <a href={`/t/${territory.slug}`} className="inline-block min-h-11 py-2 text-accent underline">
          {territory.name}
        </a>
      </p>
      <h1 className="mt-2 text-2xl font-bold break-words sm:text-3xl">Données ouvertes</h1>
      <p className="mt-2 text-lg text-slate-700">
        Toute l&apos;offre publiée de {territory.name}, à télécharger et à réutiliser librement (Licence Ouverte / Etalab 2.0). Seules les
        offres publiées sont dans ces fichiers, jamais les brouillons. Ils sont refaits à chaque téléchargement.
      </p>

      <section aria-labelledby="fichiers" className="mt-6">
        <h2 id="fichiers" className="text-2xl font-bold">
          Fichiers
        </h2>
        <ul className="mt-3 space-y-4">
          {DOWNLOADS.map((download) => (
            <li key={download.file}>
              <a href={`${base}/${download.file}`} className="inline-block min-h-11 py-2 text-lg font-semibold text-accent underline" download>
                {download.title}
              </a>
              <p className="text-slate-700">{download.description}</p>
              {download.file === "data-inclusion-v1.json" && (
                <>
                  <p className="mt-1 text-slate-700">{omissionsSummary(omissions)}</p>
                  {coordinates && <OmissionsDetail omissions={omissions} />}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="api" className="mt-8">
        <h2 id="api" className="text-2xl font-bold">
          Pour les programmes
        </h2>
        <p className="mt-2">
          Les mêmes données sont lisibles par une API publique, en lecture seule, page par page et avec des filtres :{" "}
          <a href="/api" className="text-accent underline">
            documentation de l&apos;API
          </a>
          .
        </p>
        <p className="mt-2 break-all">
          <code>{`/api/v1/territories/${territory.slug}/offers`}</code>
        </p>
      </section>
    </div>
  );
}

/** For the coordinators: each record left out and each field dropped, with the reason. */
function OmissionsDetail({ omissions }: { omissions: DiOmissions }) {
  const { skipped, droppedFields } = omissions;
  const kindName = (kind: "structure" | "service") => (kind === "structure" ? "Structure" : "Offre");
  return (
    <section aria-labelledby="di-omissions" className="mt-3 rounded border border-slate-300 p-3">
      <h3 id="di-omissions" className="text-lg font-semibold">
        Ce que le fichier data·inclusion laisse de côté
      </h3>
      <p className="mt-1 text-slate-700">Visible par la coordination du territoire seulement. Corrigez la fiche pour que l&apos;information y entre.</p>
      {skipped.length === 0 && droppedFields.length === 0 ? (
        <p className="mt-2">Rien : toutes les structures, offres et informations publiées y sont.</p>
      ) : (
        <ul className="mt-2 list-disc space-y-2 pl-6">
          {skipped.map((record) => (
            <li key={`${record.kind}-${record.id}`}>
              {kindName(record.kind)} « {record.name} » : absente du fichier. {record.why}
            </li>
          ))}
          {droppedFields.map((dropped) => (
            <li key={`${dropped.kind}-${dropped.id}-${dropped.field}`} className="break-words">
              {kindName(dropped.kind)} « {dropped.name} » : {fieldName(dropped.field)} « {dropped.value} » non écrit, {dropped.why}. Le reste de la
              fiche y est.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

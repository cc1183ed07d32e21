/** The territory's open data: its published offer to download in Toile's and the standards' formats. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadOpenDataTerritory } from "@/lib/open-data/api/endpoints";
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

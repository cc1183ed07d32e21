/** @jsxImportSource @/lib/html */
/**
 * The territory's open data (`/t/<slug>/donnees`): its published offer to download in Toile's and
 * the standards' formats. Beside the data·inclusion file, what it leaves out: how much for anyone,
 * the detail (structure, offer, field, value, why) for the territory's coordinators, who can have
 * it corrected. In French, like the files.
 */
import type { DocumentHead } from "@/lib/html/document";
import type { HtmlPage } from "@/lib/html/respond";
import { safeUrl, sitePath } from "@/lib/html/url";
import { fieldName, omissionsSummary, type DiOmissions } from "../datainclusion/report";
import { DOWNLOADS } from "../downloads";

/** For the coordinators: each record left out and each field dropped, with the reason. */
function omissionsDetail({ skipped, droppedFields }: DiOmissions) {
  const kindName = (kind: "structure" | "service") => (kind === "structure" ? "Structure" : "Offre");
  return (
    <section aria-labelledby="di-omissions" class="mt-3 rounded border border-slate-300 p-3">
      <h3 id="di-omissions" class="text-lg font-semibold">
        Ce que le fichier data·inclusion laisse de côté
      </h3>
      <p class="mt-1 text-slate-700">Visible par la coordination du territoire seulement. Corrigez la fiche pour que l'information y entre.</p>
      {skipped.length === 0 && droppedFields.length === 0 ? (
        <p class="mt-2">Rien : toutes les structures, offres et informations publiées y sont.</p>
      ) : (
        <ul class="mt-2 list-disc space-y-2 pl-6">
          {skipped.map((record) => (
            <li>{`${kindName(record.kind)} « ${record.name} » : absente du fichier. ${record.why}`}</li>
          ))}
          {droppedFields.map((dropped) => (
            <li class="break-words">{`${kindName(dropped.kind)} « ${dropped.name} » : ${fieldName(dropped.field)} « ${dropped.value} » non écrit, ${dropped.why}. Le reste de la fiche y est.`}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function openDataPage(
  territory: { slug: string; name: string },
  omissions: DiOmissions,
  coordinates: boolean,
  addresses: Pick<DocumentHead, "canonical" | "alternates">,
): HtmlPage {
  const base = sitePath("t", territory.slug, "donnees");
  const main = (
    <div lang="fr">
      <p>
        <a href={safeUrl(sitePath("t", territory.slug))} class="inline-block min-h-11 py-2 text-accent underline">
          {territory.name}
        </a>
      </p>
      <h1 class="mt-2 text-2xl font-bold break-words sm:text-3xl">Données ouvertes</h1>
      <p class="mt-2 text-lg text-slate-700">
        {`Toute l'offre publiée de ${territory.name}, à télécharger et à réutiliser librement (Licence Ouverte / Etalab 2.0). Seules les offres publiées sont dans ces fichiers, jamais les brouillons. Ils sont refaits à chaque téléchargement.`}
      </p>

      <section aria-labelledby="fichiers" class="mt-6">
        <h2 id="fichiers" class="text-2xl font-bold">
          Fichiers
        </h2>
        <ul class="mt-3 space-y-4">
          {DOWNLOADS.map((download) => (
            <li>
              <a href={safeUrl(`${base}/${download.file}`)} class="inline-block min-h-11 py-2 text-lg font-semibold text-accent underline" download>
                {download.title}
              </a>
              <p class="text-slate-700">{download.description}</p>
              {download.file === "data-inclusion-v1.json" && (
                <>
                  <p class="mt-1 text-slate-700">{omissionsSummary(omissions)}</p>
                  {coordinates && omissionsDetail(omissions)}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="api" class="mt-8">
        <h2 id="api" class="text-2xl font-bold">
          Pour les programmes
        </h2>
        <p class="mt-2">
          Les mêmes données sont lisibles par une API publique, en lecture seule, page par page et avec des filtres :{" "}
          <a href={safeUrl("/api")} class="text-accent underline">
            documentation de l'API
          </a>
          .
        </p>
        <p class="mt-2 break-all">
          <code>{`/api/v1/territories/${territory.slug}/offers`}</code>
        </p>
      </section>
    </div>
  );
  return {
    head: { title: `Données ouvertes — ${territory.name}`, description: `L'offre publiée de ${territory.name}, à télécharger librement.`, ...addresses },
    main,
  };
}

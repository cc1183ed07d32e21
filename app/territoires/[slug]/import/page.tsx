import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportFileField } from "@/components/open-data/ImportFileField";
import { ImportJobRefresh } from "@/components/open-data/ImportJobRefresh";
import { requireActor } from "@/lib/auth/session";
import { messageOf } from "@/lib/errors/messages";
import { abandonImport, answerImportCommunes, confirmImport, uploadImportFile } from "@/lib/open-data/import/actions";
import { IMPORT_FORMATS } from "@/lib/open-data/import/file";
import type { ImportJobView, ImportPreview } from "@/lib/open-data/import/jobs";
import { IMPORT_TOO_BIG } from "@/lib/open-data/import/limits";
import { loadImportPage } from "@/lib/open-data/import/queries";

export const metadata: Metadata = { title: "Importer des données" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const FORMAT_NAMES: Record<string, string> = {
  "lmn-csv": "Lieux de médiation numérique, CSV",
  "lmn-json": "Lieux de médiation numérique, JSON",
  "toile-template": "Modèle Toile (matrice)",
};
const ERRORS: Record<string, string> = {
  fichier: "Choisissez un fichier à importer (CSV, JSON ou XLSX).",
  expire: messageOf({ code: "import.gone" }),
  volumineux: IMPORT_TOO_BIG,
};

/** Seconds between two looks at a running job (with JavaScript; without, the "Actualiser" link). */
const REFRESH_SECONDS = 2;

/** "1 lieu créé", "3 lieux créés". */
const count = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

const cell = "border-b border-slate-200 py-1 pr-3 align-top";
const head = "border-b border-slate-400 py-1 pr-3";

function RowsTable({ caption, rows, withChanges, withReason }: { caption: string; rows: ImportPreview["rows"]; withChanges?: boolean; withReason?: boolean }) {
  if (rows.length === 0) return null;
  return (
    <table className="mt-3 w-full border-collapse text-left text-sm">
      <caption className="text-start text-lg font-semibold">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={head}>Ligne</th>
          <th scope="col" className={head}>Lieu</th>
          {withChanges && <th scope="col" className={head}>Changements</th>}
          {withReason && <th scope="col" className={head}>Pourquoi</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.sourceRow}-${row.placeId ?? row.name}`}>
            <td className={cell}>{row.sourceRow}</td>
            <td className={cell}>{row.name || "—"}</td>
            {withChanges && (
              <td className={cell}>
                {row.changes.length === 0 ? (
                  "nouveau lieu, nouvelle offre"
                ) : (
                  <ul>
                    {row.changes.map((change) => (
                      <li key={change.field}>
                        <strong>{change.field}</strong> : {change.before ? `« ${change.before.slice(0, 120)} » → ` : ""}« {change.after.slice(0, 120)} »
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            )}
            {withReason && <td className={cell}>{row.reason}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where a running job is, in plain words: "Lecture du fichier : 350 lignes sur 687". */
function progressText(job: ImportJobView): string {
  const rows = (n: number) => count(n, "ligne", "lignes");
  if (job.status === "queued") return "En attente : la lecture du fichier va commencer.";
  const confirming = job.status === "committing";
  switch (job.phase) {
    case "reading":
      return job.progressTotal > 0
        ? `${confirming ? "Relecture" : "Lecture"} du fichier : ${job.progressDone} ${job.progressDone > 1 ? "lignes" : "ligne"} sur ${job.progressTotal}`
        : `${confirming ? "Relecture" : "Lecture"} du fichier…`;
    case "matching":
      return confirming
        ? `Vérification : les données du territoire ont-elles changé depuis l'aperçu ? (${rows(job.progressTotal)})`
        : `Comparaison avec les données du territoire (${rows(job.progressTotal)})…`;
    case "writing":
      return `Enregistrement : ${count(job.progressTotal, "ligne à créer ou mettre à jour", "lignes à créer ou mettre à jour")}, tout ou rien…`;
    default:
      return confirming ? "Import confirmé : l'enregistrement va commencer." : "Lecture du fichier…";
  }
}

function AbandonForm({ territoryId, jobId, label }: { territoryId: string; jobId: string; label: string }) {
  return (
    <form action={abandonImport}>
      <input type="hidden" name="territoryId" value={territoryId} />
      <input type="hidden" name="jobId" value={jobId} />
      <button type="submit" className="rounded border border-slate-500 px-4 py-2 font-semibold">
        {label}
      </button>
    </form>
  );
}

function Running({ job, territory }: { job: ImportJobView; territory: { id: string; slug: string } }) {
  const percent = job.progressTotal > 0 ? Math.round((100 * job.progressDone) / job.progressTotal) : null;
  return (
    <section aria-labelledby="en-cours" className="mt-6">
      <ImportJobRefresh seconds={REFRESH_SECONDS} />
      <h2 id="en-cours" className="text-2xl font-semibold">
        {job.status === "committing" ? "Import" : "Analyse"} de « {job.fileName} »
      </h2>
      <p role="status" aria-live="polite" className="mt-2 font-medium">
        {progressText(job)}
      </p>
      {percent !== null && (
        <progress max={100} value={percent} aria-label="Avancement" className="mt-2 w-full max-w-prose">
          {percent} %
        </progress>
      )}
      <p className="mt-2 max-w-prose text-slate-700">
        Cette page se met à jour toute seule (sans JavaScript : actualisez-la). Vous pouvez la quitter : le travail continue,
        et revenir par ce lien.{" "}
        <Link href={`/territoires/${territory.slug}/import?import=${job.id}`} className="text-accent underline">
          Actualiser
        </Link>
      </p>
      {job.status !== "committing" && (
        <div className="mt-3">
          <AbandonForm territoryId={territory.id} jobId={job.id} label="Abandonner l'analyse" />
        </div>
      )}
    </section>
  );
}

/** Rows whose commune was named ambiguously: the coordinator picks one, and the file is previewed again with it. */
function CommunesToPick({ job, preview, territoryId }: { job: ImportJobView; preview: ImportPreview; territoryId: string }) {
  const asked = preview.issues.filter((issue) => issue.candidates && issue.candidates.length > 0);
  if (asked.length === 0) return null;
  return (
    <form action={answerImportCommunes} className="mt-4 rounded border border-slate-400 p-4">
      <h3 className="text-lg font-semibold">Communes à préciser</h3>
      <p className="mt-1 max-w-prose">
        Ces lignes nomment une commune sans code postal, et ce nom en désigne plusieurs : choisissez la bonne. Le fichier sera
        relu avec vos choix ; rien n&apos;est enregistré avant votre confirmation.
      </p>
      <input type="hidden" name="territoryId" value={territoryId} />
      <input type="hidden" name="jobId" value={job.id} />
      {asked.map((issue) => {
        const id = `commune-${issue.row}-${issue.value.length}`;
        return (
          <div key={`${issue.row}:${issue.value}`} className="mt-3">
            <label htmlFor={id} className="block font-medium">
              Ligne {issue.row} : « {issue.value.slice(0, 120)} »
            </label>
            <select id={id} name={`commune:${issue.row}:${issue.value}`} defaultValue="" className="mt-1 rounded border border-slate-500 px-2 py-1">
              <option value="">— ne pas importer cette ligne —</option>
              {issue.candidates!.map((candidate) => (
                <option key={`${candidate.code}|${candidate.postalCode}`} value={`${candidate.code}|${candidate.postalCode}`}>
                  {candidate.name} ({candidate.postalCode}, {candidate.department})
                </option>
              ))}
            </select>
          </div>
        );
      })}
      <button type="submit" className="mt-3 rounded border border-slate-500 px-4 py-2 font-semibold">
        Relire le fichier avec ces communes
      </button>
    </form>
  );
}

function Preview({ job, preview, territoryId }: { job: ImportJobView; preview: ImportPreview; territoryId: string }) {
  const { counts } = preview;
  return (
    <section aria-labelledby="apercu" className="mt-6">
      <h2 id="apercu" className="text-2xl font-semibold">
        Aperçu de « {job.fileName} »
      </h2>
      {job.stale && (
        <p role="alert" className="mt-2 font-medium text-red-800">
          Les données du territoire ont changé depuis l&apos;aperçu : voici l&apos;aperçu à jour. Relisez-le, puis confirmez.
        </p>
      )}
      <p className="mt-1">
        Format : {FORMAT_NAMES[preview.format] ?? preview.format}
        {preview.version ? ` ${preview.version}` : ""}.
      </p>
      <ul className="mt-2 list-disc ps-6">
        <li>
          {counts.create} à créer ({count(counts.structuresCreated, "nouvelle structure", "nouvelles structures")})
        </li>
        <li>{counts.update} à mettre à jour</li>
        <li>{counts.unchanged} inchangées</li>
        <li>{counts.skip} ignorées</li>
        <li>{preview.issues.length} remarques sur le fichier</li>
      </ul>
      <div className="mt-4 flex flex-wrap gap-3">
        {counts.create + counts.update > 0 ? (
          <form action={confirmImport}>
            <input type="hidden" name="territoryId" value={territoryId} />
            <input type="hidden" name="jobId" value={job.id} />
            <input type="hidden" name="planHash" value={job.planHash ?? ""} />
            <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
              Confirmer l&apos;import
            </button>
          </form>
        ) : (
          <p className="font-medium">Rien à importer : aucune ligne à créer ni à mettre à jour.</p>
        )}
        <AbandonForm territoryId={territoryId} jobId={job.id} label="Abandonner" />
      </div>
      <CommunesToPick job={job} preview={preview} territoryId={territoryId} />
      <RowsTable caption="À créer" rows={preview.rows.filter((row) => row.action === "create")} />
      <RowsTable caption="À mettre à jour" rows={preview.rows.filter((row) => row.action === "update")} withChanges />
      <RowsTable caption="Ignorées" rows={preview.rows.filter((row) => row.action === "skip")} withReason />
      {preview.issues.length > 0 && (
        <table className="mt-3 w-full border-collapse text-left text-sm">
          <caption className="text-start text-lg font-semibold">Remarques ligne par ligne</caption>
          <thead>
            <tr>
              <th scope="col" className={head}>Ligne</th>
              <th scope="col" className={head}>Colonne</th>
              <th scope="col" className={head}>Valeur</th>
              <th scope="col" className={head}>Pourquoi</th>
              <th scope="col" className={head}>Gravité</th>
            </tr>
          </thead>
          <tbody>
            {preview.issues.map((issue, index) => (
              <tr key={index}>
                <td className={cell}>{issue.row || "fichier"}</td>
                <td className={cell}>{issue.column}</td>
                <td className={`${cell} break-all`}>{issue.value.slice(0, 120)}</td>
                <td className={cell}>{issue.why}</td>
                <td className={cell}>{issue.level === "error" ? "erreur" : "avertissement"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default async function ImportPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const actor = await requireActor(`/territoires/${slug}/import`);
  const text = (name: string) => (typeof query[name] === "string" ? (query[name] as string) : undefined);
  const data = await loadImportPage(actor, slug, text("import"));
  if (!data) notFound();
  const { territory, job } = data;
  const error = text("erreur") ?? (data.jobGone ? "expire" : undefined);
  const running = job && ["queued", "analysing", "committing"].includes(job.status);
  const result = job?.status === "done" ? job.result : null;

  return (
    <>
      <p>
        <Link href={`/territoires/${territory.slug}`} className="text-accent underline">
          ← {territory.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Importer des données</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        Un fichier « Lieux de médiation numérique » (v1 ou v0.1, CSV ou JSON) ou le modèle Toile (la matrice exportée, CSV ou
        XLSX). Vous verrez d&apos;abord ce qui sera créé, mis à jour ou ignoré, et pourquoi : rien n&apos;est enregistré avant
        votre confirmation, et l&apos;import est alors entier ou n&apos;a pas lieu. Importer deux fois le même fichier ne
        change rien.
      </p>
      <p className="mt-2 max-w-prose">
        Modèle Toile : une ligne par offre et par lieu, avec les colonnes de la matrice (Qui, Quoi, Besoins, Posture,
        Comment, Pour qui, Conditions, Où, Quand, Tarif, À apporter, Transferts) puis celles du lieu (Nom du lieu, Adresse,
        Code postal, Code INSEE, Commune, Latitude, Longitude), des contacts et les identifiants Toile. Sans ces colonnes,
        Où : « adresse, code postal commune » ; si une commune nommée sans code postal en désigne plusieurs, l&apos;aperçu
        vous demande laquelle.{" "}
        <Link href={`/territoires/${territory.slug}/matrice/export?format=xlsx`} className="text-accent underline">
          Télécharger le modèle (la matrice du territoire, XLSX)
        </Link>
      </p>

      {error && (
        <p role="alert" className="mt-4 font-medium text-red-800">
          {ERRORS[error] ?? ERRORS.fichier}
        </p>
      )}
      {text("abandonne") && (
        <p role="status" className="mt-4 font-medium">
          Import abandonné : le fichier a été effacé, rien n&apos;a été enregistré.
        </p>
      )}

      {job && running && <Running job={job} territory={territory} />}

      {job?.status === "failed" && (
        <section aria-labelledby="echec" className="mt-6 rounded border border-red-800 p-4">
          <h2 id="echec" className="text-xl font-semibold">
            Import de « {job.fileName} » interrompu
          </h2>
          <p role="alert" className="mt-1 font-medium text-red-800">
            {messageOf({ code: job.errorCode ?? "import.failed" })}
          </p>
        </section>
      )}

      {result && (
        <section aria-labelledby="resultat" className="mt-6 rounded border border-green-700 p-4">
          <h2 id="resultat" className="text-xl font-semibold">
            Import terminé
          </h2>
          <p role="status" className="mt-1">
            {count(result.counts.create, "lieu créé", "lieux créés")} ({count(result.structuresCreated, "nouvelle structure", "nouvelles structures")}),{" "}
            {count(result.counts.update, "mis à jour", "mis à jour")}, {count(result.counts.unchanged, "inchangé", "inchangés")},{" "}
            {count(result.counts.skip, "ligne ignorée", "lignes ignorées")}.
          </p>
          <p className="mt-1">
            <Link href={`/territoires/${territory.slug}/matrice`} className="text-accent underline">
              Voir la matrice
            </Link>
          </p>
        </section>
      )}

      {job?.status === "ready" && job.preview && <Preview job={job} preview={job.preview} territoryId={territory.id} />}

      <section aria-labelledby="deposer" className="mt-8">
        <h2 id="deposer" className="text-2xl font-semibold">
          {job ? "Déposer un autre fichier" : "Déposer un fichier"}
        </h2>
        <form action={uploadImportFile} encType="multipart/form-data" className="mt-2 space-y-3">
          <input type="hidden" name="territoryId" value={territory.id} />
          <ImportFileField />
          <div>
            <label htmlFor="import-format" className="block font-medium">
              Format
            </label>
            <select id="import-format" name="format" defaultValue="auto" className="mt-1 rounded border border-slate-500 px-2 py-1">
              {Object.entries(IMPORT_FORMATS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
            Prévisualiser
          </button>
        </form>
      </section>
    </>
  );
}

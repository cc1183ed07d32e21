import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportFileField } from "@/components/open-data/ImportFileField";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findManagedTerritory } from "@/lib/memberships/queries";
import { confirmImport, uploadImportFile } from "@/lib/open-data/import/actions";
import { findImportDraft, previewImport } from "@/lib/open-data/import/drafts";
import { IMPORT_FORMATS, type ImportFormat } from "@/lib/open-data/import/file";
import { IMPORT_TOO_BIG } from "@/lib/open-data/import/limits";
import type { PlannedRow } from "@/lib/open-data/import/matching";

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
  expire: "Cet aperçu a expiré (2 heures) ou n'est pas le vôtre : déposez le fichier à nouveau.",
  volumineux: IMPORT_TOO_BIG,
};

/** "1 lieu créé", "3 lieux créés". */
const count = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

const cell = "border-b border-slate-200 py-1 pr-3 align-top";
const head = "border-b border-slate-400 py-1 pr-3";

function RowsTable({ caption, rows, withChanges, withReason }: { caption: string; rows: PlannedRow[]; withChanges?: boolean; withReason?: boolean }) {
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

export default async function ImportPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const actor = await requireActor(`/territoires/${slug}/import`);
  const territory = await findManagedTerritory(db, actor, slug);
  if (!territory) notFound();
  const text = (name: string) => (typeof query[name] === "string" ? (query[name] as string) : undefined);

  const draftId = text("apercu");
  const draft = draftId ? await findImportDraft(db, draftId, actor.userId, territory.id) : null;
  const preview = draft ? await previewImport(db, territory.id, draft.fileName, draft.content, draft.format as ImportFormat) : null;
  const imported = text("importe")?.split("-").map(Number);
  const error = text("erreur") ?? (draftId && !draft ? "expire" : undefined);

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
        Modèle Toile : une ligne par offre, avec les colonnes de la matrice (Qui, Quoi, Besoins, Posture, Comment, Pour qui,
        Conditions, Où, Quand, Tarif, À apporter, Transferts). Où : « adresse, code postal commune ».{" "}
        <Link href={`/territoires/${territory.slug}/matrice/export?format=xlsx`} className="text-accent underline">
          Télécharger le modèle (la matrice du territoire, XLSX)
        </Link>
      </p>

      {error && (
        <p role="alert" className="mt-4 font-medium text-red-800">
          {ERRORS[error] ?? ERRORS.fichier}
        </p>
      )}

      {imported && imported.length === 5 && (
        <section aria-labelledby="resultat" className="mt-6 rounded border border-green-700 p-4">
          <h2 id="resultat" className="text-xl font-semibold">
            Import terminé
          </h2>
          <p role="status" className="mt-1">
            {count(imported[0]!, "lieu créé", "lieux créés")} ({count(imported[4]!, "nouvelle structure", "nouvelles structures")}),{" "}
            {count(imported[1]!, "mis à jour", "mis à jour")}, {count(imported[2]!, "inchangé", "inchangés")},{" "}
            {count(imported[3]!, "ligne ignorée", "lignes ignorées")}.
          </p>
          <p className="mt-1">
            <Link href={`/territoires/${territory.slug}/matrice`} className="text-accent underline">
              Voir la matrice
            </Link>
          </p>
        </section>
      )}

      {preview && draft && (
        <section aria-labelledby="apercu" className="mt-6">
          <h2 id="apercu" className="text-2xl font-semibold">
            Aperçu de « {draft.fileName} »
          </h2>
          {text("perime") && (
            <p role="alert" className="mt-2 font-medium text-red-800">
              Les données du territoire ont changé depuis l&apos;aperçu : voici l&apos;aperçu à jour. Relisez-le, puis confirmez.
            </p>
          )}
          <p className="mt-1">Format : {FORMAT_NAMES[preview.parsed.format] ?? preview.parsed.format}{preview.parsed.version ? ` ${preview.parsed.version}` : ""}.</p>
          <ul className="mt-2 list-disc ps-6">
            <li>
              {preview.plan.counts.create} à créer ({count(preview.plan.counts.structuresCreated, "nouvelle structure", "nouvelles structures")})
            </li>
            <li>{preview.plan.counts.update} à mettre à jour</li>
            <li>{preview.plan.counts.unchanged} inchangées</li>
            <li>{preview.plan.counts.skip} ignorées</li>
            <li>{preview.parsed.issues.length} remarques sur le fichier</li>
          </ul>
          {preview.plan.counts.create + preview.plan.counts.update > 0 ? (
            <form action={confirmImport} className="mt-4">
              <input type="hidden" name="territoryId" value={territory.id} />
              <input type="hidden" name="draftId" value={draft.id} />
              <input type="hidden" name="planHash" value={preview.plan.hash} />
              <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
                Confirmer l&apos;import
              </button>
            </form>
          ) : (
            <p className="mt-4 font-medium">Rien à importer : aucune ligne à créer ni à mettre à jour.</p>
          )}
          <RowsTable caption="À créer" rows={preview.plan.rows.filter((row) => row.action === "create")} />
          <RowsTable caption="À mettre à jour" rows={preview.plan.rows.filter((row) => row.action === "update")} withChanges />
          <RowsTable caption="Ignorées" rows={preview.plan.rows.filter((row) => row.action === "skip")} withReason />
          {preview.parsed.issues.length > 0 && (
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
                {preview.parsed.issues.map((issue, index) => (
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
      )}

      <section aria-labelledby="deposer" className="mt-8">
        <h2 id="deposer" className="text-2xl font-semibold">
          {preview ? "Déposer un autre fichier" : "Déposer un fichier"}
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

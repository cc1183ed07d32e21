/**
 * A permanence's sign-up sheet: the lines (first name or nickname, time, a few words), add a
 * sign-up or a walk-in, change or delete a line before the end, note each line's category and what
 * happened from the day of the permanence, and orient a person (a transfer started from the line).
 * For the members of the structure that holds it and of the one that hosts it; 404 for others.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteLineForm, LineForm, OutcomeForm } from "@/components/permanences/SheetForms";
import { requireActor } from "@/lib/auth/session";
import { formatTime } from "@/lib/hours/format";
import { deleteLineAction, saveLineAction, saveOutcomeAction } from "@/lib/permanences/actions";
import { loadSheetPage } from "@/lib/permanences/page-data";
import { RESULT_LABELS, sliceOf, timeValue } from "@/lib/permanences/rules";

export const metadata: Metadata = { title: "Feuille de permanence" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const RESULTS = Object.entries(RESULT_LABELS).map(([value, label]) => ({ value, label }));

export default async function SheetPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requireActor(`/feuilles/${id}`);
  const sheet = await loadSheetPage(actor, id);
  if (!sheet) notFound();
  const editing = typeof search.modifier === "string" ? sheet.lines.find((line) => line.id === search.modifier && !line.erased) : undefined;
  const slices = sheet.slices.map((minute) => ({
    value: timeValue(minute),
    label: formatTime(minute),
    taken: sheet.lines.filter((line) => line.timeMinute !== null && sliceOf(sheet.occurrence, line.timeMinute) === minute).length,
  }));
  const open = sheet.phase !== "after";
  const timeDefaults = (minute: number | null) =>
    minute === null ? { time: "", otherTime: "" } : sheet.slices.includes(minute) ? { time: timeValue(minute), otherTime: "" } : { time: "", otherTime: timeValue(minute) };

  return (
    <>
      <h1 className="text-3xl font-bold">Feuille de permanence</h1>
      <p className="mt-1 text-xl">{sheet.title}</p>
      <p>
        {sheet.offer.title} ({sheet.offer.structureName}) — {sheet.place.name}, chez {sheet.place.structureName}
      </p>
      <p className="mt-2 flex flex-wrap gap-4">
        <Link href={`/feuilles/${sheet.id}/imprimer`} className="text-accent underline">
          Version imprimable
        </Link>
        <Link href={`/structures/${sheet.offer.structureId}/permanences`} className="text-accent underline">
          Permanences de {sheet.offer.structureName}
        </Link>
        <Link href={`/structures/${sheet.place.structureId}/permanences`} className="text-accent underline">
          Permanences de {sheet.place.structureName}
        </Link>
      </p>
      {search.fait === "ligne-supprimee" && (
        <p role="status" className="mt-3 text-green-800">
          Ligne supprimée.
        </p>
      )}
      <p className="mt-3 text-slate-700">
        {sheet.phase === "before" ? "La permanence n'a pas commencé." : sheet.phase === "during" ? "La permanence est en cours." : "La permanence est terminée."} Prénom
        ou surnom seulement : ni nom de famille, ni téléphone, ni adresse sur la feuille.
      </p>

      <h2 className="mt-6 text-2xl font-semibold">
        Inscrits ({sheet.lines.length})
      </h2>
      {sheet.lines.length === 0 ? (
        <p className="mt-2">Personne n&apos;est encore inscrit.</p>
      ) : (
        <ol className="mt-2 space-y-3">
          {sheet.lines.map((line) => {
            const name = line.erased ? "(effacé)" : (line.personLabel ?? "");
            return (
              <li key={line.id} id={`ligne-${line.id}`} className="rounded border border-slate-300 p-3">
                <p>
                  <span className="font-semibold">{line.timeMinute !== null ? formatTime(line.timeMinute) : "Sans heure"}</span> — <span>{name}</span>
                  {line.walkIn && <> <span className="ms-1 rounded bg-slate-200 px-2 text-sm">sans inscription</span></>}
                </p>
                {line.request && <p className="text-slate-800">{line.request}</p>}
                {(line.categoryLabel || line.result) && (
                  <p className="text-slate-700">
                    {line.categoryLabel ?? "Catégorie non précisée"}
                    {line.result && <> · {RESULT_LABELS[line.result]}</>}
                    {line.resultNote && <> : {line.resultNote}</>}
                  </p>
                )}
                {line.transfer && (
                  <p>
                    Transfert{" "}
                    <Link href={`/transferts/${line.transfer.id}`} className="font-semibold text-accent underline">
                      {line.transfer.code}
                    </Link>
                  </p>
                )}
                <p className="mt-1 flex flex-wrap items-center gap-4">
                  {open && !line.erased && (
                    <Link href={`/feuilles/${sheet.id}?modifier=${line.id}#modifier`} className="text-accent underline">
                      Modifier<span className="sr-only"> la ligne de {name}</span>
                    </Link>
                  )}
                  {open && !line.transfer && <DeleteLineForm action={deleteLineAction} sheetId={sheet.id} lineId={line.id} personLabel={name} />}
                  {!line.transfer && !line.erased && (
                    <Link href={`/feuilles/${sheet.id}/orienter/${line.id}`} className="text-accent underline">
                      Créer un transfert<span className="sr-only"> pour {name}</span>
                    </Link>
                  )}
                </p>
                {sheet.mayRecordOutcome && (
                  <OutcomeForm
                    action={saveOutcomeAction}
                    sheetId={sheet.id}
                    lineId={line.id}
                    personLabel={name}
                    categories={sheet.categories}
                    results={RESULTS}
                    defaults={{ categoryId: line.categoryId ?? "", result: line.result ?? "", resultNote: line.resultNote ?? "" }}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}

      {editing && open ? (
        <section id="modifier" className="mt-8">
          <h2 className="text-2xl font-semibold">Modifier la ligne de {editing.personLabel}</h2>
          <LineForm
            action={saveLineAction}
            sheetId={sheet.id}
            slices={slices}
            idPrefix="modifier"
            submitLabel="Enregistrer la ligne"
            defaults={{ lineId: editing.id, personLabel: editing.personLabel ?? "", request: editing.request ?? "", walkIn: editing.walkIn, ...timeDefaults(editing.timeMinute) }}
          />
          <p className="mt-2">
            <Link href={`/feuilles/${sheet.id}`} className="text-accent underline">
              Annuler
            </Link>
          </p>
        </section>
      ) : (
        <section className="mt-8">
          <h2 className="text-2xl font-semibold">Ajouter une personne</h2>
          <LineForm
            action={saveLineAction}
            sheetId={sheet.id}
            slices={slices}
            idPrefix="ajout"
            submitLabel="Inscrire"
            defaults={{ lineId: "", personLabel: "", time: "", otherTime: "", request: "", walkIn: false }}
          />
        </section>
      )}
    </>
  );
}

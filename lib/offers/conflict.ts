/**
 * Both versions of an offer, in words, when a save is refused because someone else saved it
 * first (the coordinator in the matrix while the structure reviews it through a campaign's link,
 * or two colleagues): for each field that differs, what is saved now and what this person typed.
 * Ids become names (terms, places, structures), so the two can be compared at a glance.
 */
import type { PrismaClient } from "@/lib/db";
import { refusal, type Refusal, type VersionRow } from "@/lib/errors/app-error";
import { OFFER_FIELD_LABELS, type OfferSaveOutcome } from "./editing";
import type { OfferValues } from "./schemas";

type Editable = Omit<OfferValues, "structureId" | "offerId" | "version">;
type Field = keyof typeof OFFER_FIELD_LABELS;

const EMPTY = "(vide)";

async function offerVersions(db: Pick<PrismaClient, "vocabularyTerm" | "place" | "structure">, fields: Field[], saved: Editable, yours: Editable): Promise<VersionRow[]> {
  const ids = (pick: (values: Editable) => string[]) => [...new Set([...pick(saved), ...pick(yours)])];
  const [terms, places, structures] = await Promise.all([
    db.vocabularyTerm.findMany({ where: { id: { in: ids((values) => values.termIds) } }, select: { id: true, label: true } }),
    db.place.findMany({ where: { id: { in: ids((values) => values.placeIds) } }, select: { id: true, name: true } }),
    db.structure.findMany({
      where: { id: { in: ids((values) => values.redirects.flatMap((row) => (row.redirectToStructureId ? [row.redirectToStructureId] : []))) } },
      select: { id: true, name: true },
    }),
  ]);
  const names = new Map([...terms.map((term) => [term.id, term.label] as const), ...places.map((place) => [place.id, place.name] as const), ...structures.map((structure) => [structure.id, structure.name] as const)]);
  const nameList = (list: string[]) => (list.length ? list.map((id) => names.get(id) ?? "(supprimé)").sort((a, b) => a.localeCompare(b, "fr")).join(", ") : EMPTY);

  const say = (field: Field, values: Editable): string => {
    const value = values[field];
    if (field === "termIds" || field === "placeIds") return nameList(value as string[]);
    if (field === "redirects") {
      const rows = value as Editable["redirects"];
      return rows.length
        ? rows.map((row) => [row.notOffered, row.redirectToStructureId ? `→ ${names.get(row.redirectToStructureId) ?? "(supprimée)"}` : null, row.note].filter(Boolean).join(" ")).join(" ; ")
        : EMPTY;
    }
    if (typeof value === "boolean") return value ? "oui" : "non";
    if (Array.isArray(value)) return value.length ? value.join(", ") : EMPTY;
    if (value === null || value === undefined || value === "") return EMPTY;
    return String(value);
  };
  return fields.map((field) => ({ label: OFFER_FIELD_LABELS[field], saved: say(field, saved), yours: say(field, yours) }));
}

/** A refused offer save as the form shows it: not found, a forged choice on its field, or both versions. */
export async function offerSaveRefusal(db: Pick<PrismaClient, "vocabularyTerm" | "place" | "structure">, outcome: Exclude<OfferSaveOutcome, { ok: true }>, input: Editable): Promise<Refusal> {
  if (outcome.reason === "not_found") return refusal({ code: "not_found" });
  if (outcome.reason === "invalid") return refusal({ code: outcome.code }, outcome.field);
  const fields = outcome.changedMeanwhile.map((field) => OFFER_FIELD_LABELS[field]);
  return {
    ...refusal({ code: "save.changed_meanwhile", params: { what: "cette offre", pronoun: "la", fields } }),
    versions: await offerVersions(db, outcome.changedMeanwhile, outcome.saved, input),
  };
}

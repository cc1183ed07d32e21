/**
 * The preview of an import: the territory as it is (three queries), and the pure plan of
 * matching.ts over the file's rows — what will be created, updated, left unchanged or skipped,
 * and why, field by field. Nothing is written here.
 */
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HolidayRule } from "@/lib/hours/rules";
import { frenchCommuneMergedInto, frenchCommunesOf, matchCommune } from "@/lib/places/communes";
import { hoursSelect, termsSelect, type LmnPassThrough } from "../snapshot";
import { parseImportFile, type ImportFormat } from "./file";
import { planRows, termKey, type ImportPlan, type TerritoryState } from "./matching";
import type { ImportIssue, ImportResult, ImportRow } from "./model";

type Reader = PrismaClient | Prisma.TransactionClient;

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);
const exceptionsOf = (exceptions: { startsOn: Date; endsOn: Date; closed: boolean; opensAtMinute: number | null; closesAtMinute: number | null; label: string }[]) =>
  exceptions.map((exception) => ({ ...exception, startsOn: day(exception.startsOn)!, endsOn: day(exception.endsOn)! }));

/** The territory's structures, places (with their offers and hours) and earlier imports' records. */
export async function loadTerritoryState(db: Reader, territoryId: string): Promise<TerritoryState> {
  const territory = await db.territory.findUniqueOrThrow({ where: { id: territoryId }, select: { id: true, country: true } });
  // One after the other: inside the commit's transaction they share one connection.
  const structures = await db.structure.findMany({
    where: { territoryId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      email: true,
      phone: true,
      website: true,
      identifiers: { select: { type: true, value: true } },
      terms: termsSelect,
      places: { select: { postalCode: true } },
    },
  });
  const places = await db.place.findMany({
    where: { structure: { territoryId } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      structureId: true,
      name: true,
      address: true,
      addressComplement: true,
      postalCode: true,
      communeCode: true,
      communeName: true,
      latitude: true,
      longitude: true,
      appointmentUrl: true,
      standardExtras: true,
      publicHolidays: true,
      ...hoursSelect,
      offers: { select: { publicHolidays: true, ...hoursSelect, offer: { select: { id: true, structureId: true, title: true, status: true, minAge: true, maxAge: true, residencyCondition: true, otherConditions: true, terms: termsSelect } } } },
    },
  });
  const records = await db.importedRecord.findMany({
    where: { territoryId },
    select: { source: true, externalId: true, structureId: true, placeId: true, offerId: true, sourceUpdatedOn: true },
  });
  const keys = (terms: { term: { vocabularyKey: string; code: string } }[]) => terms.map(({ term }) => termKey([term.vocabularyKey, term.code])).sort();
  return {
    territory,
    structures: structures.map((structure) => ({
      ...structure,
      terms: keys(structure.terms),
      postalCodes: structure.places.map((place) => place.postalCode),
    })),
    places: places.map((place) => ({
      id: place.id,
      structureId: place.structureId,
      name: place.name,
      address: place.address,
      addressComplement: place.addressComplement,
      postalCode: place.postalCode,
      communeCode: place.communeCode,
      communeName: place.communeName,
      latitude: place.latitude,
      longitude: place.longitude,
      appointmentUrl: place.appointmentUrl,
      standardExtras: (place.standardExtras ?? {}) as LmnPassThrough,
      hours: {
        slots: place.openingSlots,
        exceptions: exceptionsOf(place.openingExceptions),
        publicHolidays: place.publicHolidays as HolidayRule,
      },
      offers: place.offers
        .filter(({ offer }) => offer.status !== "archived")
        .map(({ offer, openingSlots, openingExceptions, publicHolidays }) => ({
          id: offer.id,
          structureId: offer.structureId,
          title: offer.title,
          terms: keys(offer.terms),
          conditions: { minAge: offer.minAge, maxAge: offer.maxAge, residencyCondition: offer.residencyCondition, otherConditions: offer.otherConditions },
          hours:
            openingSlots.length > 0
              ? { slots: openingSlots, exceptions: exceptionsOf(openingExceptions), publicHolidays: (publicHolidays ?? place.publicHolidays) as HolidayRule }
              : null,
        })),
    })),
    records: records.map((record) => ({ ...record, sourceUpdatedOn: day(record.sourceUpdatedOn) })),
  };
}

/**
 * The INSEE code of a French commune given by postal code and name: the commune of that name, or
 * the one a merged commune of that name belongs to (Seynod → Annecy), or the code's only commune;
 * null when none (kept as given, never guessed among several).
 */
export function resolveFrenchCommune(postalCode: string, name: string): string | null {
  const communes = frenchCommunesOf(postalCode);
  return (matchCommune(communes, name) ?? frenchCommuneMergedInto(postalCode, name) ?? (communes.length === 1 ? communes[0] : undefined))?.code ?? null;
}

/** The preview of importing parsed rows into a territory. */
export async function planImport(db: Reader, territoryId: string, rows: ImportRow[], issues: ImportIssue[] = []): Promise<ImportPlan> {
  const state = await loadTerritoryState(db, territoryId);
  return planRows(state, rows, issues, { resolveCommune: resolveFrenchCommune });
}

/** A file parsed and planned against the territory as it is now (what the import job does, in one call). */
export async function previewImport(db: PrismaClient, territoryId: string, fileName: string, content: Uint8Array, format: ImportFormat): Promise<{ parsed: ImportResult; plan: ImportPlan }> {
  const parsed = await parseImportFile(fileName, content, format);
  const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
  return { parsed, plan };
}

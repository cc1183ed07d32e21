/**
 * The territory's matrix: one row per offer, in the columns of seed 001 — Qui ? Quoi ? Comment ?
 * Où ? Quand ? Autres. Reads only the territory's structures.
 */
import { scopeFor, type Actor } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeWeeklyHours } from "@/lib/hours/format";
import { isStale } from "@/lib/offers/rules";
import { conditionList } from "./conditions";
import type { MatrixFilters } from "./filters";

export interface MatrixRow {
  offerId: string;
  structureId: string;
  status: string;
  /** Whether the structure itself is published (a published offer of a draft structure is not public). */
  structurePublished: boolean;
  qui: string;
  quoi: { title: string; needs: string[]; postures: string[] };
  /** `modes`: contact, reception and accompaniment modes (in the export's "Comment", not on the page). */
  comment: { accessModes: string[]; modes: string[]; publics: string[]; conditions: string[] };
  ou: string[];
  quand: string;
  autres: { fees: string[]; feeDetails: string | null; documents: string[]; acceptsTransfers: boolean };
  lastVerifiedAt: Date | null;
  verifiedBy: string | null;
  stale: boolean;
  communeCodes: string[];
  /** What the export adds so that it can be imported again (one export line per offer × place). */
  structure: { id: string; email: string | null; phone: string | null; website: string | null; siret: string | null; rna: string | null };
  places: MatrixPlace[];
}

/** One place of an offer, as the export writes it: the place's identity, address, point and the offer's hours there. */
export interface MatrixPlace {
  id: string;
  name: string;
  address: string;
  addressComplement: string | null;
  postalCode: string;
  communeCode: string;
  communeName: string;
  latitude: number | null;
  longitude: number | null;
  appointmentUrl: string | null;
  /** The offer's hours at this place in plain French (its own, else the place's). */
  quand: string;
}

/** `publishedOnly`: what anyone may download — published offers of published structures. */
export interface MatrixOptions {
  publishedOnly?: boolean;
}

function whereForFilters(territoryId: string, filters: MatrixFilters, options: MatrixOptions = {}): Prisma.OfferWhereInput {
  const withTerm = (termId: string | undefined) => (termId ? [{ terms: { some: { termId } } }] : []);
  return {
    structure: { territoryId, ...(filters.structure ? { id: filters.structure } : {}), ...(options.publishedOnly ? { status: "published" as const } : {}) },
    status: options.publishedOnly ? "published" : { not: "archived" },
    AND: [
      ...withTerm(filters.besoin),
      ...withTerm(filters.public),
      ...withTerm(filters.posture),
      ...withTerm(filters.acces),
      ...(filters.commune ? [{ places: { some: { place: { communeCode: filters.commune } } } }] : []),
    ],
  };
}

export async function getMatrix(db: PrismaClient, territoryId: string, filters: MatrixFilters, now = new Date(), options: MatrixOptions = {}) {
  const territory = await db.territory.findUniqueOrThrow({ where: { id: territoryId }, select: { staleAfterMonths: true } });
  const offers = await db.offer.findMany({
    where: whereForFilters(territoryId, filters, options),
    select: {
      id: true,
      status: true,
      title: true,
      minAge: true,
      maxAge: true,
      residencyCondition: true,
      otherConditions: true,
      feeDetails: true,
      documentsToBring: true,
      acceptsTransfers: true,
      lastVerifiedAt: true,
      lastVerifiedBy: { select: { name: true, email: true } },
      structure: { select: { id: true, name: true, status: true, email: true, phone: true, website: true, identifiers: { select: { type: true, value: true } } } },
      terms: { select: { term: { select: { label: true, sortOrder: true, vocabulary: { select: { role: true } } } } } },
      openingSlots: true,
      places: {
        select: {
          openingSlots: true,
          publicHolidays: true,
          place: {
            select: {
              id: true,
              name: true,
              address: true,
              addressComplement: true,
              postalCode: true,
              communeName: true,
              communeCode: true,
              latitude: true,
              longitude: true,
              appointmentUrl: true,
              publicHolidays: true,
              openingSlots: true,
            },
          },
        },
      },
    },
  });

  const rows = offers.map((offer): MatrixRow => {
    const labels = (role: string) =>
      offer.terms
        .filter(({ term }) => term.vocabulary.role === role)
        .sort((a, b) => a.term.sortOrder - b.term.sortOrder)
        .map(({ term }) => term.label);
    const conditions = conditionList(offer);
    const hoursAt = offer.places.map(({ openingSlots, publicHolidays, place }) =>
      describeWeeklyHours(openingSlots.length > 0 ? openingSlots : place.openingSlots, publicHolidays ?? place.publicHolidays),
    );
    const quand =
      offer.places.length === 0
        ? describeWeeklyHours(offer.openingSlots, "unknown")
        : offer.places.map(({ place }, index) => (offer.places.length > 1 ? `${place.communeName} : ${hoursAt[index]}` : hoursAt[index])).join(" — ");
    const identifier = (type: string) => offer.structure.identifiers.find((candidate) => candidate.type === type)?.value ?? null;
    return {
      offerId: offer.id,
      structureId: offer.structure.id,
      status: offer.status,
      structurePublished: offer.structure.status === "published",
      qui: offer.structure.name,
      quoi: { title: offer.title, needs: [...labels("need")], postures: labels("posture") },
      comment: { accessModes: labels("access_mode"), modes: ["contact_mode", "reception_mode", "accompaniment"].flatMap(labels), publics: labels("public"), conditions },
      ou: offer.places.length > 0 ? offer.places.map(({ place }) => `${place.address}, ${place.communeName}`) : ["À distance"],
      quand,
      autres: { fees: labels("fee"), feeDetails: offer.feeDetails, documents: offer.documentsToBring, acceptsTransfers: offer.acceptsTransfers },
      lastVerifiedAt: offer.lastVerifiedAt,
      verifiedBy: offer.lastVerifiedBy ? (offer.lastVerifiedBy.name ?? offer.lastVerifiedBy.email) : null,
      stale: isStale(offer.lastVerifiedAt, territory.staleAfterMonths, now),
      communeCodes: offer.places.map(({ place }) => place.communeCode),
      structure: { id: offer.structure.id, email: offer.structure.email, phone: offer.structure.phone, website: offer.structure.website, siret: identifier("SIRET"), rna: identifier("RNA") },
      places: offer.places.map(({ place }, index) => ({
        id: place.id,
        name: place.name,
        address: place.address,
        addressComplement: place.addressComplement,
        postalCode: place.postalCode,
        communeCode: place.communeCode,
        communeName: place.communeName,
        latitude: place.latitude,
        longitude: place.longitude,
        appointmentUrl: place.appointmentUrl,
        quand: hoursAt[index]!,
      })),
    };
  });
  return sortRows(rows, filters.tri);
}

function sortRows(rows: MatrixRow[], column: MatrixFilters["tri"]): MatrixRow[] {
  const collator = new Intl.Collator("fr", { sensitivity: "base" });
  const keyOf: Record<NonNullable<MatrixFilters["tri"]>, (row: MatrixRow) => string> = {
    qui: (row) => row.qui,
    quoi: (row) => row.quoi.title,
    ou: (row) => row.ou[0] ?? "",
    verification: (row) => row.lastVerifiedAt?.toISOString() ?? "",
  };
  const key = keyOf[column ?? "qui"];
  return [...rows].sort((a, b) => collator.compare(key(a), key(b)) || collator.compare(a.quoi.title, b.quoi.title));
}

/** What the filter lists offer: the terms used by the territory's offers, its communes and structures. */
export async function getMatrixFilterOptions(db: PrismaClient, territoryId: string) {
  const [terms, places, structures] = await Promise.all([
    db.vocabularyTerm.findMany({
      where: { offers: { some: { offer: { structure: { territoryId } } } } },
      select: { id: true, label: true, vocabulary: { select: { role: true } } },
      orderBy: [{ sortOrder: "asc" }],
    }),
    db.place.findMany({
      where: { offers: { some: { offer: { structure: { territoryId } } } } },
      select: { communeCode: true, communeName: true },
      distinct: ["communeCode"],
      orderBy: { communeName: "asc" },
    }),
    db.structure.findMany({ where: { territoryId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const byRole = (role: string) => terms.filter((term) => term.vocabulary.role === role).map(({ id, label }) => ({ id, label }));
  return {
    needs: byRole("need"),
    publics: byRole("public"),
    postures: byRole("posture"),
    accessModes: byRole("access_mode"),
    communes: places.map(({ communeCode, communeName }) => ({ id: communeCode, label: communeName })),
    structures: structures.map(({ id, name }) => ({ id, label: name })),
  };
}

/** The territory whose matrix the actor may see (policy "territory.viewMatrix"), scoped in the query. */
export function findMatrixTerritory(db: PrismaClient, actor: Actor, slug: string) {
  return db.territory.findFirst({
    where: { AND: [{ slug }, scopeFor(actor, "territory.viewMatrix")] },
    select: { id: true, name: true, slug: true },
  });
}

/** Coverage inputs: the territory's published offers, and the needs, publics and postures to cross. */
export async function getCoverageInputs(db: PrismaClient, territoryId: string) {
  // The published offers' labels by role, in one aggregate (a territory's whole matrix is not needed).
  const offers = await db.$queryRaw<{ structure: string; needs: string[]; publics: string[]; postures: string[] }[]>`
    SELECT s.name AS structure,
           coalesce(array_agg(vt.label ORDER BY vt."sortOrder", vt.label) FILTER (WHERE v.role = 'need'), '{}') AS needs,
           coalesce(array_agg(vt.label ORDER BY vt."sortOrder", vt.label) FILTER (WHERE v.role = 'public'), '{}') AS publics,
           coalesce(array_agg(vt.label ORDER BY vt."sortOrder", vt.label) FILTER (WHERE v.role = 'posture'), '{}') AS postures
    FROM "Offer" o
    JOIN "Structure" s ON s.id = o."structureId"
    LEFT JOIN "OfferTerm" ot ON ot."offerId" = o.id
    LEFT JOIN "VocabularyTerm" vt ON vt.id = ot."termId"
    LEFT JOIN "Vocabulary" v ON v.key = vt."vocabularyKey"
    WHERE s."territoryId" = ${territoryId}::uuid AND o.status = 'published'
    GROUP BY o.id, s.name
    ORDER BY s.name, o.id`;
  const rows = offers.map((offer) => ({ qui: offer.structure, quoi: { needs: offer.needs }, comment: { publics: offer.publics }, postures: offer.postures }));
  const [services, publics, postures] = await Promise.all(
    ["lmn.services", "dataInclusion.v1.publics", "toile.postures"].map((vocabularyKey) =>
      db.vocabularyTerm.findMany({ where: { vocabularyKey }, select: { label: true }, orderBy: { sortOrder: "asc" } }),
    ),
  );
  const usedNeeds = [...new Set(rows.flatMap((row) => row.quoi.needs))];
  const needs = [...new Set([...services!.map((term) => term.label), ...usedNeeds])];
  return {
    offers: rows.map((row) => ({
      structure: row.qui,
      needs: row.quoi.needs,
      publics: row.comment.publics,
      postures: row.postures,
    })),
    needs,
    publics: publics!.map((term) => term.label).filter((label) => label !== "Tous publics"),
    postures: postures!.map((term) => term.label),
  };
}

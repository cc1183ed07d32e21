/**
 * What the public sees: a published offer of a published structure of the territory named in the
 * URL, and the weekly programme of a place or a structure. Anything else (a draft, an archived
 * offer, another territory's offer, a malformed id) is null, and the page answers 404.
 */
import type { PrismaClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HOURS_SELECT, offerScheduleAt, remoteOfferSchedule } from "@/lib/hours/offer-schedule";
import { isUuid } from "@/lib/ids";
import type { Schedule } from "@/lib/hours/rules";
import type { ProgrammeEntry } from "./programme";

const isSlug = (value: unknown): value is string => typeof value === "string" && value.length <= 100;
const hours = HOURS_SELECT;

const publicTerritory = { id: true, slug: true, name: true, country: true, timeZone: true, staleAfterMonths: true } as const;

const placeSelect = {
  id: true,
  name: true,
  address: true,
  addressComplement: true,
  postalCode: true,
  communeName: true,
  country: true,
  latitude: true,
  longitude: true,
  wheelchairAccessible: true,
  accessibilityNotes: true,
  publicHolidays: true,
  ...hours,
} as const;

/** Published, by a published structure of this territory: the only offers the public may see. */
const visibleIn = (territoryId: string) => ({ status: "published" as const, structure: { status: "published" as const, territoryId } });

async function findTerritory(db: PrismaClient, slug: unknown) {
  if (!isSlug(slug)) return null;
  return db.territory.findUnique({ where: { slug }, select: publicTerritory });
}

export async function getPublicOffer(db: PrismaClient, territorySlug: unknown, offerId: unknown) {
  if (!isUuid(offerId)) return null;
  const territory = await findTerritory(db, territorySlug);
  if (!territory) return null;
  const offer = await db.offer.findFirst({
    where: { id: offerId, ...visibleIn(territory.id) },
    select: {
      id: true,
      title: true,
      description: true,
      residentAccess: true,
      minAge: true,
      maxAge: true,
      residencyCondition: true,
      otherConditions: true,
      feeDetails: true,
      documentsToBring: true,
      languages: true,
      isSaturated: true,
      lastVerifiedAt: true,
      unconfirmedSince: true,
      structure: { select: { id: true, name: true, phone: true, email: true, website: true } },
      terms: {
        select: { term: { select: { code: true, label: true, vocabulary: { select: { role: true } } } } },
        orderBy: { term: { sortOrder: "asc" } },
      },
      ...hours,
      places: {
        select: { publicHolidays: true, ...hours, place: { select: placeSelect } },
        orderBy: { place: { name: "asc" } },
      },
      redirects: {
        select: {
          id: true,
          notOffered: true,
          note: true,
          redirectToOffer: {
            select: { id: true, title: true, status: true, structure: { select: { name: true, status: true, territoryId: true } } },
          },
          redirectToStructure: { select: { id: true, name: true, status: true, territoryId: true } },
        },
      },
    },
  });
  if (!offer) return null;

  const { terms, places, redirects, openingSlots, openingExceptions, ...rest } = offer;
  const published = (thing: { status: string; territoryId: string } | null | undefined) =>
    !!thing && thing.status === "published" && thing.territoryId === territory.id;
  return {
    territory,
    offer: {
      ...rest,
      termsByRole: groupByRole(terms.map(({ term }) => term)),
      places: places.map((offerPlace) => ({ ...offerPlace.place, schedule: offerScheduleAt(offerPlace, territory) })),
      /** Hours of an offer without a place (a phone line); null when it has places. */
      remoteSchedule: places.length === 0 && openingSlots.length > 0 ? remoteOfferSchedule({ openingSlots, openingExceptions }, territory) : null,
      redirects: redirects.map((redirect) => {
        const toOffer = redirect.redirectToOffer;
        const offerVisible = toOffer && toOffer.status === "published" && published(toOffer.structure);
        const toStructure = redirect.redirectToStructure;
        return {
          id: redirect.id,
          notOffered: redirect.notOffered,
          note: redirect.note,
          // Only what the public may open is linked; a name alone still helps.
          offer: offerVisible ? { id: toOffer.id, title: toOffer.title, structureName: toOffer.structure.name } : null,
          structure: published(toStructure) ? { id: toStructure!.id, name: toStructure!.name } : null,
        };
      }),
    },
  };
}

function groupByRole(terms: { code: string; label: string; vocabulary: { role: string } }[]) {
  const byRole: Record<string, { code: string; label: string }[]> = {};
  for (const term of terms) (byRole[term.vocabulary.role] ??= []).push({ code: term.code, label: term.label });
  return byRole;
}

export type PublicOffer = NonNullable<Awaited<ReturnType<typeof getPublicOffer>>>;

/**
 * In one statement, what an offer's page must know before anything else: the territory's id and
 * the version of its published data (to find the offer kept in memory, page-data.ts), and whether
 * the offer has an agenda (free slots, which change with every booking), permanences at a
 * partner's place (which change only with its hours) or workshop sessions before `until` — most
 * have none, and their page then asks nothing more.
 */
export async function offerPageState(db: PrismaClient, territorySlug: unknown, offerId: unknown, now: Date, until: Date) {
  if (!isSlug(territorySlug) || !isUuid(offerId)) return null;
  const [row] = await db.$queryRaw<{ id: string; slug: string; searchVersion: number; agenda: boolean; permanences: boolean; sessions: boolean }[]>`
    SELECT t.id, t.slug, t."searchVersion",
      EXISTS (SELECT 1 FROM "AvailabilityPattern" WHERE "offerId" = ${offerId}::uuid) AS agenda,
      EXISTS (SELECT 1 FROM "OfferPlace" op JOIN "Place" p ON p.id = op."placeId" JOIN "Offer" o ON o.id = op."offerId"
              WHERE op."offerId" = ${offerId}::uuid AND p."structureId" <> o."structureId") AS permanences,
      EXISTS (SELECT 1 FROM "WorkshopSession" WHERE "offerId" = ${offerId}::uuid AND status = 'scheduled' AND "startsAt" >= ${now} AND "startsAt" < ${until}) AS sessions
    FROM "Territory" t WHERE t.slug = ${territorySlug}`;
  return row ?? null;
}

/**
 * A programme's page, in one statement like an offer's: the territory's id and version, and
 * whether the place or structure has workshop sessions in any week its page can show (a year
 * either side of today, and a margin) — their seats change with every registration, so such a
 * page is written for each request; most have none.
 */
export async function programmePageState(db: PrismaClient, territorySlug: unknown, scope: { placeId: string } | { structureId: string }, now: Date) {
  const id = "placeId" in scope ? scope.placeId : scope.structureId;
  if (!isSlug(territorySlug) || !isUuid(id)) return null;
  const from = new Date(now.getTime() - 380 * 86_400_000);
  const [row] = await db.$queryRaw<{ id: string; slug: string; searchVersion: number; sessions: boolean }[]>`
    SELECT t.id, t.slug, t."searchVersion",
      ${
        "placeId" in scope
          ? Prisma.sql`EXISTS (SELECT 1 FROM "WorkshopSession" WHERE "placeId" = ${id}::uuid AND status = 'scheduled' AND "startsAt" >= ${from})`
          : Prisma.sql`EXISTS (SELECT 1 FROM "WorkshopSession" WHERE "structureId" = ${id}::uuid AND status = 'scheduled' AND "startsAt" >= ${from})`
      } AS sessions
    FROM "Territory" t WHERE t.slug = ${territorySlug}`;
  return row ?? null;
}

/** The offers held at a place: its structure's and its partners' permanences, each with its schedule there. */
export async function getPlaceProgramme(db: PrismaClient, territorySlug: unknown, placeId: unknown) {
  if (!isUuid(placeId)) return null;
  const territory = await findTerritory(db, territorySlug);
  if (!territory) return null;
  const place = await db.place.findFirst({
    where: { id: placeId, structure: { territoryId: territory.id, status: "published" } },
    select: {
      id: true,
      name: true,
      address: true,
      postalCode: true,
      communeName: true,
      structure: { select: { id: true, name: true } },
      offers: {
        where: { offer: visibleIn(territory.id) },
        select: {
          publicHolidays: true,
          ...hours,
          place: { select: { publicHolidays: true, ...hours } },
          offer: { select: { id: true, title: true, structure: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  if (!place) return null;
  const entries: ProgrammeEntry[] = place.offers.map((offerPlace) => ({
    offerId: offerPlace.offer.id,
    title: offerPlace.offer.title,
    // A partner's permanence says whose it is; the place's own offers need not.
    detail: offerPlace.offer.structure.id === place.structure.id ? null : offerPlace.offer.structure.name,
    permanence: offerPlace.offer.structure.id !== place.structure.id,
    schedule: offerScheduleAt(offerPlace, territory),
  }));
  const { id, name, address, postalCode, communeName, structure } = place;
  return { territory, place: { id, name, address, postalCode, communeName, structure }, entries: sortEntries(entries) };
}

/** A structure's published offers, at each of their places (and remote ones with their own hours). */
export async function getStructureProgramme(db: PrismaClient, territorySlug: unknown, structureId: unknown) {
  if (!isUuid(structureId)) return null;
  const territory = await findTerritory(db, territorySlug);
  if (!territory) return null;
  const structure = await db.structure.findFirst({
    where: { id: structureId, territoryId: territory.id, status: "published" },
    select: {
      id: true,
      name: true,
      offers: {
        where: { status: "published" },
        select: {
          id: true,
          title: true,
          ...hours,
          places: {
            select: { publicHolidays: true, ...hours, place: { select: { name: true, communeName: true, structureId: true, publicHolidays: true, ...hours } } },
          },
        },
      },
    },
  });
  if (!structure) return null;
  const entries: ProgrammeEntry[] = structure.offers.flatMap((offer): ProgrammeEntry[] => {
    if (offer.places.length === 0) {
      const schedule: Schedule = remoteOfferSchedule(offer, territory);
      return schedule.slots.length > 0 ? [{ offerId: offer.id, title: offer.title, detail: null, schedule }] : [];
    }
    return offer.places.map((offerPlace) => ({
      offerId: offer.id,
      title: offer.title,
      detail: `${offerPlace.place.name}, ${offerPlace.place.communeName}`,
      permanence: offerPlace.place.structureId !== structure.id,
      schedule: offerScheduleAt(offerPlace, territory),
    }));
  });
  return { territory, structure: { id: structure.id, name: structure.name }, entries: sortEntries(entries) };
}

const sortEntries = (entries: ProgrammeEntry[]) => entries.sort((a, b) => a.title.localeCompare(b.title, "fr"));

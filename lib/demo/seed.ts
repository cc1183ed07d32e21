/**
 * Writes the demo territory (lib/demo/territory.ts) to the database, all or nothing.
 * Dates are relative to `now`: verification dates, and a closure next week.
 */
import { seedDemoTime } from "./time";
import type { PrismaClient } from "@/lib/db";
import { addDays } from "@/lib/hours/holidays";
import { localTime } from "@/lib/hours/rules";
import {
  DEMO_ACCOUNTS,
  DEMO_COMMUNES,
  DEMO_STRUCTURES,
  DEMO_TERRITORY_NAME,
  DEMO_TERRITORY_SLUG,
  minutes,
  type DemoException,
  type TermRef,
} from "./territory";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

/** The calendar day (as UTC midnight, for `@db.Date`) of the Monday after `now` in Paris, plus `days`. */
export function dayFromNextMonday(now: Date, days: number): Date {
  const today = localTime(now, "Europe/Paris");
  return new Date(`${addDays(today.date, 8 - today.weekday + days)}T00:00:00Z`);
}

function exceptionRows(exceptions: DemoException[] | undefined, now: Date) {
  return (exceptions ?? []).map((exception) => {
    const [opens, closes] = exception.specialHours?.split("-").map(minutes) ?? [];
    return {
      startsOn: dayFromNextMonday(now, exception.fromNextMonday),
      endsOn: dayFromNextMonday(now, exception.fromNextMonday + exception.days - 1),
      closed: !exception.specialHours,
      opensAtMinute: opens ?? null,
      closesAtMinute: closes ?? null,
      label: exception.label,
    };
  });
}

async function termIds(tx: Tx): Promise<(ref: TermRef) => { termId: string }> {
  const refs = new Map<string, TermRef>();
  for (const structure of DEMO_STRUCTURES) {
    for (const ref of [...structure.terms, ...structure.offers.flatMap((offer) => offer.terms)]) {
      refs.set(ref.join("\u0000"), ref);
    }
  }
  const terms = await tx.vocabularyTerm.findMany({
    where: { OR: [...refs.values()].map(([vocabularyKey, code]) => ({ vocabularyKey, code })) },
    select: { id: true, vocabularyKey: true, code: true },
  });
  const ids = new Map(terms.map((term) => [`${term.vocabularyKey}\u0000${term.code}`, term.id]));
  const missing = [...refs.keys()].filter((key) => !ids.has(key));
  if (missing.length > 0) {
    throw new Error(
      `Termes absents des vocabulaires (lancer d'abord le chargement des vocabulaires) : ${missing
        .map((key) => key.replace("\u0000", " → "))
        .join(", ")}`,
    );
  }
  return (ref) => ({ termId: ids.get(ref.join("\u0000"))! });
}

export async function seedDemoTerritory(
  db: PrismaClient,
  now: Date = new Date(),
): Promise<{ territoryId: string; created: boolean }> {
  const existing = await db.territory.findUnique({ where: { slug: DEMO_TERRITORY_SLUG } });
  if (existing) {
    // A demo loaded by an earlier version may lack the accounts: add what is missing.
    await seedDemoAccounts(db, existing.id);
    return { territoryId: existing.id, created: false };
  }

  const territoryId = await db.$transaction(
    async (tx) => {
      const term = await termIds(tx);
      const territory = await tx.territory.create({
        data: {
          slug: DEMO_TERRITORY_SLUG,
          name: DEMO_TERRITORY_NAME,
          country: "FR",
          timeZone: "Europe/Paris",
          areas: {
            create: Object.values(DEMO_COMMUNES).map(({ code, name }) => ({ kind: "commune", code, name })),
          },
        },
      });

      const placeIds = new Map<string, string>();
      const structureIds = new Map<string, string>();
      for (const structure of DEMO_STRUCTURES) {
        const created = await tx.structure.create({
          data: {
            territoryId: territory.id,
            name: structure.name,
            description: structure.description,
            email: structure.email,
            phone: structure.phone,
            website: structure.website,
            status: "published",
            lastVerifiedAt: monthsBefore(now, structure.verifiedMonthsAgo),
            identifiers: {
              create: [
                ...(structure.siret ? [{ type: "SIRET" as const, value: structure.siret }] : []),
                ...(structure.rna ? [{ type: "RNA" as const, value: structure.rna }] : []),
              ],
            },
            terms: { create: structure.terms.map(term) },
            places: {
              create: structure.places.map((place) => {
                const commune = DEMO_COMMUNES[place.commune];
                return {
                  name: place.name,
                  address: place.address,
                  postalCode: commune.postalCode,
                  communeCode: commune.code,
                  communeName: commune.name,
                  country: "FR" as const,
                  latitude: place.latitude,
                  longitude: place.longitude,
                  wheelchairAccessible: place.wheelchairAccessible,
                  accessibilityNotes: place.accessibilityNotes,
                  publicHolidays: "closed" as const,
                  openingSlots: { create: place.hours },
                  openingExceptions: { create: exceptionRows(place.exceptions, now) },
                };
              }),
            },
          },
          select: { id: true, places: { select: { id: true, name: true } } },
        });
        structureIds.set(structure.key, created.id);
        for (const place of structure.places) {
          placeIds.set(place.key, created.places.find((row) => row.name === place.name)!.id);
        }
      }

      // Offers after every place exists: a permanence is held at another structure's place.
      const offerIds = new Map<string, string>();
      for (const structure of DEMO_STRUCTURES) {
        for (const offer of structure.offers) {
          const created = await tx.offer.create({
            data: {
              structureId: structureIds.get(structure.key)!,
              territoryId: territory.id,
              title: offer.title,
              description: offer.description,
              professionalReferral: offer.professionalReferral,
              residentAccess: offer.residentAccess,
              minAge: offer.minAge,
              maxAge: offer.maxAge,
              residencyCondition: offer.residencyCondition,
              otherConditions: offer.otherConditions,
              feeDetails: offer.feeDetails,
              documentsToBring: offer.documentsToBring ?? [],
              languages: offer.languages ?? [],
              typicalDelayDays: offer.typicalDelayDays,
              isSaturated: offer.isSaturated ?? false,
              acceptsTransfers: offer.acceptsTransfers,
              phoneLine: offer.phoneLine ?? false,
              status: offer.draft ? "draft" : "published",
              lastVerifiedAt: monthsBefore(now, offer.verifiedMonthsAgo),
              terms: { create: offer.terms.map(term) },
              openingSlots: { create: offer.hours ?? [] },
              places: {
                create: offer.places.map(({ place, hours }) => {
                  const placeId = placeIds.get(place);
                  if (!placeId) throw new Error(`Lieu de démonstration inconnu : ${place}`);
                  return { placeId, openingSlots: { create: hours ?? [] } };
                }),
              },
            },
            select: { id: true },
          });
          offerIds.set(offer.key, created.id);
        }
      }

      const redirects = DEMO_STRUCTURES.flatMap((structure) =>
        structure.offers.flatMap((offer) =>
          (offer.redirects ?? []).map((redirect) => ({
            offerId: offerIds.get(offer.key)!,
            notOffered: redirect.notOffered,
            redirectToOfferId: redirect.toOffer ? offerIds.get(redirect.toOffer)! : null,
            redirectToStructureId: redirect.toStructure ? structureIds.get(redirect.toStructure)! : null,
            note: redirect.note ?? null,
          })),
        ),
      );
      await tx.offerRedirect.createMany({ data: redirects });

      return territory.id;
    },
    { timeout: 60_000 },
  );
  await seedDemoAccounts(db, territoryId);
  await seedDemoTime(db, territoryId, now);
  return { territoryId, created: true };
}

/** The demo accounts and their roles; idempotent (nothing is changed for an existing account). */
async function seedDemoAccounts(db: PrismaClient, territoryId: string) {
  const structures = await db.structure.findMany({ where: { territoryId }, select: { id: true, name: true } });
  const structureId = (key: string) => {
    const name = DEMO_STRUCTURES.find((structure) => structure.key === key)!.name;
    return structures.find((structure) => structure.name === name)?.id;
  };
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) continue;
    await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        isPlatformAdmin: account.isPlatformAdmin ?? false,
        coordinatedAreas: account.coordinates ? { create: { territoryId } } : undefined,
        memberships: {
          create: (account.memberships ?? []).flatMap(({ structure, role }) => {
            const id = structureId(structure);
            return id ? [{ structureId: id, role }] : [];
          }),
        },
      },
    });
  }
}

/**
 * The offer a person is sent to, as creating a transfer needs it: published, of a published
 * structure, with its territory (time zone, staleness rule), its places with their hours, its
 * need and public terms, and the soonest opening. Read by the creation page and by createTransfer,
 * so what the mediator is warned about is what the server enforces.
 */
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HOURS_SELECT, offerScheduleAt, remoteOfferSchedule } from "@/lib/hours/offer-schedule";
import { openingStatus, type Schedule } from "@/lib/hours/rules";
import { isUuid } from "@/lib/ids";

type Reader = Pick<PrismaClient | Prisma.TransactionClient, "offer">;

const hours = HOURS_SELECT;

export async function findTargetOffer(db: Reader, offerId: string) {
  if (!isUuid(offerId)) return null;
  const offer = await db.offer.findFirst({
    where: { id: offerId, status: "published", structure: { status: "published" } },
    select: {
      id: true,
      title: true,
      description: true,
      acceptsTransfers: true,
      isSaturated: true,
      lastVerifiedAt: true,
      minAge: true,
      maxAge: true,
      residencyCondition: true,
      otherConditions: true,
      residentAccess: true,
      professionalReferral: true,
      documentsToBring: true,
      structure: {
        select: {
          id: true,
          name: true,
          phone: true,
          email: true,
          territory: { select: { id: true, slug: true, name: true, timeZone: true, country: true, staleAfterMonths: true } },
        },
      },
      terms: {
        select: { term: { select: { id: true, code: true, label: true, vocabulary: { select: { role: true } } } } },
        orderBy: { term: { sortOrder: "asc" } },
      },
      ...hours,
      places: {
        select: {
          publicHolidays: true,
          ...hours,
          place: {
            select: {
              id: true,
              name: true,
              address: true,
              addressComplement: true,
              postalCode: true,
              communeName: true,
              latitude: true,
              longitude: true,
              publicHolidays: true,
              ...hours,
            },
          },
        },
        orderBy: { place: { name: "asc" } },
      },
    },
  });
  if (!offer) return null;
  const { territory } = offer.structure;
  const termsOf = (role: string) => offer.terms.map(({ term }) => term).filter((term) => term.vocabulary.role === role).map(({ id, code, label }) => ({ id, code, label }));
  const places = offer.places.map((offerPlace) => {
    const { id, name, address, addressComplement, postalCode, communeName, latitude, longitude } = offerPlace.place;
    return { id, name, address, addressComplement, postalCode, communeName, latitude, longitude, schedule: offerScheduleAt(offerPlace, territory) };
  });
  const remoteSchedule: Schedule | null =
    offer.places.length === 0 && offer.openingSlots.length > 0 ? remoteOfferSchedule(offer, territory) : null;
  return {
    id: offer.id,
    title: offer.title,
    description: offer.description,
    acceptsTransfers: offer.acceptsTransfers,
    isSaturated: offer.isSaturated,
    lastVerifiedAt: offer.lastVerifiedAt,
    minAge: offer.minAge,
    maxAge: offer.maxAge,
    residencyCondition: offer.residencyCondition,
    otherConditions: offer.otherConditions,
    residentAccess: offer.residentAccess,
    professionalReferral: offer.professionalReferral,
    documentsToBring: offer.documentsToBring,
    structure: { id: offer.structure.id, name: offer.structure.name, phone: offer.structure.phone, email: offer.structure.email },
    territory,
    needTerms: termsOf("need"),
    publicTerms: termsOf("public"),
    places,
    remoteSchedule,
  };
}

export type TargetOffer = NonNullable<Awaited<ReturnType<typeof findTargetOffer>>>;

/**
 * The soonest opening of the offer among its places (`now` when open now); null when none is
 * scheduled within the coming weeks; undefined when it has no hours at all (nothing to say).
 */
export function nextOpening(offer: Pick<TargetOffer, "places" | "remoteSchedule">, now: Date): Date | null | undefined {
  const schedules = [...offer.places.map((place) => place.schedule), ...(offer.remoteSchedule ? [offer.remoteSchedule] : [])].filter(
    (schedule) => schedule.slots.length > 0,
  );
  if (schedules.length === 0) return undefined;
  const times = schedules
    .map((schedule) => openingStatus(schedule, now))
    .map((status) => (status.open ? now : status.nextOpensAt))
    .filter((time): time is Date => time !== null);
  return times.length === 0 ? null : new Date(Math.min(...times.map((time) => time.getTime())));
}

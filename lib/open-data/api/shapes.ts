/**
 * The API's answers in each format, from a (scoped) territory snapshot.
 * - "toile": Toile's own shape — a structure with its places, an offer with its places and hours;
 *   hours both as OSM `opening_hours` and as weekly slots and dated exceptions; terms as
 *   `{ vocabulary, code }` of the reference vocabularies (documented in openapi.ts).
 * - "data-inclusion": data·inclusion v1 structures or services (French structures only).
 * - "hsds": HSDS 3.1 organizations or services with their related objects nested, as the HSDS API
 *   returns them.
 */
import type { HolidayRule } from "@/lib/hours/rules";
import type { DiExport } from "../datainclusion/export";
import type { SnapshotHours, SnapshotOffer, SnapshotPlace, SnapshotStructure, TerritorySnapshot } from "../snapshot";
import type { ApiTerritory } from "./queries";

const pad = (value: number) => String(value).padStart(2, "0");
const time = (minute: number | null | undefined) => (minute == null ? null : `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`);

export interface ToileHours {
  osm: string;
  publicHolidays: HolidayRule;
  slots: { weekday: number; opens: string; closes: string; appointmentOnly: boolean }[];
  exceptions: { startsOn: string; endsOn: string; closed: boolean; opens: string | null; closes: string | null; label: string }[];
}

function toileHours(hours: SnapshotHours): ToileHours {
  return {
    osm: hours.osm,
    publicHolidays: hours.publicHolidays,
    slots: hours.slots.map((slot) => ({ weekday: slot.weekday, opens: time(slot.opensAtMinute)!, closes: time(slot.closesAtMinute)!, appointmentOnly: slot.appointmentOnly })),
    exceptions: hours.exceptions.map((exception) => ({
      startsOn: exception.startsOn,
      endsOn: exception.endsOn,
      closed: exception.closed,
      opens: time(exception.opensAtMinute),
      closes: time(exception.closesAtMinute),
      label: exception.label,
    })),
  };
}

const terms = (refs: readonly (readonly [string, string])[]) => refs.map(([vocabulary, code]) => ({ vocabulary, code }));

function toilePlace(place: SnapshotPlace) {
  return {
    id: place.id,
    structureId: place.structureId,
    name: place.name,
    address: place.address,
    addressComplement: place.addressComplement,
    postalCode: place.postalCode,
    communeCode: place.communeCode,
    communeName: place.communeName,
    country: place.country,
    latitude: place.latitude,
    longitude: place.longitude,
    hours: toileHours(place.hours),
  };
}

export function toileTerritory(territory: ApiTerritory, origin: string) {
  const api = `${origin}/api/v1/territories/${territory.slug}`;
  return {
    id: territory.id,
    slug: territory.slug,
    name: territory.name,
    country: territory.country,
    timeZone: territory.timeZone,
    links: { self: api, structures: `${api}/structures`, offers: `${api}/offers`, html: `${origin}/t/${territory.slug}`, downloads: `${origin}/t/${territory.slug}/donnees` },
  };
}

export function toileStructure(structure: SnapshotStructure, snapshot: TerritorySnapshot, origin: string) {
  return {
    id: structure.id,
    territory: snapshot.territory.slug,
    name: structure.name,
    description: structure.description,
    email: structure.email,
    phone: structure.phone,
    website: structure.website,
    identifiers: structure.identifiers,
    terms: terms(structure.terms),
    places: snapshot.places.filter((place) => place.structureId === structure.id).map(toilePlace),
    offerIds: snapshot.offers.filter((offer) => offer.structureId === structure.id).map((offer) => offer.id),
    updatedOn: structure.updatedOn,
    links: { self: `${origin}/api/v1/structures/${structure.id}`, html: `${origin}/t/${snapshot.territory.slug}/structures/${structure.id}/programme` },
  };
}

export function toileOffer(offer: SnapshotOffer, snapshot: TerritorySnapshot, origin: string) {
  const places = new Map(snapshot.places.map((place) => [place.id, place]));
  const details = offer.details;
  return {
    id: offer.id,
    territory: snapshot.territory.slug,
    structureId: offer.structureId,
    structureName: snapshot.structures.find((structure) => structure.id === offer.structureId)?.name ?? null,
    title: offer.title,
    description: offer.description,
    terms: terms(offer.terms),
    feeDetails: offer.feeDetails,
    residentAccess: details?.residentAccess ?? null,
    professionalReferral: details?.professionalReferral ?? null,
    minAge: details?.minAge ?? null,
    maxAge: details?.maxAge ?? null,
    residencyCondition: details?.residencyCondition ?? null,
    otherConditions: details?.otherConditions ?? null,
    documentsToBring: details?.documentsToBring ?? [],
    languages: details?.languages ?? [],
    isSaturated: details?.isSaturated ?? false,
    acceptsTransfers: details?.acceptsTransfers ?? false,
    places: offer.places.flatMap((offerPlace) => {
      const place = places.get(offerPlace.placeId);
      // The offer's own hours there, else the place's.
      return place ? [{ ...toilePlace(place), hours: toileHours(offerPlace.hours ?? place.hours), ownHours: offerPlace.hours !== null }] : [];
    }),
    hours: offer.hours ? toileHours(offer.hours) : null,
    updatedOn: offer.updatedOn,
    links: { self: `${origin}/api/v1/offers/${offer.id}`, html: `${origin}/t/${snapshot.territory.slug}/offres/${offer.id}` },
  };
}


/** Lists in the order of the page's ids. */
export function inOrder<T extends { id: string }>(ids: string[], items: T[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

// ─── HSDS, nested: lib/open-data/hsds/nested.ts (the standard's compiled organization and service) ───

export { hsdsOrganization, hsdsService } from "../hsds/nested";

export const diStructures = (exported: DiExport, ids: string[]) => inOrder(ids, exported.structures);
/**
 * The data·inclusion services of these offers, in their order: an offer held at several places is
 * one service per place (`<offer id>:<place id>` after the first, see ../datainclusion/export.ts),
 * so a page of n offers may hold more than n services, and none is left out.
 */
export function diServices(exported: DiExport, offerIds: string[]) {
  const byOffer = new Map<string, DiExport["services"]>();
  for (const service of exported.services) {
    const offerId = service.id.split(":")[0]!;
    byOffer.set(offerId, [...(byOffer.get(offerId) ?? []), service]);
  }
  return offerIds.flatMap((id) => byOffer.get(id) ?? []);
}

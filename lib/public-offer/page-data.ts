/**
 * What the public offer and programme pages read (app/t/[territory]/…), with the one client bound:
 * app/ never imports `db`. An offer and a programme only change with the territory's published
 * data: each is kept until the territory's `searchVersion` moves (lib/public-search/by-version.ts),
 * so a page costs one indexed read of the territory's row, not the offer's dozen joins.
 */
import { db } from "@/lib/db";
import { ByVersion } from "@/lib/public-search/by-version";
import { findPublicTerritory } from "@/lib/public-search/queries";
import { getPlaceProgramme, getPublicOffer, getStructureProgramme, offerPageState, type PublicOffer } from "./queries";

const offers = new ByVersion<PublicOffer | null>(2_000);
const placeProgrammes = new ByVersion<Awaited<ReturnType<typeof getPlaceProgramme>>>(1_000);
const structureProgrammes = new ByVersion<Awaited<ReturnType<typeof getStructureProgramme>>>(1_000);

/** `read(territory)` at the territory's current version; null for an unknown territory. */
async function atVersion<V>(slug: string, cache: ByVersion<V>, id: string, read: (slug: string) => Promise<V>): Promise<V | null> {
  const territory = await findPublicTerritory(db, slug);
  if (!territory) return null;
  return cache.get(`${territory.id}/${id}`, territory.searchVersion, () => read(territory.slug));
}

export const loadPublicOffer = (slug: string, offerId: string) => atVersion(slug, offers, offerId, (territory) => getPublicOffer(db, territory, offerId));
export const loadPlaceProgramme = (slug: string, placeId: string) => atVersion(slug, placeProgrammes, placeId, (territory) => getPlaceProgramme(db, territory, placeId));
export const loadStructureProgramme = (slug: string, structureId: string) =>
  atVersion(slug, structureProgrammes, structureId, (territory) => getStructureProgramme(db, territory, structureId));

/**
 * An offer's page, in one statement when the offer is kept: the offer, and whether it has an
 * agenda, permanences at partners' places and workshop sessions before `until` (then the page
 * reads them).
 */
export async function loadOfferPage(slug: string, offerId: string, now: Date, until: Date) {
  const state = await offerPageState(db, slug, offerId, now, until);
  if (!state) return null;
  const found = await offers.get(`${state.id}/${offerId}`, state.searchVersion, () => getPublicOffer(db, state.slug, offerId));
  return found && { found, version: state.searchVersion, hasAgenda: state.agenda, hasPermanences: state.permanences, hasSessions: state.sessions };
}

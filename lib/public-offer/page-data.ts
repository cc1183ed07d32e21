/**
 * What the public offer and programme pages read (app/t/[territory]/…), with the one client bound:
 * app/ never imports `db`. An offer and a programme only change with the territory's published
 * data: each is kept until the territory's `searchVersion` moves (lib/public-search/by-version.ts),
 * so a page costs one indexed read of the territory's row, not the offer's dozen joins.
 */
import { db } from "@/lib/db";
import { ByVersion } from "@/lib/public-search/by-version";
import { findPublicTerritory } from "@/lib/public-search/queries";
import { getPlaceProgramme, getPublicOffer, getStructureProgramme, offerPageState, programmePageState, type PublicOffer } from "./queries";

const offers = new ByVersion<PublicOffer | null>(2_000);
const placeProgrammes = new ByVersion<Awaited<ReturnType<typeof getPlaceProgramme>>>(1_000);
const structureProgrammes = new ByVersion<Awaited<ReturnType<typeof getStructureProgramme>>>(1_000);

export const loadPublicOffer = async (slug: string, offerId: string) => {
  const territory = await findPublicTerritory(db, slug);
  if (!territory) return null;
  return offers.get(`${territory.id}/${offerId}`, territory.searchVersion, () => getPublicOffer(db, territory.slug, offerId));
};

/**
 * A programme's page, in one statement when the programme is kept: the programme, and whether the
 * place or structure holds workshop sessions (then the page reads the week's).
 */
async function programmePage<P>(slug: string, scope: { placeId: string } | { structureId: string }, now: Date, kept: ByVersion<P>, read: (territorySlug: string) => Promise<P>) {
  const state = await programmePageState(db, slug, scope, now);
  if (!state) return null;
  const found = await kept.get(`${state.id}/${"placeId" in scope ? scope.placeId : scope.structureId}`, state.searchVersion, () => read(state.slug));
  return found && { found, version: state.searchVersion, hasSessions: state.sessions };
}

export const loadPlaceProgrammePage = (slug: string, placeId: string, now: Date) =>
  programmePage(slug, { placeId }, now, placeProgrammes, (territorySlug) => getPlaceProgramme(db, territorySlug, placeId));
export const loadStructureProgrammePage = (slug: string, structureId: string, now: Date) =>
  programmePage(slug, { structureId }, now, structureProgrammes, (territorySlug) => getStructureProgramme(db, territorySlug, structureId));

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

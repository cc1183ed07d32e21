/**
 * What the campaign pages read, with the one client bound (app/ never imports `db`):
 * the coordinator's pages (/territoires/<slug>/campagnes…: the territory's coordinators; null
 * answers 404) and the review pages opened by a signed link (/mise-a-jour/<token>…).
 */
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { loadHours } from "@/lib/hours/editing";
import { isUuid } from "@/lib/ids";
import { findManagedTerritory } from "@/lib/memberships/queries";
import { loadOffer } from "@/lib/offers/editing";
import { loadPlace } from "@/lib/places/editing";
import { getStructureFormOptions } from "@/lib/structures/queries";
import { loadStructureIdentity } from "@/lib/structures/update";
import { getOfferFormOptions } from "@/lib/offers/form-options";
import { isStale } from "@/lib/offers/rules";
import { openCampaignLink } from "./access";
import { scopeCandidates } from "./launch";
import { campaignProgress, listCampaigns } from "./progress";
import { answersOf, reviewItems } from "./review";

export async function loadCampaignsPage(actor: Actor, slug: string, now = new Date()) {
  const territory = await findManagedTerritory(db, actor, slug);
  if (!territory) return null;
  const full = await db.territory.findUniqueOrThrow({ where: { id: territory.id }, select: { staleAfterMonths: true, timeZone: true } });
  const [campaigns, candidates] = await Promise.all([listCampaigns(db, territory.id, now), scopeCandidates(db, territory.id)]);
  const structures = candidates.map((candidate) => ({
    id: candidate.id,
    name: candidate.name,
    stale: isStale(candidate.lastVerifiedAt, full.staleAfterMonths, now) || candidate.offers.some((offer) => isStale(offer.lastVerifiedAt, full.staleAfterMonths, now)),
  }));
  return { territory: { id: territory.id, name: territory.name, slug: territory.slug, timeZone: full.timeZone }, campaigns, structures };
}

export async function loadCampaignPage(actor: Actor, slug: string, campaignId: string, now = new Date()) {
  const territory = isUuid(campaignId) ? await findManagedTerritory(db, actor, slug) : null;
  if (!territory) return null;
  const progress = await campaignProgress(db, territory.id, campaignId, now);
  if (!progress) return null;
  const { timeZone } = await db.territory.findUniqueOrThrow({ where: { id: territory.id }, select: { timeZone: true } });
  return { territory: { id: territory.id, name: territory.name, slug: territory.slug, timeZone }, ...progress };
}

/** The review page: the link's structure, its items with their answers and hours, or why the link cannot open. */
export async function loadReviewPage(token: string, ip: string) {
  const access = await openCampaignLink(db, token, { ip });
  if (!access.ok) return { usable: false, access } as const;
  const { target } = access;
  const [items, answers] = await Promise.all([reviewItems(db, target.structureId), answersOf(db, target.id)]);
  const places = await Promise.all(
    items.places.map(async (place) => ({ ...place, hours: (await loadHours(db, target.structureId, { kind: "place", placeId: place.id }))!.description })),
  );
  return { usable: true, target, items: { ...items, places }, answers } as const;
}

/** An offer of the link's structure in the matrix's own form; null answers 404. */
export async function loadReviewOfferPage(token: string, ip: string, offerId: string) {
  const access = await openCampaignLink(db, token, { ip });
  if (!access.ok) return { usable: false, access } as const;
  const loaded = isUuid(offerId) ? await loadOffer(db, access.target.structureId, offerId) : null;
  if (!loaded || loaded.status === "archived") return null;
  const structure = await db.structure.findUniqueOrThrow({ where: { id: access.target.structureId }, select: { territoryId: true } });
  return { usable: true, target: access.target, loaded, options: await getOfferFormOptions(db, access.target.structureId, structure.territoryId) } as const;
}

/** A place's hours, or an offer's own, of the link's structure, in the hours editor; null answers 404. */
export async function loadReviewHoursPage(token: string, ip: string, owner: { kind: "place"; placeId: string } | { kind: "offer"; offerId: string }) {
  const access = await openCampaignLink(db, token, { ip });
  if (!access.ok) return { usable: false, access } as const;
  const id = owner.kind === "place" ? owner.placeId : owner.offerId;
  const loaded = isUuid(id) ? await loadHours(db, access.target.structureId, owner) : null;
  if (!loaded) return null;
  return { usable: true, target: access.target, loaded } as const;
}

/** A place of the link's structure in the matrix's own form; null answers 404. */
export async function loadReviewPlacePage(token: string, ip: string, placeId: string) {
  const access = await openCampaignLink(db, token, { ip });
  if (!access.ok) return { usable: false, access } as const;
  const loaded = isUuid(placeId) ? await loadPlace(db, access.target.structureId, placeId) : null;
  if (!loaded) return null;
  return { usable: true, target: access.target, loaded } as const;
}

/** The structure's card of the link in the matrix's own identity form. */
export async function loadReviewCardPage(token: string, ip: string) {
  const access = await openCampaignLink(db, token, { ip });
  if (!access.ok) return { usable: false, access } as const;
  const [{ values, version }, options] = await Promise.all([loadStructureIdentity(db, access.target.structureId), getStructureFormOptions(db)]);
  return { usable: true, target: access.target, values, version, options } as const;
}

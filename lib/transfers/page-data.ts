/**
 * What the transfer pages read (app/transferts/…, app/fiche, app/territoires/[slug]/transferts…),
 * with the one client bound: app/ never imports `db`. Each loader is scoped to the actor; null
 * answers 404.
 */
import { can, type Actor } from "@/lib/auth/policy";
import { db, withDb } from "@/lib/db";
import { findTransferByCode } from "@/lib/transfers/code-lookup";
import { loadCreatePage } from "@/lib/transfers/create-form";
import { ficheForParty } from "@/lib/transfers/fiche";
import { listInbox } from "@/lib/transfers/inbox";
import { findPublicFiche } from "@/lib/transfers/public-lookup";
import { findTransferSettings } from "@/lib/transfers/settings";
import { listTerritoryTransfers, type TerritoryTransferFilters } from "@/lib/transfers/territory-transfers";
import { getTransferForActor, publishedOffersOf, suggestablePartners } from "@/lib/transfers/transfer-view";

export const loadInbox = withDb(listInbox);
export const loadTransferByCode = withDb(findTransferByCode);

/** The territories the actor coordinates, by name, for the inbox's territory links. */
export const loadCoordinatedTerritories = (actor: Pick<Actor, "coordinatedTerritoryIds">) =>
  actor.coordinatedTerritoryIds.length
    ? db.territory.findMany({ where: { id: { in: actor.coordinatedTerritoryIds } }, select: { slug: true, name: true }, orderBy: { name: "asc" } })
    : Promise.resolve([]);

/** A territory's transfers, for those who manage the territory (its coordinators, the administrators). */
export async function loadTerritoryTransfersPage(actor: Actor, slug: string, filters: TerritoryTransferFilters) {
  const territory = await db.territory.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, timeZone: true } });
  if (!territory || !can(actor, "territory.manage", { territoryId: territory.id })) return null;
  const view = await listTerritoryTransfers(db, actor, territory.id, filters);
  return view ? { territory, view } : null;
}

export const loadTransferSettings = withDb(findTransferSettings);
export const loadTransfer = withDb(getTransferForActor);
export const loadSuggestablePartners = withDb(suggestablePartners);
export const loadPublishedOffersOf = withDb(publishedOffersOf);
export const loadFicheForParty = withDb(ficheForParty);
export const loadPublicFiche = withDb(findPublicFiche);
export const loadTransferCreatePage = withDb(loadCreatePage);

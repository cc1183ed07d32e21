/**
 * The public API's route handlers, as plain functions of a Request (the files in app/api/v1 only
 * call them): parameters checked (400 problem), one scoped read, the answer in the asked format
 * with CORS and cache headers. Published data only.
 */
import { isUuid } from "@/lib/ids";
import type { PrismaClient } from "@/lib/db";
import { toDataInclusion } from "../datainclusion/export";
import { DOWNLOADS, isDownloadFile, territoryDownload, territoryExport, territoryToday } from "../downloads";
import { toHsds } from "../hsds/export";
import { loadTerritorySnapshot, type SnapshotScope } from "../snapshot";
import { cachedResponse, jsonResponse, notFound, problemResponse } from "./http";
import { OPENAPI } from "./openapi";
import { encodeCursor, itemParams, noParams, offersParams, parseParams, structuresParams, territoryParams, type ParameterError } from "./params";
import { findPublishedOffer, findPublishedStructure, findTerritory, listTerritories, offersPage, structuresPage, type ApiTerritory, type Page } from "./queries";
import { diServices, diStructures, hsdsOrganization, hsdsService, inOrder, toileOffer, toileStructure, toileTerritory } from "./shapes";

const badRequest = (errors: ParameterError[]) =>
  problemResponse({ status: 400, title: "Paramètres invalides", detail: errors.map((error) => `${error.parameter} : ${error.message}`).join(" ; "), errors });

const originOf = (request: Request) => new URL(request.url).origin;

export async function getApiRoot(request: Request): Promise<Response> {
  const origin = originOf(request);
  return jsonResponse(request, {
    name: "Toile — API publique de l'offre de médiation numérique",
    version: OPENAPI.info.version,
    openapi_url: `${origin}/api/v1/openapi.json`,
    documentation: `${origin}/api`,
    territories: `${origin}/api/v1/territories`,
  });
}

export function getOpenApi(request: Request): Response {
  return jsonResponse(request, OPENAPI);
}

export async function getTerritories(db: PrismaClient, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const parsed = parseParams(noParams, url);
  if (!parsed.ok) return badRequest(parsed.errors);
  const territories = await listTerritories(db);
  return jsonResponse(request, { items: territories.map((territory) => toileTerritory(territory, url.origin)) });
}

export async function getTerritory(db: PrismaClient, request: Request, slug: string, now = new Date()): Promise<Response> {
  const url = new URL(request.url);
  const parsed = parseParams(territoryParams, url);
  if (!parsed.ok) return badRequest(parsed.errors);
  const territory = await findTerritory(db, slug);
  if (!territory) return notFound("Territoire inconnu.");
  if (parsed.value.format === "toile") return jsonResponse(request, toileTerritory(territory, url.origin));
  return jsonResponse(request, await territoryExport(db, territory, parsed.value.format, now, url.origin));
}

/** The URL of the next page: the same query with the cursor after the last id. */
function nextLink(url: URL, page: Page): string | null {
  if (!page.after) return null;
  const next = new URL(url);
  next.searchParams.set("cursor", encodeCursor(page.after));
  return next.toString();
}

type ListFormat = "toile" | "data-inclusion" | "hsds";

async function pageAnswer(
  db: PrismaClient,
  request: Request,
  territory: ApiTerritory,
  page: Page,
  format: ListFormat,
  limit: number,
  kind: "structures" | "offers",
  now: Date,
): Promise<Response> {
  const url = new URL(request.url);
  const scope: SnapshotScope = kind === "structures" ? { structureIds: page.ids } : { offerIds: page.ids };
  const snapshot = page.ids.length > 0 ? await loadTerritorySnapshot(db, territory.id, now, scope) : null;
  const today = territoryToday(territory, now);
  let items: unknown[] = [];
  if (snapshot && format === "toile") {
    items =
      kind === "structures"
        ? inOrder(page.ids, snapshot.structures).map((structure) => toileStructure(structure, snapshot, url.origin))
        : inOrder(page.ids, snapshot.offers).map((offer) => toileOffer(offer, snapshot, url.origin));
  } else if (snapshot && format === "data-inclusion") {
    const exported = toDataInclusion(snapshot, { today, baseUrl: url.origin });
    items = kind === "structures" ? diStructures(exported, page.ids) : diServices(exported, page.ids);
  } else if (snapshot) {
    const dataset = toHsds(snapshot, { today, baseUrl: url.origin });
    items = page.ids.flatMap((id) => (kind === "structures" ? hsdsOrganization(dataset, id) : hsdsService(dataset, id)) ?? []);
  }
  const next = nextLink(url, page);
  return jsonResponse(request, { format, limit, count: items.length, items, next }, next ? { link: `<${next}>; rel="next"` } : undefined);
}

export async function getStructures(db: PrismaClient, request: Request, slug: string, now = new Date()): Promise<Response> {
  const parsed = parseParams(structuresParams, new URL(request.url));
  if (!parsed.ok) return badRequest(parsed.errors);
  const territory = await findTerritory(db, slug);
  if (!territory) return notFound("Territoire inconnu.");
  const page = await structuresPage(db, territory.id, parsed.value);
  return pageAnswer(db, request, territory, page, parsed.value.format, parsed.value.limit, "structures", now);
}

export async function getOffers(db: PrismaClient, request: Request, slug: string, now = new Date()): Promise<Response> {
  const parsed = parseParams(offersParams, new URL(request.url));
  if (!parsed.ok) return badRequest(parsed.errors);
  const territory = await findTerritory(db, slug);
  if (!territory) return notFound("Territoire inconnu.");
  const page = await offersPage(db, territory.id, parsed.value);
  return pageAnswer(db, request, territory, page, parsed.value.format, parsed.value.limit, "offers", now);
}

async function itemAnswer(db: PrismaClient, request: Request, id: string, kind: "structure" | "offer", now: Date): Promise<Response> {
  const url = new URL(request.url);
  const parsed = parseParams(itemParams, url);
  if (!parsed.ok) return badRequest(parsed.errors);
  const label = kind === "structure" ? "Structure" : "Offre";
  const found = isUuid(id) ? await (kind === "structure" ? findPublishedStructure(db, id.toLowerCase()) : findPublishedOffer(db, id.toLowerCase())) : null;
  if (!found) return notFound(`${label} inconnue ou non publiée.`);
  const snapshot = await loadTerritorySnapshot(db, found.territory.id, now, kind === "structure" ? { structureIds: [found.id] } : { offerIds: [found.id] });
  const today = territoryToday(found.territory, now);
  const format = parsed.value.format;
  let item: unknown;
  if (format === "toile") {
    item = kind === "structure" ? toileStructure(snapshot.structures[0]!, snapshot, url.origin) : toileOffer(snapshot.offers[0]!, snapshot, url.origin);
  } else if (format === "data-inclusion") {
    const exported = toDataInclusion(snapshot, { today, baseUrl: url.origin });
    item = (kind === "structure" ? diStructures(exported, [found.id]) : diServices(exported, [found.id]))[0];
    if (!item) return notFound(`${label} absente du format data·inclusion (structure belge ou données incomplètes) : utilisez format=hsds ou format=toile.`);
  } else {
    const dataset = toHsds(snapshot, { today, baseUrl: url.origin });
    item = kind === "structure" ? hsdsOrganization(dataset, found.id) : hsdsService(dataset, found.id);
  }
  return jsonResponse(request, item);
}

export const getStructure = (db: PrismaClient, request: Request, id: string, now = new Date()) => itemAnswer(db, request, id, "structure", now);
export const getOffer = (db: PrismaClient, request: Request, id: string, now = new Date()) => itemAnswer(db, request, id, "offer", now);

/** A file of the « Données ouvertes » page. Unknown territory or file: 404. */
export async function getDownload(db: PrismaClient, request: Request, slug: string, file: string, now = new Date()): Promise<Response> {
  if (!isDownloadFile(file)) return notFound(`Format inconnu. Formats : ${DOWNLOADS.map((download) => download.file).join(", ")}.`);
  const territory = await findTerritory(db, slug);
  if (!territory) return notFound("Territoire inconnu.");
  const download = await territoryDownload(db, territory, file, now, originOf(request));
  return cachedResponse(request, download);
}

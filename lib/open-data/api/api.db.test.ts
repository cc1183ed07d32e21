import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { readCsv } from "../import/csv";
import { diServiceSchema, diStructureSchema } from "../datainclusion/schema";
import { hsdsErrors } from "../testing/hsds-schemas";
import { DOWNLOADS } from "../downloads";
import { getApiRoot, getDownload, getOffer, getOffers, getOpenApi, getStructure, getStructures, getTerritories, getTerritory } from "./handlers";
import { preflightResponse } from "./http";
import { OPENAPI, offerSchema, structureSchema, territoryListSchema } from "./openapi";
import { encodeCursor } from "./params";
import { conformance } from "@/tests/support/openapi-conformance";

// A Sunday, as the demo's other tests.
const now = new Date("2026-11-22T10:00:00Z");
const ORIGIN = "http://toile.test";
const SLUG = "val-de-lise";
let territoryId: string;
let publishedOfferIds: string[];
let draftOfferId: string;
let belgian: { structureId: string; offerId: string };

const request = (path: string, init?: RequestInit) => new Request(`${ORIGIN}${path}`, init);
const json = async (response: Response) => (await response.json()) as Record<string, unknown> & { items: Record<string, unknown>[]; next: string | null };
const ids = (body: { items: Record<string, unknown>[] }) => body.items.map((item) => item.id as string);

async function allOffers(query: string): Promise<string[]> {
  const seen: string[] = [];
  let url: string | null = `${ORIGIN}/api/v1/territories/${SLUG}/offers?${query}`;
  while (url) {
    const body = await json(await getOffers(db, new Request(url), SLUG, now));
    seen.push(...ids(body));
    url = body.next;
  }
  return seen;
}

beforeAll(async () => {
  ({ territoryId } = await seedDemoTerritory(db, now));
  // A Belgian partner in the territory: exported in HSDS only.
  const structure = await db.structure.create({
    data: {
      territoryId,
      name: "EPN de Namur",
      description: "Espace public numérique de la ville de Namur.",
      phone: "+32 81 24 60 00",
      status: "published",
      identifiers: { create: [{ type: "BCE", value: "0207356434" }] },
      places: { create: [{ name: "EPN de Namur", address: "Rue de Fer 42", postalCode: "5000", communeCode: "5000", communeName: "Namur", country: "BE" }] },
    },
    include: { places: true },
  });
  const offer = await db.offer.create({
    data: {
      structureId: structure.id,
      territoryId,
      title: "Initiation à l'ordinateur à Namur",
      description: "Apprendre les bases de l'ordinateur, en groupe.",
      status: "published",
      places: { create: [{ placeId: structure.places[0]!.id }] },
    },
  });
  belgian = { structureId: structure.id, offerId: offer.id };
  const offers = await db.offer.findMany({ where: { structure: { territoryId } }, select: { id: true, status: true, title: true } });
  publishedOfferIds = offers.filter((candidate) => candidate.status === "published").map((candidate) => candidate.id).sort();
  draftOfferId = offers.find((candidate) => candidate.title === "Formation à la modélisation 3D")!.id;
});

describe("GET /api/v1/territories", () => {
  it("lists the territories in Toile's shape, with CORS and cache headers", async () => {
    const response = await getTerritories(db, request("/api/v1/territories"));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300, s-maxage=300, stale-while-revalidate=600");
    expect(response.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    const body = territoryListSchema.parse(await response.json());
    expect(body.items.map((territory) => territory.slug)).toContain(SLUG);
    expect(body.items.find((territory) => territory.slug === SLUG)!.links.offers).toBe(`${ORIGIN}/api/v1/territories/${SLUG}/offers`);
  });

  it("answers 304 to a client that has the same ETag, and HEAD without a body", async () => {
    const first = await getTerritories(db, request("/api/v1/territories"));
    const etag = first.headers.get("etag")!;
    const again = await getTerritories(db, request("/api/v1/territories", { headers: { "if-none-match": `W/${etag}` } }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    const stale = await getTerritories(db, request("/api/v1/territories", { headers: { "if-none-match": '"autre"' } }));
    expect(stale.status).toBe(200);
    const head = await getTerritories(db, request("/api/v1/territories", { method: "HEAD" }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("etag")).toBe(etag);
  });

  it("answers the CORS preflight", () => {
    const response = preflightResponse();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
  });
});

describe("GET /api/v1/territories/{slug}", () => {
  it("gives the territory, or its whole data in a standard", async () => {
    expect((await json(await getTerritory(db, request(`/api/v1/territories/${SLUG}`), SLUG, now))).slug).toBe(SLUG);
    const lmn = (await (await getTerritory(db, request(`/api/v1/territories/${SLUG}?format=lmn`), SLUG, now)).json()) as { nom: string }[];
    expect(lmn.length).toBeGreaterThan(0);
    expect(lmn.map((row) => row.nom)).not.toContain("EPN de Namur");
    const hsds = (await (await getTerritory(db, request(`/api/v1/territories/${SLUG}?format=hsds`), SLUG, now)).json()) as { id: string }[];
    expect(hsdsErrors("organizations", hsds)).toEqual([]);
    expect(hsds.map((organization) => organization.id)).toContain(belgian.structureId);
    const di = (await (await getTerritory(db, request(`/api/v1/territories/${SLUG}?format=data-inclusion`), SLUG, now)).json()) as { structures: { id: string }[]; services: { id: string }[] };
    expect(di.structures.map((structure) => structure.id)).not.toContain(belgian.structureId);
    expect(di.services.map((service) => service.id)).not.toContain(belgian.offerId);
  });

  it("answers 404 for an unknown territory and 400 for an unknown format", async () => {
    const missing = await getTerritory(db, request("/api/v1/territories/nulle-part"), "nulle-part", now);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    const bad = await getTerritory(db, request(`/api/v1/territories/${SLUG}?format=xml`), SLUG, now);
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors).toEqual([expect.objectContaining({ parameter: "format" })]);
  });
});

describe("GET /api/v1/territories/{slug}/offers", () => {
  it("pages through every published offer once, drafts never, with next links to the last page", async () => {
    const first = await json(await getOffers(db, request(`/api/v1/territories/${SLUG}/offers?limit=3`), SLUG, now));
    expect(first.items).toHaveLength(3);
    expect(first.next).toMatch(new RegExp(`^${ORIGIN}/api/v1/territories/${SLUG}/offers\\?limit=3&cursor=`));
    const seen = await allOffers("limit=3");
    expect(seen).toEqual([...publishedOfferIds]);
    expect(seen).not.toContain(draftOfferId);
    expect(await allOffers("")).toEqual(publishedOfferIds);
    const last = await json(await getOffers(db, request(`/api/v1/territories/${SLUG}/offers?limit=200`), SLUG, now));
    expect(last.next).toBeNull();
    expect(last.limit).toBe(200);
    const past = await json(await getOffers(db, request(`/api/v1/territories/${SLUG}/offers?cursor=${encodeCursor(publishedOfferIds.at(-1)!)}`), SLUG, now));
    expect(past).toMatchObject({ items: [], next: null, count: 0 });
  });

  it("gives offers in Toile's documented shape", async () => {
    const body = await json(await getOffers(db, request(`/api/v1/territories/${SLUG}/offers?limit=200`), SLUG, now));
    for (const item of body.items) offerSchema.parse(item);
    const franceServices = body.items.find((item) => item.title === "Aide aux démarches administratives en ligne")!;
    expect(franceServices).toMatchObject({ acceptsTransfers: true, places: [expect.objectContaining({ communeCode: "02168", ownHours: false })] });
  });

  it("filters by need: a need of the residents' search, or a vocabulary code", async () => {
    const bySlug = await allOffers("need=demarches-administratives");
    expect(bySlug.length).toBeGreaterThan(0);
    expect(bySlug.length).toBeLessThan(publishedOfferIds.length);
    const byLmn = await allOffers(`need=${encodeURIComponent("Aide aux démarches administratives")}`);
    const byDi = await allOffers("need=difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives");
    expect(byLmn.length).toBeGreaterThan(0);
    // The LMN service stands for two thématiques (crosswalks): the thématique alone finds fewer offers.
    expect(byDi.length).toBeGreaterThan(0);
    expect(byLmn).toEqual(expect.arrayContaining(byDi));
    for (const found of [byDi, byLmn]) {
      const titles = await db.offer.findMany({ where: { id: { in: found } }, select: { title: true } });
      expect(titles.map((offer) => offer.title)).toContain("Aide aux démarches administratives en ligne");
    }
  });

  it("filters by commune, by INSEE code or postal code", async () => {
    const byInsee = await allOffers("commune=02163");
    const expected = await db.offer.findMany({ where: { status: "published", structure: { status: "published", territoryId }, places: { some: { place: { communeCode: "02163" } } } }, select: { id: true } });
    expect(byInsee.sort()).toEqual(expected.map((offer) => offer.id).sort());
    expect(byInsee.length).toBeGreaterThan(0);
    expect(await allOffers("commune=5000")).toEqual([belgian.offerId]);
    expect((await allOffers("commune=02400")).length).toBeGreaterThanOrEqual((await allOffers("commune=02168")).length);
    expect(await allOffers("commune=75056")).toEqual([]);
  });

  it("filters by updated_since: edited or verified since", async () => {
    // The seed's dates are the real clock's: "later" is a 1st of January after all of them, whatever the date.
    const newest = await db.offer.aggregate({ where: { territoryId }, _max: { updatedAt: true } });
    const year = newest._max.updatedAt!.getUTCFullYear() + 2;
    const later = new Date(`${year}-01-01T00:00:00Z`);
    await db.offer.update({ where: { id: belgian.offerId }, data: { lastVerifiedAt: later } });
    expect(await allOffers(`updated_since=${year - 1}-12-31T00:00:00Z`)).toEqual([belgian.offerId]);
    expect(await allOffers(`updated_since=${year - 1}-12-31`)).toEqual([belgian.offerId]);
    expect(await allOffers(`updated_since=${year}-01-02T00:00:00%2B01:00`)).toEqual([]);
    expect((await allOffers("updated_since=2000-01-01")).length).toBe(publishedOfferIds.length);
  });

  it("answers 400 with the parameter and why, never 500", async () => {
    const cases: [string, string][] = [
      ["limit=-1", "limit"],
      ["limit=0", "limit"],
      ["limit=10000", "limit"],
      ["limit=dix", "limit"],
      ["updated_since=hier", "updated_since"],
      ["updated_since=2026-13-45", "updated_since"],
      ["cursor=nimportequoi", "cursor"],
      [`cursor=${Buffer.from('{"after":"1 OR 1=1"}').toString("base64url")}`, "cursor"],
      ["format=xml", "format"],
      ["format=lmn", "format"],
      ["need=voler-la-lune", "need"],
      ["commune=Paris", "commune"],
    ];
    for (const [query, parameter] of cases) {
      const response = await getOffers(db, request(`/api/v1/territories/${SLUG}/offers?${query}`), SLUG, now);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const body = await json(response);
      expect(body, query).toMatchObject({ status: 400, title: "Paramètres invalides", errors: [expect.objectContaining({ parameter })] });
    }
    const structures = await getStructures(db, request(`/api/v1/territories/${SLUG}/structures?limit=10000`), SLUG, now);
    expect(structures.status).toBe(400);
    expect((await getOffers(db, request("/api/v1/territories/nulle-part/offers"), "nulle-part", now)).status).toBe(404);
  });

  it("gives data·inclusion services and HSDS services, Belgian ones only in HSDS", async () => {
    const di = await json(await getOffers(db, request(`/api/v1/territories/${SLUG}/offers?limit=200&format=data-inclusion`), SLUG, now));
    expect(ids(di)).not.toContain(belgian.offerId);
    // Every French offer, each place of an itinerant one as its own service `<offer id>:<place id>`.
    const offerIdsOf = (serviceIds: string[]) => [...new Set(serviceIds.map((id) => id.split(":")[0]!))].sort();
    expect(offerIdsOf(ids(di))).toEqual(publishedOfferIds.filter((id) => id !== belgian.offerId).sort());
    const file = (await json(await getTerritory(db, request(`/api/v1/territories/${SLUG}?format=data-inclusion`), SLUG, now))) as unknown as { services: { id: string }[] };
    expect(ids(di).sort()).toEqual(file.services.map((service) => service.id).sort());
    expect(di.items.length).toBeGreaterThan(publishedOfferIds.length - 1);
    for (const item of di.items) expect(diServiceSchema("2026-11-22").safeParse(item).error?.issues ?? []).toEqual([]);
    const hsds = await json(await getOffers(db, request(`/api/v1/territories/${SLUG}/offers?limit=200&format=hsds`), SLUG, now));
    expect(ids(hsds)).toContain(belgian.offerId);
    const namur = hsds.items.find((item) => item.id === belgian.offerId)!;
    expect(namur).toMatchObject({ status: "active", organization: expect.objectContaining({ name: "EPN de Namur" }) });
    expect(namur.service_at_locations).toEqual([expect.objectContaining({ location: expect.objectContaining({ addresses: [expect.objectContaining({ country: "BE", state_province: "Namur" })] }) })]);
  });
});

describe("GET /api/v1/territories/{slug}/structures", () => {
  it("pages through the published structures, with their places", async () => {
    const published = await db.structure.findMany({ where: { territoryId, status: "published" }, select: { id: true }, orderBy: { id: "asc" } });
    const first = await json(await getStructures(db, request(`/api/v1/territories/${SLUG}/structures?limit=2`), SLUG, now));
    expect(ids(first)).toEqual(published.slice(0, 2).map((structure) => structure.id));
    for (const item of first.items) structureSchema.parse(item);
    const second = await json(await getStructures(db, new Request(first.next!), SLUG, now));
    expect(ids(second)).toEqual(published.slice(2, 4).map((structure) => structure.id));
    const byCommune = await json(await getStructures(db, request(`/api/v1/territories/${SLUG}/structures?commune=5000`), SLUG, now));
    expect(ids(byCommune)).toEqual([belgian.structureId]);
    const di = await json(await getStructures(db, request(`/api/v1/territories/${SLUG}/structures?limit=200&format=data-inclusion`), SLUG, now));
    expect(ids(di)).not.toContain(belgian.structureId);
    for (const item of di.items) expect(diStructureSchema("2026-11-22").safeParse(item).success).toBe(true);
    const hsds = await json(await getStructures(db, request(`/api/v1/territories/${SLUG}/structures?limit=200&format=hsds`), SLUG, now));
    expect(ids(hsds)).toContain(belgian.structureId);
  });

  it("leaves out a structure taken out of publication", async () => {
    const draft = await db.structure.create({ data: { territoryId, name: "Structure en brouillon", status: "draft" } });
    const all = await json(await getStructures(db, request(`/api/v1/territories/${SLUG}/structures?limit=200`), SLUG, now));
    expect(ids(all)).not.toContain(draft.id);
    expect((await getStructure(db, request(`/api/v1/structures/${draft.id}`), draft.id, now)).status).toBe(404);
    await db.structure.delete({ where: { id: draft.id } });
  });
});

describe("GET /api/v1/structures/{id} and /api/v1/offers/{id}", () => {
  it("gives a published structure or offer in each format", async () => {
    const structure = await json(await getStructure(db, request(`/api/v1/structures/${belgian.structureId}`), belgian.structureId, now));
    expect(structureSchema.parse(structure).identifiers).toEqual([{ type: "BCE", value: "0207356434" }]);
    const offerId = publishedOfferIds.find((id) => id !== belgian.offerId)!;
    expect(offerSchema.parse(await json(await getOffer(db, request(`/api/v1/offers/${offerId}`), offerId, now))).id).toBe(offerId);
    const di = await json(await getOffer(db, request(`/api/v1/offers/${offerId}?format=data-inclusion`), offerId, now));
    expect(di).toMatchObject({ source: "toile", id: offerId });
    const hsds = await json(await getOffer(db, request(`/api/v1/offers/${offerId}?format=hsds`), offerId, now));
    expect(hsds).toMatchObject({ id: offerId, status: expect.any(String) });
  });

  it("answers 404 in JSON for unknown, malformed, draft or Belgian-in-data·inclusion ids", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const response of [
      await getOffer(db, request(`/api/v1/offers/${unknown}`), unknown, now),
      await getOffer(db, request("/api/v1/offers/pas-un-uuid"), "pas-un-uuid", now),
      await getOffer(db, request(`/api/v1/offers/${draftOfferId}`), draftOfferId, now),
      await getStructure(db, request(`/api/v1/structures/${unknown}`), unknown, now),
      await getStructure(db, request(`/api/v1/structures/${belgian.structureId}?format=data-inclusion`), belgian.structureId, now),
      await getOffer(db, request(`/api/v1/offers/${belgian.offerId}?format=data-inclusion`), belgian.offerId, now),
    ]) {
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(await response.json()).toMatchObject({ status: 404, title: "Introuvable" });
    }
    expect((await getOffer(db, request(`/api/v1/offers/${belgian.offerId}?format=lmn`), belgian.offerId, now)).status).toBe(400);
  });
});

describe("the « Données ouvertes » files", () => {
  it("serve every format with its content type, file name and cache headers", async () => {
    for (const download of DOWNLOADS) {
      const response = await getDownload(db, request(`/t/${SLUG}/donnees/${download.file}`), SLUG, download.file, now);
      expect(response.status, download.file).toBe(200);
      expect(response.headers.get("content-type")).toBe(download.contentType);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${SLUG}-${download.file}"`);
      expect(response.headers.get("cache-control")).toBe("public, max-age=300, s-maxage=300, stale-while-revalidate=600");
      const etag = response.headers.get("etag")!;
      const again = await getDownload(db, request(`/t/${SLUG}/donnees/${download.file}`, { headers: { "if-none-match": etag } }), SLUG, download.file, now);
      expect(again.status, download.file).toBe(304);
    }
  });

  it("hold published offers only, and Belgian places only in HSDS", async () => {
    const csv = await (await getDownload(db, request(`/t/${SLUG}/donnees/toile.csv`), SLUG, "toile.csv", now)).text();
    const table = readCsv(csv);
    const titles = table.records.map((record) => record.cells[1]);
    expect(titles).toContain("Fabrication numérique : impression 3D, découpe laser");
    expect(titles).not.toContain("Formation à la modélisation 3D");
    // One line per offer × place (the Toile template): each published offer once or more, no other.
    const offerColumn = table.header.indexOf("Identifiant de l'offre");
    expect([...new Set(table.records.map((record) => record.cells[offerColumn]))].sort()).toEqual(publishedOfferIds);
    const lmn = await (await getDownload(db, request(`/t/${SLUG}/donnees/lmn-v1.0.1.csv`), SLUG, "lmn-v1.0.1.csv", now)).text();
    expect(lmn).not.toContain("Namur");
    const hsds = await (await getDownload(db, request(`/t/${SLUG}/donnees/hsds-3.json`), SLUG, "hsds-3.json", now)).text();
    expect(hsds).toContain("Namur");
    expect(hsds).not.toContain("Formation à la modélisation 3D");
  });

  it("answer 404 for an unknown format or territory", async () => {
    expect((await getDownload(db, request(`/t/${SLUG}/donnees/toile.pdf`), SLUG, "toile.pdf", now)).status).toBe(404);
    expect((await getDownload(db, request("/t/nulle-part/donnees/toile.csv"), "nulle-part", "toile.csv", now)).status).toBe(404);
  });
});

// ─── the responses against the OpenAPI document ───────────────────────────────────────────

describe("every response validates against the OpenAPI document", () => {
  it("the root, the document and the territories", async () => {
    const checks: [string, Response][] = [
      ["/api/v1", await getApiRoot(request("/api/v1"))],
      ["/api/v1/openapi.json", getOpenApi(request("/api/v1/openapi.json"))],
      ["/api/v1/territories", await getTerritories(db, request("/api/v1/territories"))],
    ];
    for (const format of ["", "?format=toile", "?format=lmn", "?format=data-inclusion", "?format=hsds", "?format=xml"]) {
      checks.push(["/api/v1/territories/{slug}", await getTerritory(db, request(`/api/v1/territories/${SLUG}${format}`), SLUG, now)]);
    }
    checks.push(["/api/v1/territories/{slug}", await getTerritory(db, request("/api/v1/territories/nulle-part"), "nulle-part", now)]);
    for (const [template, response] of checks) expect(await conformance(template, "get", response), template).toEqual([]);
    expect(checks.map(([, response]) => response.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 400, 404]);
  });

  it("the pages of structures and offers, in every format, and their errors", async () => {
    for (const kind of ["structures", "offers"] as const) {
      const template = `/api/v1/territories/{slug}/${kind}`;
      const get = (query: string, slug = SLUG) => (kind === "offers" ? getOffers : getStructures)(db, request(`/api/v1/territories/${slug}/${kind}?${query}`), slug, now);
      for (const format of ["toile", "data-inclusion", "hsds"]) {
        for (const query of [`format=${format}&limit=200`, `format=${format}&limit=1`]) {
          const response = await get(query);
          expect(response.status, query).toBe(200);
          expect(await conformance(template, "get", response), `${kind}?${query}`).toEqual([]);
        }
      }
      for (const [query, status] of [["limit=0", 400], ["format=lmn", 400], ["cursor=nimportequoi", 400], ["updated_since=hier", 400]] as const) {
        const response = await get(query);
        expect(response.status, query).toBe(status);
        expect(await conformance(template, "get", response), query).toEqual([]);
      }
      const unknown = await get("", "nulle-part");
      expect(unknown.status).toBe(404);
      expect(await conformance(template, "get", unknown)).toEqual([]);
    }
    const needless = await getOffers(db, request(`/api/v1/territories/${SLUG}/offers?need=voler-la-lune`), SLUG, now);
    expect(await conformance("/api/v1/territories/{slug}/offers", "get", needless)).toEqual([]);
  });

  it("a structure and an offer, French and Belgian, in every format, and their errors", async () => {
    const frenchStructure = (await db.structure.findFirstOrThrow({ where: { territoryId, status: "published", identifiers: { none: { type: "BCE" } } } })).id;
    const frenchOffer = publishedOfferIds.find((id) => id !== belgian.offerId)!;
    const unknown = "00000000-0000-4000-8000-000000000000";
    const statuses: number[] = [];
    for (const [kind, ids] of [["structures", [frenchStructure, belgian.structureId, unknown, "pas-un-uuid"]], ["offers", [frenchOffer, belgian.offerId, unknown, draftOfferId]]] as const) {
      const template = `/api/v1/${kind}/{id}`;
      for (const id of ids) {
        for (const format of ["toile", "data-inclusion", "hsds", "xml"]) {
          const response = await (kind === "structures" ? getStructure : getOffer)(db, request(`/api/v1/${kind}/${id}?format=${format}`), id, now);
          statuses.push(response.status);
          expect(await conformance(template, "get", response), `${kind}/${id}?format=${format}`).toEqual([]);
        }
      }
    }
    // French: 200 in each format; Belgian: 404 in data·inclusion; unknown, malformed, draft: 404; format=xml: 400.
    const each = (...codes: number[]) => codes;
    const item = [...each(200, 200, 200, 400), ...each(200, 404, 200, 400), ...each(404, 404, 404, 400), ...each(404, 404, 404, 400)];
    expect(statuses).toEqual([...item, ...item]);
  });

  it("refuses what the document does not describe (the check itself is not empty)", async () => {
    const structure = (await (await getStructure(db, request(`/api/v1/structures/${belgian.structureId}`), belgian.structureId, now)).json()) as Record<string, unknown>;
    const answer = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json; charset=utf-8" } });
    expect(await conformance("/api/v1/structures/{id}", "get", answer(structure))).toEqual([]);
    expect(await conformance("/api/v1/structures/{id}", "get", answer({ ...structure, name: 42 }))).not.toEqual([]);
    expect(await conformance("/api/v1/structures/{id}", "get", answer({ id: belgian.structureId }))).not.toEqual([]);
    expect(await conformance("/api/v1/structures/{id}", "get", new Response("{}", { status: 418 }))).toEqual(["get /api/v1/structures/{id}: status 418 not in the document"]);
  });

  it("a 304 is declared too, and HEAD answers without a body", async () => {
    const first = await getTerritories(db, request("/api/v1/territories"));
    const again = await getTerritories(db, request("/api/v1/territories", { headers: { "if-none-match": first.headers.get("etag")! } }));
    expect(again.status).toBe(304);
    expect(await conformance("/api/v1/territories", "get", again)).toEqual([]);
    const head = await getTerritories(db, request("/api/v1/territories", { method: "HEAD" }));
    expect(head.status).toBe(200);
    expect(await conformance("/api/v1/territories", "head", head)).toEqual([]);
  });
});

/** The route files of app/api/v1, with their OpenAPI paths ("[slug]" → "{slug}"); the catch-all as null. */
function routeFiles(directory = path.resolve("app/api/v1")): { file: string; template: string | null }[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const template = directory.includes("[...") ? null : `/${path.relative(path.resolve("app"), directory).replace(/\[(\w+)\]/g, "{$1}")}`;
    return [{ file: full, template }];
  });
}

describe("write methods", () => {
  it("answer 405 with Allow and a problem on every route, as the document declares; 404 on an address the API does not have", async () => {
    const routes = routeFiles();
    expect(routes.filter(({ template }) => template).length).toBe(Object.keys(OPENAPI.paths).length);
    for (const { file, template } of routes) {
      const handlers = (await import(pathToFileURL(file).href)) as Record<string, (request: Request) => Response | Promise<Response>>;
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        expect(handlers[method], `${method} ${file}`).toBeTypeOf("function");
        const response = await handlers[method]!(request(template ?? "/api/v1/nulle-part", { method, body: "{}" }));
        expect(response.headers.get("content-type"), file).toBe("application/problem+json; charset=utf-8");
        expect(response.headers.get("access-control-allow-origin")).toBe("*");
        if (!template) {
          expect(response.status).toBe(404);
          continue;
        }
        expect(response.status, `${method} ${template}`).toBe(405);
        expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
        expect(await conformance(template, method.toLowerCase(), response), `${method} ${template}`).toEqual([]);
      }
    }
  });
});

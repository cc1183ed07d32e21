/**
 * The public API's OpenAPI 3.1 document, served at /api/v1/openapi.json. Paths and parameters are
 * written here by hand; the response schemas are zod schemas turned into JSON Schema 2020-12 (the
 * dialect of OpenAPI 3.1), so the examples below, the document and the handlers' real answers are
 * checked against the same definitions (openapi.test.ts, api.db.test.ts).
 */
import { z } from "zod";
import { ALLOWED_METHODS } from "./http";
import { DEFAULT_LIMIT, MAX_LIMIT, NEEDS_DOCUMENTATION, needIdentifiers } from "./params";

const uuid = z.uuid();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^\d{2}:\d{2}$/);

const hoursSchema = z
  .object({
    osm: z.string().describe("OpenStreetMap opening_hours, with the upcoming closures; empty when there are no weekly hours"),
    publicHolidays: z.enum(["closed", "open_as_usual", "unknown"]),
    slots: z.array(z.object({ weekday: z.number().int().min(1).max(7).describe("ISO: 1 = Monday"), opens: time, closes: time, appointmentOnly: z.boolean() })),
    exceptions: z.array(z.object({ startsOn: day, endsOn: day, closed: z.boolean(), opens: time.nullable(), closes: time.nullable(), label: z.string() })),
  })
  .meta({ id: "Hours" });

const termSchema = z.object({ vocabulary: z.string().describe("lmn.services, dataInclusion.v1.publics, toile.modes_acces…"), code: z.string() }).meta({ id: "Term" });

const placeSchema = z
  .object({
    id: uuid,
    structureId: uuid,
    name: z.string(),
    address: z.string(),
    addressComplement: z.string().nullable(),
    postalCode: z.string(),
    communeCode: z.string().describe("INSEE code in France, postal code in Belgium"),
    communeName: z.string(),
    country: z.enum(["FR", "BE"]),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    hours: hoursSchema,
  })
  .meta({ id: "Place" });

const territorySchema = z
  .object({
    id: uuid,
    slug: z.string(),
    name: z.string(),
    country: z.enum(["FR", "BE"]),
    timeZone: z.string(),
    links: z.object({ self: z.url(), structures: z.url(), offers: z.url(), html: z.url(), downloads: z.url() }),
  })
  .meta({ id: "Territory" });

export const structureSchema = z
  .object({
    id: uuid,
    territory: z.string(),
    name: z.string(),
    description: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    identifiers: z.array(z.object({ type: z.enum(["SIRET", "RNA", "BCE"]), value: z.string() })),
    terms: z.array(termSchema).describe("Typology and labels"),
    places: z.array(placeSchema),
    offerIds: z.array(uuid).describe("Its published offers"),
    updatedOn: day,
    links: z.object({ self: z.url(), html: z.url() }),
  })
  .meta({ id: "Structure" });

export const offerSchema = z
  .object({
    id: uuid,
    territory: z.string(),
    structureId: uuid,
    structureName: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    terms: z.array(termSchema).describe("Needs, publics, postures, access and referral modes, fees"),
    feeDetails: z.string().nullable(),
    residentAccess: z.string().nullable(),
    professionalReferral: z.string().nullable(),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    residencyCondition: z.string().nullable(),
    otherConditions: z.string().nullable(),
    documentsToBring: z.array(z.string()),
    languages: z.array(z.string()).describe("ISO 639-1"),
    isSaturated: z.boolean(),
    acceptsTransfers: z.boolean(),
    places: z.array(placeSchema.extend({ ownHours: z.boolean().describe("true: the offer's own hours at this place; false: the place's") })),
    hours: hoursSchema.nullable().describe("Hours of an offer with no place (a phone line)"),
    updatedOn: day,
    links: z.object({ self: z.url(), html: z.url() }),
  })
  .meta({ id: "Offer" });

/*
 * The standards' objects, one schema per format, so that a response matches exactly one branch of
 * each `oneOf` (Toile's own objects admit no other property; each standard's object requires
 * properties the others do not have). They name what tells the formats apart and point to the
 * standard for the rest: the exports are checked against the standards themselves elsewhere
 * (datainclusion/, hsds/, lmn/ tests).
 */
const DI_SCHEMA = "https://github.com/gip-inclusion/data-inclusion-schema";
const HSDS_SCHEMA = "https://docs.openreferral.org/en/latest/hsds/schema_reference.html";
const diStructureSchema = z
  .looseObject({ source: z.string(), id: z.string(), nom: z.string(), date_maj: day })
  .meta({ id: "DataInclusionStructure", description: `A data·inclusion v1 structure (${DI_SCHEMA}).` });
const diServiceSchema = z
  .looseObject({ source: z.string(), id: z.string(), structure_id: z.string(), nom: z.string(), date_maj: day })
  .meta({ id: "DataInclusionService", description: `A data·inclusion v1 service (${DI_SCHEMA}): one per offer and French place — the first place's keeps the offer's id, the others are \`<offer id>:<place id>\`. A page of offers lists every service of its offers, so it may hold more items than \`limit\`; \`/offers/{id}\` gives the first.` });
const hsdsOrganizationSchema = z
  .looseObject({ id: uuid, name: z.string(), organization_identifiers: z.array(z.looseObject({})), phones: z.array(z.looseObject({})), locations: z.array(z.looseObject({})) })
  .meta({ id: "HsdsOrganization", description: `An HSDS 3.1 organization with its identifiers, phones and locations nested (${HSDS_SCHEMA}).` });
const hsdsServiceSchema = z
  .looseObject({ id: uuid, name: z.string(), status: z.string(), organization: z.looseObject({}), service_at_locations: z.array(z.looseObject({})) })
  .meta({ id: "HsdsService", description: `An HSDS 3.1 service with its organization, locations and schedules nested (${HSDS_SCHEMA}).` });
const lmnExportSchema = z
  .array(z.looseObject({ id: z.string(), nom: z.string(), adresse: z.string(), commune: z.string() }))
  .meta({ id: "LmnExport", description: "The territory's places in Lieux de médiation numérique v1.0.1, as JSON (https://schema.data.gouv.fr/LaMednum/standard-mediation-num/)." });
const diExportSchema = z
  .looseObject({ structures: z.array(diStructureSchema), services: z.array(diServiceSchema) })
  .meta({ id: "DataInclusionExport", description: "The territory in data·inclusion v1: its French structures and their services." });
const hsdsExportSchema = z
  .array(hsdsOrganizationSchema)
  .meta({ id: "HsdsExport", description: `The territory in HSDS 3.1, every structure included: an array of organizations with their services and locations nested (${HSDS_SCHEMA}, compiled \`organization\`).` });

const pageOf = <F extends string>(format: F, item: z.ZodType, id: string) =>
  z
    .object({
      format: z.literal(format),
      limit: z.number().int(),
      count: z.number().int(),
      items: z.array(item),
      next: z.url().nullable().describe("The next page, or null on the last one"),
    })
    .meta({ id });

const toileStructurePageSchema = pageOf("toile", structureSchema, "ToileStructurePage");
const diStructurePageSchema = pageOf("data-inclusion", diStructureSchema, "DataInclusionStructurePage");
const hsdsStructurePageSchema = pageOf("hsds", hsdsOrganizationSchema, "HsdsStructurePage");
const toileOfferPageSchema = pageOf("toile", offerSchema, "ToileOfferPage");
const diOfferPageSchema = pageOf("data-inclusion", diServiceSchema, "DataInclusionOfferPage");
const hsdsOfferPageSchema = pageOf("hsds", hsdsServiceSchema, "HsdsOfferPage");
export const territoryListSchema = z.object({ items: z.array(territorySchema) }).meta({ id: "TerritoryList" });
const apiRootSchema = z
  .object({ name: z.string(), version: z.string(), openapi_url: z.url(), documentation: z.url(), territories: z.url() })
  .meta({ id: "ApiRoot" });
const problemSchema = z
  .object({
    type: z.string(),
    status: z.number().int(),
    title: z.string(),
    detail: z.string().optional(),
    errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

// ─── examples ───────────────────────────────────────────────────────────────────────────────

const ORIGIN = "https://toile.example.fr";
const hoursExample = {
  osm: "Tu-We 10:00-12:00,14:00-17:00; PH off; 2026 Dec 24-2027 Jan 01 off \"Fermeture annuelle\"",
  publicHolidays: "closed",
  slots: [
    { weekday: 2, opens: "10:00", closes: "12:00", appointmentOnly: false },
    { weekday: 2, opens: "14:00", closes: "17:00", appointmentOnly: false },
    { weekday: 3, opens: "10:00", closes: "12:00", appointmentOnly: false },
    { weekday: 3, opens: "14:00", closes: "17:00", appointmentOnly: false },
  ],
  exceptions: [{ startsOn: "2026-12-24", endsOn: "2027-01-01", closed: true, opens: null, closes: null, label: "Fermeture annuelle" }],
};
const placeExample = {
  id: "0b4c3f7a-8c1e-4a8e-9f2a-2d1f6c7e9a10",
  structureId: "6f1e2d3c-4b5a-4968-8776-655443322110",
  name: "Espace France Services",
  address: "3 avenue de la Gare",
  addressComplement: null,
  postalCode: "02400",
  communeCode: "02168",
  communeName: "Château-Thierry",
  country: "FR",
  latitude: 49.0459,
  longitude: 3.4016,
  hours: hoursExample,
};
const EXAMPLES = {
  territories: {
    items: [
      {
        id: "a3c1e5f7-1b2d-4e6f-8a9b-0c1d2e3f4a5b",
        slug: "val-de-lise",
        name: "Communauté de communes du Val de Lise",
        country: "FR",
        timeZone: "Europe/Paris",
        links: {
          self: `${ORIGIN}/api/v1/territories/val-de-lise`,
          structures: `${ORIGIN}/api/v1/territories/val-de-lise/structures`,
          offers: `${ORIGIN}/api/v1/territories/val-de-lise/offers`,
          html: `${ORIGIN}/t/val-de-lise`,
          downloads: `${ORIGIN}/t/val-de-lise/donnees`,
        },
      },
    ],
  },
  structure: {
    id: "6f1e2d3c-4b5a-4968-8776-655443322110",
    territory: "val-de-lise",
    name: "Espace France Services du Val de Lise",
    description: "Un seul guichet pour les démarches de 9 organismes.",
    email: "franceservices@val-de-lise.exemple.fr",
    phone: "03 23 41 20 10",
    website: null,
    identifiers: [{ type: "SIRET", value: "99999000100011" }],
    terms: [{ vocabulary: "lmn.dispositif_programmes_nationaux", code: "France Services" }],
    places: [placeExample],
    offerIds: ["9e8d7c6b-5a49-4837-a625-14f3e2d1c0b9"],
    updatedOn: "2026-10-22",
    links: { self: `${ORIGIN}/api/v1/structures/6f1e2d3c-4b5a-4968-8776-655443322110`, html: `${ORIGIN}/t/val-de-lise/structures/6f1e2d3c-4b5a-4968-8776-655443322110/programme` },
  },
  offer: {
    id: "9e8d7c6b-5a49-4837-a625-14f3e2d1c0b9",
    territory: "val-de-lise",
    structureId: "6f1e2d3c-4b5a-4968-8776-655443322110",
    structureName: "Espace France Services du Val de Lise",
    title: "Aide aux démarches administratives en ligne",
    description: "Un agent fait avec vous, ou à votre place si besoin, vos démarches en ligne.",
    terms: [
      { vocabulary: "lmn.services", code: "Aide aux démarches administratives" },
      { vocabulary: "dataInclusion.v1.publics", code: "tous-publics" },
      { vocabulary: "toile.modes_acces", code: "sans-rendez-vous" },
    ],
    feeDetails: null,
    residentAccess: "Venir aux heures d'ouverture, ou téléphoner pour un rendez-vous.",
    professionalReferral: "Par Toile, ou par courriel à l'accueil.",
    minAge: null,
    maxAge: null,
    residencyCondition: null,
    otherConditions: null,
    documentsToBring: ["Pièce d'identité"],
    languages: ["fr"],
    isSaturated: false,
    acceptsTransfers: true,
    places: [{ ...placeExample, ownHours: false }],
    hours: null,
    updatedOn: "2026-10-22",
    links: { self: `${ORIGIN}/api/v1/offers/9e8d7c6b-5a49-4837-a625-14f3e2d1c0b9`, html: `${ORIGIN}/t/val-de-lise/offres/9e8d7c6b-5a49-4837-a625-14f3e2d1c0b9` },
  },
  problem: {
    type: "about:blank",
    status: 400,
    title: "Paramètres invalides",
    detail: "limit : au plus 200",
    errors: [{ parameter: "limit", message: "au plus 200" }],
  },
} as const;
const structurePageExample = { format: "toile", limit: 1, count: 1, items: [EXAMPLES.structure], next: `${ORIGIN}/api/v1/territories/val-de-lise/structures?limit=1&cursor=eyJhZnRlciI6IjZmMWUyZDNjIn0` };
const offerPageExample = { format: "toile", limit: 50, count: 1, items: [EXAMPLES.offer], next: null };

/** Each documented response with its schema and example (the test validates one against the other). */
export const RESPONSE_EXAMPLES = [
  { schema: territoryListSchema, example: EXAMPLES.territories },
  { schema: territorySchema, example: EXAMPLES.territories.items[0] },
  { schema: structureSchema, example: EXAMPLES.structure },
  { schema: offerSchema, example: EXAMPLES.offer },
  { schema: toileStructurePageSchema, example: structurePageExample },
  { schema: toileOfferPageSchema, example: offerPageExample },
  { schema: problemSchema, example: EXAMPLES.problem },
] as const;

// ─── the document ───────────────────────────────────────────────────────────────────────────

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: object, example?: unknown) => ({ "application/json": { schema, ...(example ? { example } : {}) } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const notModified = { description: "Not modified: the ETag sent in If-None-Match is current." };
const common = { 304: notModified, 400: problem("Bad parameter: which one and why, in `errors`.") };
/** One schema per `format`: exactly one branch matches a response. */
const oneOf = (...ids: string[]) => ({ oneOf: ids.map(ref) });
/** Where the `format` parameter alone tells the shapes apart: an empty territory's LMN and HSDS files are both `[]`. */
const anyOf = (...ids: string[]) => ({ anyOf: ids.map(ref) });
const byFormat = (ids: Record<string, string>) => ({ ...oneOf(...Object.values(ids)), discriminator: { propertyName: "format", mapping: Object.fromEntries(Object.entries(ids).map(([format, id]) => [format, `#/components/schemas/${id}`])) } });

/** POST, PUT, PATCH and DELETE on every path: the API is read-only. */
const readOnly = Object.fromEntries(
  ["post", "put", "patch", "delete"].map((method) => [method, { summary: "Refused: the API is read-only", responses: { 405: { $ref: "#/components/responses/MethodNotAllowed" } } }]),
);
const withReadOnly = <T extends Record<string, object>>(paths: T) =>
  Object.fromEntries(Object.entries(paths).map(([path, item]) => [path, { ...item, ...readOnly }])) as { [P in keyof T]: T[P] & typeof readOnly };

const NEED_IDENTIFIERS = needIdentifiers();

const query = (name: string, description: string, schema: object, example?: string) => ({ name, in: "query", required: false, description, schema, ...(example ? { example } : {}) });
const pathParam = (name: string, description: string, schema: object = { type: "string" }) => ({ name, in: "path", required: true, description, schema });

const PARAMETERS = {
  limit: query("limit", `Items per page, 1 to ${MAX_LIMIT}.`, { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
  cursor: query("cursor", "Opaque: copy it from the `next` link of the previous page.", { type: "string" }),
  updatedSince: query("updated_since", "Only what changed or was verified since this date or date-time (ISO 8601): the item itself or what its JSON shows — a structure's places (hours and closures included) and offers, an offer's structure and places. `updatedOn` moves with it.", { type: "string", format: "date-time" }, "2026-11-01T00:00:00Z"),
  commune: query("commune", "An INSEE code (5 characters) or a postal code: what is held at a place there.", { type: "string", pattern: "^(\\d{4,5}|2[ABab]\\d{3})$" }, "02168"),
  need: query(
    "need",
    `A need of the residents' search (its identifier, e.g. \`demarches-administratives\`) or a code of \`lmn.services\` or \`dataInclusion.v1.thematiques\` (equivalents through Toile's crosswalks included). Every accepted value is listed here and, with the needs' labels, on ${NEEDS_DOCUMENTATION}. Needs: ${NEED_IDENTIFIERS.needs.map(({ slug, label }) => `\`${slug}\` (${label})`).join(", ")}.`,
    {
      type: "string",
      anyOf: [
        { title: "A need of the residents' search", enum: NEED_IDENTIFIERS.needs.map(({ slug }) => slug) },
        ...NEED_IDENTIFIERS.vocabularies.map(({ vocabulary, codes }) => ({ title: `A code of ${vocabulary}`, enum: codes })),
      ],
    },
    "demarches-administratives",
  ),
  listFormat: query("format", "`toile` (default), `data-inclusion` (v1 structures or services; French structures only) or `hsds` (HSDS 3.1 objects, nested).", {
    type: "string",
    enum: ["toile", "data-inclusion", "hsds"],
    default: "toile",
  }),
  territoryFormat: query(
    "format",
    "`toile` (default): the territory; `lmn`, `data-inclusion`, `hsds`: its whole published data in that standard (the files of /t/{slug}/donnees).",
    { type: "string", enum: ["toile", "lmn", "data-inclusion", "hsds"], default: "toile" },
  ),
};

/** The response schemas as JSON Schema 2020-12, their references pointing into components. */
function componentSchemas(): Record<string, unknown> {
  const all = z.toJSONSchema(
    z.object({
      apiRootSchema,
      territoryListSchema,
      territorySchema,
      structureSchema,
      offerSchema,
      toileStructurePageSchema,
      diStructurePageSchema,
      hsdsStructurePageSchema,
      toileOfferPageSchema,
      diOfferPageSchema,
      hsdsOfferPageSchema,
      lmnExportSchema,
      diExportSchema,
      hsdsExportSchema,
      problemSchema,
    }),
  );
  return JSON.parse(JSON.stringify(all.$defs ?? {}).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<string, unknown>;
}

const cors = `CORS: \`Access-Control-Allow-Origin: *\` for ${ALLOWED_METHODS}. Cache: \`Cache-Control: public, max-age=300\` and an ETag; send it back in If-None-Match for a 304. Read-only: POST, PUT, PATCH and DELETE answer 405 with \`Allow: ${ALLOWED_METHODS}\` and a problem.`;

export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Toile — API publique",
    version: "1.0.0",
    description: `Read-only access to the published offer of digital-inclusion networks: territories, structures and offers, in Toile's own JSON or in the national and international standards (LMN v1.0.1, data·inclusion v1, Open Referral HSDS 3.1). Published data only; ids are stable UUIDs. Lists are paged with \`limit\` and an opaque \`cursor\` (follow \`next\`). Errors are RFC 9457 problem details. ${cors}`,
    license: { name: "Données : Licence Ouverte / Etalab 2.0", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" },
  },
  servers: [{ url: "/" }],
  paths: withReadOnly({
    "/api/v1": { get: { summary: "The API's root: version and links", operationId: "root", responses: { 200: { description: "Links", content: json(ref("ApiRoot")) }, 304: notModified } } },
    "/api/v1/openapi.json": {
      get: { summary: "This document", operationId: "openapi", responses: { 200: { description: "OpenAPI 3.1", content: json({ type: "object", required: ["openapi", "info", "paths"] }) }, 304: notModified } },
    },
    "/api/v1/territories": {
      get: { summary: "Every territory", operationId: "listTerritories", responses: { 200: { description: "Territories", content: json(ref("TerritoryList"), EXAMPLES.territories) }, 304: notModified } },
    },
    "/api/v1/territories/{slug}": {
      get: {
        summary: "A territory, or its whole published data in a standard",
        operationId: "getTerritory",
        parameters: [pathParam("slug", "The territory's identifier in its URLs"), PARAMETERS.territoryFormat],
        responses: {
          200: { description: "The territory (format=toile) or the export in that format", content: json(anyOf("Territory", "LmnExport", "DataInclusionExport", "HsdsExport"), EXAMPLES.territories.items[0]) },
          ...common,
          404: problem("Unknown territory"),
        },
      },
    },
    "/api/v1/territories/{slug}/structures": {
      get: {
        summary: "The territory's published structures, by pages",
        operationId: "listStructures",
        parameters: [pathParam("slug", "The territory"), PARAMETERS.limit, PARAMETERS.cursor, PARAMETERS.updatedSince, PARAMETERS.commune, PARAMETERS.listFormat],
        responses: {
          200: { description: "A page, its items in the asked format", content: json(byFormat({ toile: "ToileStructurePage", "data-inclusion": "DataInclusionStructurePage", hsds: "HsdsStructurePage" }), structurePageExample) },
          ...common,
          404: problem("Unknown territory"),
        },
      },
    },
    "/api/v1/territories/{slug}/offers": {
      get: {
        summary: "The territory's published offers, by pages",
        operationId: "listOffers",
        parameters: [pathParam("slug", "The territory"), PARAMETERS.limit, PARAMETERS.cursor, PARAMETERS.need, PARAMETERS.commune, PARAMETERS.updatedSince, PARAMETERS.listFormat],
        responses: {
          200: { description: "A page, its items in the asked format", content: json(byFormat({ toile: "ToileOfferPage", "data-inclusion": "DataInclusionOfferPage", hsds: "HsdsOfferPage" }), offerPageExample) },
          ...common,
          404: problem("Unknown territory"),
        },
      },
    },
    "/api/v1/structures/{id}": {
      get: {
        summary: "A published structure",
        operationId: "getStructure",
        parameters: [pathParam("id", "Its UUID", { type: "string", format: "uuid" }), PARAMETERS.listFormat],
        responses: {
          200: { description: "The structure in the asked format", content: json(oneOf("Structure", "DataInclusionStructure", "HsdsOrganization"), EXAMPLES.structure) },
          ...common,
          404: problem("Unknown or unpublished (or Belgian, in format=data-inclusion)"),
        },
      },
    },
    "/api/v1/offers/{id}": {
      get: {
        summary: "A published offer",
        operationId: "getOffer",
        parameters: [pathParam("id", "Its UUID", { type: "string", format: "uuid" }), PARAMETERS.listFormat],
        responses: {
          200: { description: "The offer in the asked format", content: json(oneOf("Offer", "DataInclusionService", "HsdsService"), EXAMPLES.offer) },
          ...common,
          404: problem("Unknown or unpublished (or Belgian, in format=data-inclusion)"),
        },
      },
    },
  }),
  components: {
    schemas: componentSchemas(),
    responses: {
      MethodNotAllowed: {
        description: "The API is read-only.",
        headers: { Allow: { description: "The methods the path answers.", schema: { type: "string", const: ALLOWED_METHODS } } },
        content: { "application/problem+json": { schema: ref("Problem") } },
      },
    },
  },
} as const;

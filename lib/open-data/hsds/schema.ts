/**
 * The Open Referral HSDS 3.1 objects Toile writes, as zod: the fields the standard requires
 * (standards.md §3.2, in bold there), `format: uuid` ids, and the enumerations Toile relies on
 * (service status, location and address types, schedule frequency, weekdays). HSDS allows extra
 * properties, so the objects are not strict; it allows no null, so an optional field is absent or
 * set, never null. The official schemas themselves are checked in the tests (lib/open-data/testing/hsds-schemas.ts).
 */
import { z } from "zod";

export const HSDS_VERSION = "3.1";

const id = z.uuid();
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(Z|[+-]\d{2}:\d{2})?$/, "HH:MM avec fuseau");
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const weekday = "(MO|TU|WE|TH|FR|SA|SU)";

const hsdsOrganizationIdentifier = z.object({
  id,
  organization_id: id,
  identifier_scheme: z.string().optional(),
  identifier_type: z.string().min(1),
  identifier: z.string().min(1),
});

const hsdsPhone = z.object({
  id,
  number: z.string().min(1),
  type: z.enum(["text", "voice", "fax", "cell", "video", "pager", "textphone"]).optional(),
  organization_id: id.optional(),
  service_id: id.optional(),
  location_id: id.optional(),
});

const hsdsOrganization = z.object({
  id,
  name: z.string().min(1),
  description: z.string(),
  email: z.email().optional(),
  website: z.string().optional(),
  organization_identifiers: z.array(hsdsOrganizationIdentifier).optional(),
});

export const hsdsSchedule = z
  .object({
    id,
    service_id: id.optional(),
    location_id: id.optional(),
    service_at_location_id: id.optional(),
    valid_from: date.optional(),
    valid_to: date.optional(),
    timezone: z.number().optional(),
    freq: z.enum(["WEEKLY", "MONTHLY"]),
    wkst: z.enum(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]).optional(),
    byday: z.string().regex(new RegExp(`^${weekday}(,${weekday})*$`)),
    opens_at: time,
    closes_at: time,
    description: z.string().optional(),
    notes: z.string().optional(),
    attending_type: z.string().optional(),
  })
  .refine((schedule) => [schedule.service_id, schedule.location_id, schedule.service_at_location_id].filter(Boolean).length === 1, "un seul propriétaire")
  .refine((schedule) => !schedule.valid_from || !schedule.valid_to || schedule.valid_from <= schedule.valid_to, "valid_from après valid_to");

const hsdsService = z.object({
  id,
  organization_id: id,
  name: z.string().min(1),
  description: z.string().optional(),
  status: z.enum(["active", "inactive", "defunct", "temporarily closed"]),
  alert: z.string().optional(),
  url: z.string().optional(),
  email: z.email().optional(),
  application_process: z.string().optional(),
  fees_description: z.string().optional(),
  eligibility_description: z.string().optional(),
  minimum_age: z.number().optional(),
  maximum_age: z.number().optional(),
  last_modified: z.iso.datetime().optional(),
});

const hsdsLocation = z.object({
  id,
  location_type: z.enum(["physical", "postal", "virtual"]),
  organization_id: id.optional(),
  name: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
});

const hsdsAddress = z.object({
  id,
  location_id: id,
  address_1: z.string().min(1),
  address_2: z.string().optional(),
  city: z.string().min(1),
  state_province: z.string().min(1),
  postal_code: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/),
  address_type: z.enum(["physical", "postal", "virtual"]),
});

const hsdsServiceAtLocation = z.object({ id, service_id: id, location_id: id, description: z.string().optional() });

const hsdsLanguage = z.object({ id, service_id: id.optional(), name: z.string().optional(), code: z.string().optional() });
const hsdsRequiredDocument = z.object({ id, service_id: id, document: z.string().min(1) });
const hsdsTaxonomy = z.object({ id, name: z.string().min(1), description: z.string().min(1), uri: z.string().optional(), version: z.string().optional() });
const hsdsTaxonomyTerm = z.object({
  id,
  code: z.string().optional(),
  name: z.string().min(1),
  description: z.string().min(1),
  taxonomy: z.string().optional(),
  taxonomy_id: id.optional(),
  language: z.string().optional(),
});
const hsdsAttribute = z.object({
  id,
  link_id: id,
  taxonomy_term_id: id,
  link_type: z.string().optional(),
  link_entity: z.string().optional(),
  value: z.string().optional(),
  label: z.string().optional(),
});

/** The export: one array per HSDS object, linked by their ids, as the tabular package is. */
export const hsdsDataset = z.object({
  hsds_version: z.literal(HSDS_VERSION),
  organizations: z.array(hsdsOrganization),
  organization_identifiers: z.array(hsdsOrganizationIdentifier),
  services: z.array(hsdsService),
  locations: z.array(hsdsLocation),
  addresses: z.array(hsdsAddress),
  phones: z.array(hsdsPhone),
  service_at_locations: z.array(hsdsServiceAtLocation),
  schedules: z.array(hsdsSchedule),
  languages: z.array(hsdsLanguage),
  required_documents: z.array(hsdsRequiredDocument),
  taxonomies: z.array(hsdsTaxonomy),
  taxonomy_terms: z.array(hsdsTaxonomyTerm),
  attributes: z.array(hsdsAttribute),
});

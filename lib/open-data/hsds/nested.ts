/**
 * HSDS 3.1's nested JSON (decision record 010): the tables of `toHsds` put together as the
 * standard's compiled schemas and its API nest them. An organization carries its identifiers,
 * phones, locations (addresses, schedules), services and attributes (`schema/compiled/organization.json`;
 * the whole file is an array of them, `organization_package.json`); a service carries its
 * schedules, its service_at_locations with their location, languages, required documents,
 * attributes and, asked alone, its organization (`schema/compiled/service.json`, the API's
 * `/services/{id}`). Attributes carry their taxonomy term, and the term its taxonomy.
 */
import type { HsdsDataset } from "./export";

type Table<Name extends Exclude<keyof HsdsDataset, "hsds_version">> = HsdsDataset[Name];

function groupBy<Row>(rows: Row[], key: (row: Row) => string | undefined): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const value = key(row);
    if (value === undefined) continue;
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}

/** The dataset's rows by the ids that link them, read once per dataset (an API page asks for many items). */
function indexOf(dataset: HsdsDataset) {
  return {
    organizations: new Map(dataset.organizations.map((organization) => [organization.id, organization])),
    locations: new Map(dataset.locations.map((location) => [location.id, location])),
    services: new Map(dataset.services.map((service) => [service.id, service])),
    taxonomies: new Map(dataset.taxonomies.map((taxonomy) => [taxonomy.id, taxonomy])),
    terms: new Map(dataset.taxonomy_terms.map((term) => [term.id, term])),
    identifiersByOrganization: groupBy(dataset.organization_identifiers, (identifier) => identifier.organization_id),
    phonesByOrganization: groupBy(dataset.phones, (phone) => phone.organization_id),
    locationsByOrganization: groupBy(dataset.locations, (location) => location.organization_id),
    servicesByOrganization: groupBy(dataset.services, (service) => service.organization_id),
    addressesByLocation: groupBy(dataset.addresses, (address) => address.location_id),
    schedulesByLocation: groupBy(dataset.schedules, (schedule) => schedule.location_id),
    schedulesByService: groupBy(dataset.schedules, (schedule) => schedule.service_id),
    schedulesByServiceAtLocation: groupBy(dataset.schedules, (schedule) => schedule.service_at_location_id),
    serviceAtLocationsByService: groupBy(dataset.service_at_locations, (at) => at.service_id),
    languagesByService: groupBy(dataset.languages, (language) => language.service_id),
    documentsByService: groupBy(dataset.required_documents, (document) => document.service_id),
    attributesByLink: groupBy(dataset.attributes, (attribute) => attribute.link_id),
  };
}

type Index = ReturnType<typeof indexOf>;
const INDEXES = new WeakMap<HsdsDataset, Index>();

function indexed(dataset: HsdsDataset): Index {
  let index = INDEXES.get(dataset);
  if (!index) {
    index = indexOf(dataset);
    INDEXES.set(dataset, index);
  }
  return index;
}

function attributes(index: Index, linkId: string) {
  return (index.attributesByLink.get(linkId) ?? []).map((attribute) => {
    const term = index.terms.get(attribute.taxonomy_term_id);
    const taxonomy = term?.taxonomy_id ? index.taxonomies.get(term.taxonomy_id) : undefined;
    return { ...attribute, ...(term && { taxonomy_term: { ...term, ...(taxonomy && { taxonomy_detail: taxonomy }) } }) };
  });
}

function location(index: Index, row: Table<"locations">[number]) {
  return { ...row, addresses: index.addressesByLocation.get(row.id) ?? [], schedules: index.schedulesByLocation.get(row.id) ?? [] };
}

function organizationAlone(index: Index, row: Table<"organizations">[number]) {
  return {
    ...row,
    organization_identifiers: index.identifiersByOrganization.get(row.id) ?? [],
    phones: index.phonesByOrganization.get(row.id) ?? [],
    attributes: attributes(index, row.id),
  };
}

function service(index: Index, row: Table<"services">[number], withOrganization: boolean) {
  const organization = withOrganization ? index.organizations.get(row.organization_id) : undefined;
  return {
    ...row,
    schedules: index.schedulesByService.get(row.id) ?? [],
    service_at_locations: (index.serviceAtLocationsByService.get(row.id) ?? []).map((at) => {
      const place = index.locations.get(at.location_id);
      return { ...at, schedules: index.schedulesByServiceAtLocation.get(at.id) ?? [], ...(place && { location: location(index, place) }) };
    }),
    languages: index.languagesByService.get(row.id) ?? [],
    required_documents: index.documentsByService.get(row.id) ?? [],
    attributes: attributes(index, row.id),
    ...(organization && { organization: organizationAlone(index, organization) }),
  };
}

function organization(index: Index, row: Table<"organizations">[number]) {
  return {
    ...organizationAlone(index, row),
    locations: (index.locationsByOrganization.get(row.id) ?? []).map((place) => location(index, place)),
    services: (index.servicesByOrganization.get(row.id) ?? []).map((offer) => service(index, offer, false)),
  };
}

export type HsdsNestedOrganization = ReturnType<typeof organization>;
export type HsdsNestedService = ReturnType<typeof service>;

/** Every organization, nested: the HSDS file of a territory. */
export function hsdsOrganizations(dataset: HsdsDataset): HsdsNestedOrganization[] {
  const index = indexed(dataset);
  return dataset.organizations.map((row) => organization(index, row));
}

/** One organization, nested (with its services), or undefined. */
export function hsdsOrganization(dataset: HsdsDataset, id: string): HsdsNestedOrganization | undefined {
  const index = indexed(dataset);
  const row = index.organizations.get(id);
  return row && organization(index, row);
}

/** One service, nested, with its organization, or undefined. */
export function hsdsService(dataset: HsdsDataset, id: string): HsdsNestedService | undefined {
  const index = indexed(dataset);
  const row = index.services.get(id);
  return row && service(index, row, true);
}

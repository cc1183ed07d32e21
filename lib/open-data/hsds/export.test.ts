import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { snapshotHours } from "../snapshot";
import { closure, fixtureSnapshot, slot, TODAY } from "../testing/snapshot-fixture";
import { offsetChanges, openPeriods, stableUuid, stateProvince, toHsds, toSchedules } from "./export";
import { hsdsErrors, hsdsOrganizationSchemaText, nullPaths } from "../testing/hsds-schemas";
import { hsdsOrganizations, hsdsService } from "./nested";
import { hsdsDataset, hsdsSchedule } from "./schema";

const dataset = toHsds(fixtureSnapshot(), { today: TODAY, baseUrl: "https://toile.example" });
const MEDIATHEQUE = "33333333-3333-4333-8333-333333333333";

describe("HSDS 3.1 export", () => {
  it("validates against the required HSDS fields, every id a UUID", () => {
    const parsed = hsdsDataset.safeParse(dataset);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("is checked against the official schema as published (tests/fixtures/README.md)", () => {
    expect(createHash("sha256").update(hsdsOrganizationSchemaText()).digest("hex")).toBe("55a2acff95c43c8315817e59684dbe68659e40e7d3b4c078c91fadf85157d8a4");
  });

  it("validates against the official HSDS 3.1 schemas, nested, without a single null (issue 16, point 5)", () => {
    const nested = hsdsOrganizations(dataset);
    expect(nullPaths(nested)).toEqual([]);
    expect(hsdsErrors("organizations", nested)).toEqual([]);
    for (const service of dataset.services) expect(hsdsErrors("service", hsdsService(dataset, service.id))).toEqual([]);
    // Absent fields are left out, not written null: with no description, no age limits and no base URL, none of them.
    expect(nullPaths(dataset)).toEqual([]);
    const [offer] = fixtureSnapshot().offers;
    const bare = toHsds(fixtureSnapshot({ offers: [{ ...offer!, description: "", details: undefined }] }), { today: TODAY }).services[0]!;
    for (const field of ["description", "minimum_age", "maximum_age", "url"]) expect(bare).not.toHaveProperty(field);
    expect(nullPaths(bare)).toEqual([]);
  });

  it("nests each organization's locations, services and their schedules, as HSDS's compiled organization", () => {
    const [mediatheque] = hsdsOrganizations(dataset);
    expect(mediatheque!.locations.map((location) => location.id)).toContain(MEDIATHEQUE);
    expect(mediatheque!.locations.find((location) => location.id === MEDIATHEQUE)!.schedules.length).toBeGreaterThan(0);
    expect(mediatheque!.services.map((service) => service.name)).toContain("Ateliers numériques");
    const atelier = mediatheque!.services.find((service) => service.name === "Ateliers numériques")!;
    expect(atelier.service_at_locations[0]!.location).toMatchObject({ id: MEDIATHEQUE, addresses: [expect.objectContaining({ city: "Essômes-sur-Marne" })] });
    expect(atelier.attributes[0]!.taxonomy_term).toMatchObject({ taxonomy_detail: expect.objectContaining({ name: expect.any(String) }) });
    expect(hsdsService(dataset, atelier.id)!.organization).toMatchObject({ id: mediatheque!.id, name: mediatheque!.name });
  });

  it("leaves out an email or a website HSDS's formats would refuse, and encodes accents in a web address", () => {
    const [structure] = fixtureSnapshot().structures;
    const odd = toHsds(fixtureSnapshot({ structures: [{ ...structure!, email: "chambéry@exemple.fr", website: "www.exemple.fr" }] }), { today: TODAY });
    expect(odd.organizations[0]).not.toHaveProperty("email");
    expect(odd.organizations[0]).not.toHaveProperty("website");
    const accented = toHsds(fixtureSnapshot({ structures: [{ ...structure!, website: "https://mairie.fr/médiathèque" }] }), { today: TODAY });
    expect(accented.organizations[0]!.website).toBe("https://mairie.fr/m%C3%A9diath%C3%A8que");
    expect(hsdsErrors("organizations", hsdsOrganizations(odd))).toEqual([]);
    expect(hsdsErrors("organizations", hsdsOrganizations(accented))).toEqual([]);
  });

  it("carries every structure, Belgian ones included, with their identifiers", () => {
    expect(dataset.organizations.map((organization) => organization.name)).toEqual(["Médiathèque d'Essômes-sur-Marne", "EPN de Namur"]);
    expect(dataset.organization_identifiers).toContainEqual(expect.objectContaining({ identifier_type: "BCE/KBO", identifier: "0207.356.434" }));
    expect(dataset.organization_identifiers).toContainEqual(expect.objectContaining({ identifier_type: "SIRET", identifier: "21026410200013" }));
    expect(dataset.addresses).toContainEqual(expect.objectContaining({ city: "Namur", postal_code: "5000", country: "BE", state_province: "Namur" }));
    expect(dataset.addresses).toContainEqual(expect.objectContaining({ city: "Essômes-sur-Marne", country: "FR", state_province: "Aisne" }));
    expect(dataset.phones).toContainEqual(expect.objectContaining({ number: "+33323412230", type: "voice" }));
    expect(dataset.services.map((service) => service.name)).toContain("Initiation à l'ordinateur");
  });

  it("links services to locations, with languages, documents and taxonomy terms", () => {
    expect(dataset.service_at_locations).toContainEqual(expect.objectContaining({ service_id: "55555555-5555-4555-8555-555555555555", location_id: MEDIATHEQUE }));
    expect(dataset.languages.filter((language) => language.service_id === "55555555-5555-4555-8555-555555555555").map((language) => language.code)).toEqual(["fr", "ar"]);
    expect(dataset.required_documents.map((document) => document.document)).toEqual(["Pièce d'identité", "Identifiants FranceConnect"]);
    const term = dataset.taxonomy_terms.find((candidate) => candidate.code === "seniors")!;
    expect(term).toMatchObject({ taxonomy: "dataInclusion.v1.publics", name: "Séniors" });
    expect(dataset.attributes).toContainEqual(expect.objectContaining({ link_id: "55555555-5555-4555-8555-555555555555", taxonomy_term_id: term.id, link_entity: "service" }));
    expect(dataset.taxonomies.map((taxonomy) => taxonomy.id)).toContain(term.taxonomy_id);
    const atelier = dataset.services.find((service) => service.name === "Ateliers numériques")!;
    expect(atelier).toMatchObject({ status: "active", minimum_age: 16, fees_description: "Gratuit sous condition — Abonnement à la médiathèque", last_modified: "2026-11-02T00:00:00Z" });
  });

  it("makes the same ids from one export to the next", () => {
    expect(toHsds(fixtureSnapshot(), { today: TODAY })).toEqual({ ...dataset, services: dataset.services.map((service) => Object.fromEntries(Object.entries(service).filter(([key]) => key !== "url"))) });
    expect(stableUuid("a", "b")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid("a", "b")).not.toBe(stableUuid("ab"));
  });

  it("marks a service closed today as temporarily closed, with an alert", () => {
    const phone = dataset.services.find((service) => service.name === "Permanence téléphonique")!;
    expect(phone).toMatchObject({ status: "temporarily closed", alert: "Congés (fermé jusqu'au 2026-11-30 inclus)" });
  });
});

describe("HSDS schedules", () => {
  const rows = dataset.schedules.filter((schedule) => schedule.location_id === MEDIATHEQUE);

  it("are weekly RRULE-like rows, one per pattern, with the territory's offset", () => {
    const first = rows.filter((row) => row.valid_from === TODAY);
    expect(first.map(({ byday, opens_at, closes_at, description }) => ({ byday, opens_at, closes_at, description }))).toEqual([
      { byday: "TU,WE", opens_at: "10:00+01:00", closes_at: "12:00+01:00", description: undefined },
      { byday: "TU,WE", opens_at: "14:00+01:00", closes_at: "18:00+01:00", description: undefined },
      { byday: "SA", opens_at: "09:00+01:00", closes_at: "12:00+01:00", description: "Sur rendez-vous" },
    ]);
    expect(first.every((row) => row.freq === "WEEKLY" && row.wkst === "MO" && row.timezone === 1 && row.notes === "Fermé les jours fériés.")).toBe(true);
    for (const row of rows) expect(hsdsSchedule.safeParse(row).success).toBe(true);
  });

  it("end before a closure and start again after it; special hours are rows of their own dates", () => {
    const periods = [...new Set(rows.filter((row) => !row.description || row.description === "Sur rendez-vous").map((row) => `${row.valid_from}…${row.valid_to ?? ""}`))];
    expect(periods).toEqual(["2026-11-22…2026-12-04", "2026-12-06…2026-12-23", "2027-01-02…2027-03-27", "2027-03-28…2027-10-30", "2027-10-31…"]);
    expect(rows.filter((row) => row.valid_from === "2027-03-28")[0]).toMatchObject({ opens_at: "10:00+02:00", timezone: 2 });
    expect(rows).toContainEqual(expect.objectContaining({ valid_from: "2026-12-05", valid_to: "2026-12-05", byday: "SA", opens_at: "09:00+01:00", closes_at: "17:00+01:00", description: "Horaires du Téléthon" }));
  });

  it("belong to an offer at a place when it has its own hours there, or to an offer with no place", () => {
    const belgian = dataset.schedules.filter((schedule) => schedule.service_at_location_id);
    expect(belgian.map((row) => row.valid_from)).toEqual(["2026-11-22", "2027-03-28", "2027-10-31"]);
    expect(belgian[0]).toMatchObject({ byday: "MO", opens_at: "10:00+01:00", closes_at: "11:00+01:00" });
    const phone = dataset.schedules.filter((schedule) => schedule.service_id === "66666666-6666-4666-8666-666666666666");
    expect(phone[0]).toMatchObject({ valid_from: "2026-12-01", byday: "TH" });
    expect(phone[0]).not.toHaveProperty("notes");
  });

  it("cut periods at closures and offset changes", () => {
    expect(offsetChanges("Europe/Paris", TODAY)).toEqual(["2027-03-28", "2027-10-31"]);
    expect(offsetChanges("UTC", TODAY)).toEqual([]);
    const exception = (startsOn: string, endsOn: string) => ({ startsOn, endsOn, closed: true, opensAtMinute: null, closesAtMinute: null, label: "x" });
    expect(openPeriods([exception("2026-11-01", "2026-11-25"), exception("2026-12-01", "2026-12-02")], TODAY, [])).toEqual([
      { from: "2026-11-26", to: "2026-11-30" },
      { from: "2026-12-03", to: null },
    ]);
  });

  it("say nothing for hours without weekly slots", () => {
    expect(toSchedules(snapshotHours([], [closure("2026-12-01", "2026-12-02", "x")], "closed", TODAY), { location_id: MEDIATHEQUE }, TODAY, "Europe/Paris")).toEqual([]);
    expect(toSchedules(snapshotHours([slot(1, "00:00", "24:00")], [], "unknown", TODAY), { location_id: MEDIATHEQUE }, TODAY, "UTC")[0]).toMatchObject({ opens_at: "00:00+00:00", closes_at: "23:59+00:00" });
  });

  it("name the Belgian province from the postal code", () => {
    expect(stateProvince({ country: "BE", postalCode: "1000", communeCode: "1000" })).toBe("Région de Bruxelles-Capitale");
    expect(stateProvince({ country: "BE", postalCode: "4000", communeCode: "4000" })).toBe("Liège");
    expect(stateProvince({ country: "FR", postalCode: "97400", communeCode: "97411" })).toBe("La Réunion");
    // A place whose commune the import could not name has no INSEE code: the postal code says the département (real Hinaura rows).
    expect(stateProvince({ country: "FR", postalCode: "74000", communeCode: "" })).toBe("Haute-Savoie");
    expect(stateProvince({ country: "FR", postalCode: "97400", communeCode: "" })).toBe("La Réunion");
  });
});

import { describe, expect, it } from "vitest";
import { officialDiErrors } from "@/tests/support/datainclusion-schema";
import { fixtureSnapshot, TODAY } from "../testing/snapshot-fixture";
import { departmentOf, toDataInclusion } from "./export";
import { DI_ENUMS, diServiceSchema, diStructureSchema } from "./schema";

const exported = toDataInclusion(fixtureSnapshot(), { today: TODAY, baseUrl: "https://toile.example/" });

describe("data·inclusion v1 export", () => {
  it("writes French structures only, with Toile's ids and source « toile »", () => {
    expect(exported.structures.map((structure) => structure.nom)).toEqual(["Médiathèque d'Essômes-sur-Marne"]);
    expect(exported.structures[0]).toMatchObject({
      source: "toile",
      id: "11111111-1111-4111-8111-111111111111",
      siret: "21026410200013",
      code_postal: "02400",
      code_insee: "02290",
      telephone: "+33323412230",
      reseaux_porteurs: ["conseillers-numeriques"],
      horaires_accueil: expect.stringMatching(/^Tu-We 10:00-12:00,14:00-18:00, Sa 09:00-12:00 open "sur rendez-vous"; PH off; 2026 Dec 05 09:00-17:00 open "Horaires du Téléthon"; 2026 Dec 24-2027 Jan 01 off "Fermeture annuelle"$/),
    });
    expect(exported.skipped).toContainEqual(expect.objectContaining({ kind: "structure", name: "EPN de Namur", reason: "belgian" }));
    expect(exported.skipped).toContainEqual(expect.objectContaining({ kind: "service", name: "Initiation à l'ordinateur", reason: "belgian" }));
    expect(exported.services.map((service) => service.id)).not.toContain("77777777-7777-4777-8777-777777777777");
  });

  it("translates the terms into the v1 enumerations through the crosswalks", () => {
    const atelier = exported.services.find((service) => service.nom === "Ateliers numériques")!;
    expect(atelier).toMatchObject({
      structure_id: "11111111-1111-4111-8111-111111111111",
      type: "atelier",
      frais: "gratuit",
      frais_precisions: "Abonnement à la médiathèque",
      publics: ["seniors"],
      modes_accueil: ["en-presentiel"],
      zone_eligibilite: ["02"],
      mobilisable_par: ["usagers", "professionnels"],
      lien_source: "https://toile.example/t/val/offres/55555555-5555-4555-8555-555555555555",
      commune: "Essômes-sur-Marne",
    });
    expect(atelier.thematiques!.sort()).toEqual(["numerique--acceder-a-des-services-en-ligne", "numerique--maitriser-les-fondamentaux-du-numerique"]);
    expect(atelier.modes_mobilisation!.sort()).toEqual(["envoyer-un-courriel", "telephoner"]);
    expect(atelier.conditions_acces).toBe("À partir de 16 ans.\nHabitants de la communauté de communes\nÀ apporter : Pièce d'identité, Identifiants FranceConnect.");
    const phone = exported.services.find((service) => service.nom === "Permanence téléphonique")!;
    expect(phone).toMatchObject({ frais: "payant", publics: ["tous-publics"], modes_accueil: ["a-distance"], horaires_accueil: expect.stringContaining("Th 14:00-16:00") });
    expect(phone.commune).toBeUndefined();
  });

  it("validates every record against the v1 rules, enums included", () => {
    for (const structure of exported.structures) expect(diStructureSchema(TODAY).safeParse(structure).success).toBe(true);
    for (const service of exported.services) {
      expect(diServiceSchema(TODAY).safeParse(service).error?.issues ?? []).toEqual([]);
      for (const code of service.thematiques ?? []) expect(DI_ENUMS.thematiques).toContain(code);
      for (const code of service.publics ?? []) expect(DI_ENUMS.publics).toContain(code);
    }
  });

  it("validates against data·inclusion's official JSON Schemas (v1.0.8)", () => {
    expect(exported.services.length).toBeGreaterThan(1);
    expect(officialDiErrors("structure", exported.structures)).toEqual([]);
    expect(officialDiErrors("service", exported.services)).toEqual([]);
  });

  it("the schema refuses what v1 refuses", () => {
    const service = exported.services[0]!;
    const errors = (record: object) => diServiceSchema(TODAY).safeParse(record).error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(errors({ ...service, publics: ["tous-publics", "seniors"] })).toEqual(["publics"]);
    expect(errors({ ...service, thematiques: ["numerique"] })).toEqual(["thematiques.0"]);
    expect(errors({ ...service, frais: "gratuit-sous-conditions" })).toEqual(["frais"]);
    expect(errors({ ...service, description: "Bof" })).toEqual(["description"]);
    expect(errors({ ...service, date_maj: "2027-01-01" })).toEqual(["date_maj"]);
    expect(errors({ ...service, code_postal: "5000" })).toEqual(["code_postal"]);
    expect(errors({ ...service, inconnu: 1 })).toEqual([""]);
    expect(errors({ ...service, nom: undefined })).toEqual(["nom"]);
  });

  it("leaves out a record that would not validate, with the reason", () => {
    const snapshot = fixtureSnapshot();
    snapshot.offers[0]!.title = "CV";
    const result = toDataInclusion(snapshot, { today: TODAY });
    expect(result.services.map((service) => service.id)).not.toContain(snapshot.offers[0]!.id);
    expect(result.skipped).toContainEqual(expect.objectContaining({ id: snapshot.offers[0]!.id, reason: "invalid", why: expect.stringContaining("nom") }));
  });

  it("drops a field the official schema would refuse, keeps the record and its services, and says why", () => {
    const snapshot = fixtureSnapshot();
    const structure = snapshot.structures.find((candidate) => candidate.name === "Médiathèque d'Essômes-sur-Marne")!;
    // Valid for data·inclusion's pydantic model (EmailStr, RFC 6531), not for the JSON Schema's "email".
    structure.email = "chambéry@exemple.fr";
    structure.website = "https://médiathèque.exemple.fr/horaires d'été";
    const result = toDataInclusion(snapshot, { today: TODAY });
    const written = result.structures.find((record) => record.id === structure.id)!;
    expect(written).toBeDefined();
    expect(written.courriel).toBeUndefined();
    // A link is written the way the "uri" format reads it (punycode, percent-encoding), not dropped.
    expect(written.site_web).toBe("https://xn--mdiathque-53af.exemple.fr/horaires%20d'%C3%A9t%C3%A9");
    // A plain address is written as it is (no trailing slash added).
    structure.website = "https://mediatheque.exemple.fr";
    expect(toDataInclusion(snapshot, { today: TODAY }).structures.find((record) => record.id === structure.id)!.site_web).toBe("https://mediatheque.exemple.fr");
    expect(result.services.filter((service) => service.structure_id === structure.id)).toHaveLength(exported.services.length);
    expect(result.skipped.filter((skipped) => skipped.reason === "invalid")).toEqual([]);
    expect(result.droppedFields).toContainEqual({
      kind: "structure",
      id: structure.id,
      name: structure.name,
      field: "courriel",
      value: "chambéry@exemple.fr",
      why: expect.stringMatching(/^adresse de courriel que le schéma data·inclusion refuse/),
    });
    expect(result.droppedFields.filter((dropped) => dropped.kind === "service").map((dropped) => dropped.field)).toEqual(
      result.services.map(() => "courriel"),
    );
    expect(officialDiErrors("structure", result.structures)).toEqual([]);
    expect(officialDiErrors("service", result.services)).toEqual([]);
  });

  it("writes an offer held at two places as one service per place", () => {
    const snapshot = fixtureSnapshot();
    const offer = snapshot.offers.find((candidate) => candidate.title === "Ateliers numériques")!;
    const home = snapshot.places.find((place) => place.id === offer.places[0]!.placeId)!;
    const annex = { ...home, id: "99999999-9999-4999-8999-999999999999", name: "Annexe", address: "2 rue de la Gare", communeName: "Château-Thierry", communeCode: "02168" };
    snapshot.places.push(annex);
    offer.places.push({ placeId: annex.id, hours: null });
    const result = toDataInclusion(snapshot, { today: TODAY });
    const services = result.services.filter((service) => service.nom === "Ateliers numériques");
    expect(services.map((service) => [service.id, service.commune, service.adresse])).toEqual([
      [offer.id, "Essômes-sur-Marne", home.address],
      [`${offer.id}:${annex.id}`, "Château-Thierry", "2 rue de la Gare"],
    ]);
    expect(services[1]).toMatchObject({ structure_id: offer.structureId, horaires_accueil: home.hours.osm, zone_eligibilite: ["02"] });
    expect(officialDiErrors("service", result.services)).toEqual([]);
  });

  it("finds the département of a commune code", () => {
    expect(departmentOf("02290")).toBe("02");
    expect(departmentOf("97411")).toBe("974");
    expect(departmentOf("2A004")).toBe("2A");
    expect(departmentOf("5000")).toBeNull();
  });
});

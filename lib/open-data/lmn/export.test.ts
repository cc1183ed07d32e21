import { describe, expect, it } from "vitest";
import { readCsv } from "../import/csv";
import { snapshotHours, type SnapshotOffer, type SnapshotPlace, type SnapshotStructure, type TerritorySnapshot } from "../snapshot";
import { frenchPhoneE164, lmnToCsv, lmnToJson, shorten, toLmnRows } from "./export";
import { LMN_FIELDS, LMN_OFFER_TITLE, type LmnRow } from "./schema";
import { validateLmnTable } from "./validate";

const TODAY = "2026-11-22";
const slot = (weekday: number, opens: string, closes: string) => {
  const minute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  return { weekday, opensAtMinute: minute(opens), closesAtMinute: minute(closes), appointmentOnly: false };
};
const noHours = snapshotHours([], [], "closed", TODAY);

function structure(overrides: Partial<SnapshotStructure> = {}): SnapshotStructure {
  return {
    id: "s1",
    name: "Médiathèque d'Essômes-sur-Marne",
    description: "Médiathèque municipale.",
    email: "mediatheque@essomes.exemple.fr",
    phone: "03 23 41 22 30",
    website: "https://essomes.exemple.fr",
    identifiers: [{ type: "SIRET", value: "210 264 102 00013" }],
    terms: [
      ["dataInclusion.v0.typologies_de_structures", "BIB"],
      ["lmn.dispositif_programmes_nationaux", "Conseillers numériques"],
      ["lmn.formations_labels", "Étapes numériques(La Poste)"],
    ],
    updatedOn: "2026-10-01",
    ...overrides,
  };
}

function place(overrides: Partial<SnapshotPlace> = {}): SnapshotPlace {
  return {
    id: "p1",
    structureId: "s1",
    name: "Médiathèque",
    address: "2 place de l'Église",
    addressComplement: null,
    postalCode: "02400",
    communeCode: "02290",
    communeName: "Essômes-sur-Marne",
    country: "FR",
    latitude: 49.25,
    longitude: -0.5,
    hours: snapshotHours(
      [slot(2, "10:00", "12:00"), slot(2, "14:00", "18:00"), slot(3, "10:00", "12:00"), slot(3, "14:00", "18:00")],
      [{ startsOn: new Date("2026-12-24"), endsOn: new Date("2027-01-01"), closed: true, opensAtMinute: null, closesAtMinute: null, label: "Fermeture \"annuelle\"" }],
      "closed",
      TODAY,
    ),
    updatedOn: "2026-09-01",
    ...overrides,
  };
}

function offer(overrides: Partial<SnapshotOffer> = {}): SnapshotOffer {
  return {
    id: "o1",
    structureId: "s1",
    title: "Ateliers numériques",
    description: "Un thème par atelier.",
    terms: [
      ["lmn.services", "Maîtrise des outils numériques du quotidien"],
      ["dataInclusion.v1.thematiques", "numerique--acceder-a-une-connexion-internet"],
      ["dataInclusion.v1.publics", "seniors"],
      ["dataInclusion.v1.publics", "tous-publics"],
      ["toile.modes_acces", "atelier-collectif"],
      ["toile.postures", "apprendre-a-faire"],
      ["lmn.modalites_acces", "Téléphoner"],
      ["dataInclusion.v1.modes_mobilisation", "telephoner"],
      ["lmn.frais_a_charge", "Gratuit"],
    ],
    feeDetails: null,
    places: [{ placeId: "p1", hours: null }],
    hours: null,
    updatedOn: "2026-11-02",
    ...overrides,
  };
}

function snapshot(parts: Partial<TerritorySnapshot> = {}): TerritorySnapshot {
  return {
    territory: { id: "t1", slug: "val-de-lise", name: "Communauté de communes du Val de Lise", country: "FR", timeZone: "Europe/Paris" },
    structures: [structure()],
    places: [place()],
    offers: [offer()],
    ...parts,
  };
}

describe("toLmnRows", () => {
  it("makes one row per place, its offers' terms translated into the LMN columns", () => {
    const { rows, skipped, warnings } = toLmnRows(snapshot(), TODAY);
    expect(skipped).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      id: "p1",
      pivot: "21026410200013",
      nom: "Médiathèque",
      commune: "Essômes-sur-Marne",
      code_postal: "02400",
      code_insee: "02290",
      adresse: "2 place de l'Église",
      complement_adresse: "",
      latitude: "49.25",
      longitude: "-0.5",
      typologie: "BIB",
      telephone: "+33323412230",
      courriels: "mediatheque@essomes.exemple.fr",
      site_web: "https://essomes.exemple.fr",
      horaires: "Tu-We 10:00-12:00,14:00-18:00; PH off; 2026 Dec 24-2027 Jan 01 off \"Fermeture 'annuelle'\"",
      presentation_resume: "Médiathèque municipale.",
      presentation_detail: "Ateliers numériques : Un thème par atelier.",
      source: "Communauté de communes du Val de Lise",
      itinerance: "",
      structure_parente: "",
      date_maj: "2026-11-02",
      services: "Maîtrise des outils numériques du quotidien|Accès internet et matériel informatique",
      publics_specifiquement_adresses: "Seniors",
      prise_en_charge_specifique: "",
      frais_a_charge: "Gratuit",
      dispositif_programmes_nationaux: "Conseillers numériques",
      formations_labels: "",
      autres_formations_labels: "Étapes numériques (La Poste)",
      modalites_acces: "Téléphoner",
      modalites_accompagnement: "Dans un atelier collectif",
      fiche_acces_libre: "",
      prise_rdv: "",
    } satisfies LmnRow);
    expect(warnings).toEqual([]);
    expect(validateLmnTable([...LMN_FIELDS], rows)).toEqual([]);
  });

  it("skips Belgian places and places with no digital-mediation service, saying why", () => {
    const belgian = structure({ id: "s2", identifiers: [{ type: "BCE", value: "0123456789" }] });
    const { rows, skipped } = toLmnRows(
      snapshot({
        structures: [structure(), belgian],
        places: [place(), place({ id: "p2", structureId: "s2", country: "BE", postalCode: "1000" }), place({ id: "p3", name: "CCAS" })],
        offers: [
          offer(),
          offer({ id: "o2", structureId: "s2", places: [{ placeId: "p2", hours: null }] }),
          offer({ id: "o3", terms: [["dataInclusion.v1.thematiques", "logement-hebergement--louer-un-logement"]], places: [{ placeId: "p3", hours: null }] }),
        ],
      }),
      TODAY,
    );
    expect(rows.map((row) => row.id)).toEqual(["p1"]);
    expect(skipped.map(({ placeId, reason }) => [placeId, reason])).toEqual([
      ["p2", "belgian"],
      ["p3", "no-service"],
    ]);
    expect(skipped[0]!.why).toMatch(/HSDS/);
  });

  it("falls back to a placeholder pivot and drops a phone it cannot convert, with warnings", () => {
    const { rows, warnings } = toLmnRows(snapshot({ structures: [structure({ identifiers: [], phone: "32 2 555 55 55" })] }), TODAY);
    expect(rows[0]).toMatchObject({ pivot: "00000000000000", telephone: "" });
    expect(warnings.map((warning) => warning.field)).toEqual(["pivot", "telephone"]);
  });

  it("uses the union of the offers' own hours when the place has none", () => {
    const hours = (slots: ReturnType<typeof slot>[]) => snapshotHours(slots, [], "unknown", TODAY);
    const { rows } = toLmnRows(
      snapshot({
        places: [place({ hours: noHours })],
        offers: [
          offer({ places: [{ placeId: "p1", hours: hours([slot(2, "14:00", "16:00")]) }] }),
          offer({ id: "o2", places: [{ placeId: "p1", hours: hours([slot(2, "15:00", "17:00"), slot(5, "09:00", "12:00")]) }] }),
        ],
      }),
      TODAY,
    );
    expect(rows[0]!.horaires).toBe("Tu 14:00-17:00; Fr 09:00-12:00; PH off");
  });

  it("keeps imported fields Toile has no column for, unless they would not validate", () => {
    const { rows, warnings } = toLmnRows(
      snapshot({ places: [place({ lmn: { itinerance: "Itinérant", prise_rdv: "https://rdv.exemple.fr", structure_parente: "=HYPERLINK(\"x\")", presentation_resume: "y".repeat(300) } })] }),
      TODAY,
    );
    expect(rows[0]).toMatchObject({ itinerance: "Itinérant", prise_rdv: "https://rdv.exemple.fr", structure_parente: "=HYPERLINK(\"x\")" });
    expect(rows[0]!.presentation_resume).toBe("Médiathèque municipale.");
    expect(warnings).toEqual([expect.objectContaining({ field: "presentation_resume", why: expect.stringMatching(/300 caractères/) })]);
  });

  it("does not write the title an LMN import gave an offer as the place's detail: the source did not say it", () => {
    const imported = offer({ title: LMN_OFFER_TITLE, description: "" });
    const { rows } = toLmnRows(snapshot({ structures: [structure({ description: "" })], offers: [imported] }), TODAY);
    expect(rows[0]).toMatchObject({ presentation_resume: "", presentation_detail: "" });
    // An offer of that title that says something is written; so is any other title.
    const described = toLmnRows(snapshot({ offers: [offer({ title: LMN_OFFER_TITLE, description: "Sur place." }), offer({ id: "o2", title: "Ateliers", description: "" })] }), TODAY);
    expect(described.rows[0]!.presentation_detail).toBe(`${LMN_OFFER_TITLE} : Sur place.\nAteliers`);
  });

  it("shortens a long description to 280 characters and puts it whole in the detail", () => {
    const long = `${"Un accueil chaleureux pour tous. ".repeat(12)}Fin.`;
    const { rows } = toLmnRows(snapshot({ structures: [structure({ description: long })] }), TODAY);
    expect([...rows[0]!.presentation_resume].length).toBeLessThanOrEqual(280);
    expect(rows[0]!.presentation_resume).toMatch(/…$/);
    expect(rows[0]!.presentation_detail.startsWith(long)).toBe(true);
  });
});

describe("helpers", () => {
  it("converts French numbers to the international form the schema wants", () => {
    expect(frenchPhoneE164("03 23 41 20 10")).toBe("+33323412010");
    expect(frenchPhoneE164("06.12.34.56.78")).toBe("+33612345678");
    expect(frenchPhoneE164("+33 (0)1 80 05 98 80")).toBe("+33180059880");
    expect(frenchPhoneE164("0033 1 80 05 98 80")).toBe("+33180059880");
    expect(frenchPhoneE164("+32 2 555 55 55")).toBeNull();
    expect(frenchPhoneE164("3949")).toBeNull();
  });

  it("shortens at a word", () => {
    expect(shorten("abc def ghi", 8)).toBe("abc def…");
    expect(shorten("court", 8)).toBe("court");
  });
});

describe("lmnToCsv and lmnToJson", () => {
  const rows = () => {
    const { rows: [row] } = toLmnRows(snapshot(), TODAY);
    return [{ ...row!, nom: "=HYPERLINK(\"http://evil\",\"clic\")", presentation_detail: "Ligne 1\nLigne 2, avec virgule et \"guillemets\"" }];
  };

  it("writes the 32 columns in schema order, values as they are (no spreadsheet quote: LMN is a machine format), and reads back", () => {
    const csv = lmnToCsv(rows());
    expect(csv.startsWith(`${LMN_FIELDS.join(",")}\r\n`)).toBe(true);
    expect(csv).toContain(`,"=HYPERLINK(""http://evil"",""clic"")",`);
    expect(csv).not.toContain("'=");
    expect(csv).toContain(",+33323412230,");
    expect(csv).toContain(",-0.5,");
    const table = readCsv(csv);
    expect(table.issues).toEqual([]);
    expect(table.header).toEqual([...LMN_FIELDS]);
    const back = Object.fromEntries(table.header.map((name, index) => [name, table.records[0]!.cells[index]]));
    expect(back.presentation_detail).toBe("Ligne 1\nLigne 2, avec virgule et \"guillemets\"");
    expect(back.nom).toBe("=HYPERLINK(\"http://evil\",\"clic\")");
  });

  it("writes the same values in CSV and JSON, whatever they start with", () => {
    const starts = { nom: "=Espace", adresse: "-3 rue du Port", complement_adresse: "+ au fond de la cour", presentation_resume: "@Médiathèque" };
    const written = [{ ...rows()[0]!, ...starts }];
    const table = readCsv(lmnToCsv(written));
    const [record] = lmnToJson(written);
    for (const [index, field] of table.header.entries()) {
      expect(table.records[0]!.cells[index], field).toBe(String(record![field as keyof typeof record] ?? ""));
    }
    expect(record).toMatchObject(starts);
  });

  it("writes flat JSON objects, numbers for coordinates, without empty keys", () => {
    const [record] = lmnToJson(rows());
    expect(record).toMatchObject({ id: "p1", latitude: 49.25, longitude: -0.5, services: "Maîtrise des outils numériques du quotidien|Accès internet et matériel informatique" });
    expect(record).not.toHaveProperty("itinerance");
  });
});

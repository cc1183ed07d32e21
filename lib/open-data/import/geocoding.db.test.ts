/**
 * Geocoding in the import job: the analysis places rows without a usable point from their address
 * (an injected address search, never the network), the preview says so row by row, and the commit
 * stores the very points shown without asking again.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { confirmImportJob, enqueueImportJob, findImportJob, runImportJobs } from "./jobs";
import type { AddressSearch } from "./geocoding";

const T0 = new Date("2026-11-22T10:00:00Z");
const at = (seconds: number) => () => new Date(T0.getTime() + seconds * 1000);

const file = new TextEncoder().encode(
  JSON.stringify([
    // Half a pair: neither is kept, the place is placed from its address.
    { id: "fere-1", nom: "EPN de Fère", commune: "Fère-en-Tardenois", code_postal: "02130", adresse: "2 rue du Moulin", date_maj: "2024-04-02", longitude: 3.5163 },
    // A good point: kept, not asked.
    { id: "laon-1", nom: "France services de Laon", commune: "Laon", code_postal: "02000", adresse: "1 rue Roger Salengro", date_maj: "2024-04-02", latitude: 49.5641, longitude: 3.6199 },
  ]),
);

describe("an import job with a geocoder", () => {
  it("places a row without a usable point from its address at the analysis, shows it, and commits that point", async () => {
    const actorId = (await db.user.create({ data: { email: "import-geocoding@exemple.fr" } })).id;
    const territoryId = (await db.territory.create({ data: { slug: "jobs-geocoding", name: "Géocodage", country: "FR" }, select: { id: true } })).id;
    const queries: string[] = [];
    const addressSearch: AddressSearch = async (query) => {
      queries.push(query);
      return {
        ok: true,
        candidates: [{ label: "2 Rue du Moulin 02130 Fère-en-Tardenois", address: "2 Rue du Moulin", postalCode: "02130", communeCode: "02305", communeName: "Fère-en-Tardenois", latitude: 49.2003, longitude: 3.5163 }],
      };
    };
    const jobId = await enqueueImportJob(db, { territoryId, actorId, fileName: "lieux.json", format: "auto", content: file }, T0);
    expect(await runImportJobs(db, { clock: at(1), addressSearch })).toEqual(["ready"]);
    expect(queries).toEqual(["2 rue du Moulin 02130 Fère-en-Tardenois"]);

    const ready = (await findImportJob(db, jobId, actorId, territoryId, at(1)()))!;
    expect(ready.preview!.issues.filter((issue) => issue.row === 1).map(({ column, why }) => [column, why])).toEqual([
      ["latitude", "Latitude absente alors que la longitude est donnée : les coordonnées du lieu ne sont pas importées."],
      ["adresse", "Placé d'après son adresse : « 2 Rue du Moulin 02130 Fère-en-Tardenois » (49.2003, 3.5163)."],
    ]);

    expect(await confirmImportJob(db, { jobId, actorId, territoryId, planHash: ready.planHash! }, at(2)())).toBe(true);
    // The commit reuses the analysis' points: a geocoder answering otherwise now changes nothing.
    const elsewhere: AddressSearch = async (query) => {
      queries.push(query);
      return { ok: true, candidates: [] };
    };
    expect(await runImportJobs(db, { clock: at(3), addressSearch: elsewhere })).toEqual(["done"]);
    expect(queries).toHaveLength(1);
    const places = await db.place.findMany({ where: { structure: { territoryId } }, select: { name: true, latitude: true, longitude: true }, orderBy: { name: "asc" } });
    expect(places).toEqual([
      { name: "EPN de Fère", latitude: 49.2003, longitude: 3.5163 },
      { name: "France services de Laon", latitude: 49.5641, longitude: 3.6199 },
    ]);
  });

  it("without a geocoder, stores neither half of a pair and places nothing", async () => {
    const actorId = (await db.user.create({ data: { email: "import-sans-geocodeur@exemple.fr" } })).id;
    const territoryId = (await db.territory.create({ data: { slug: "jobs-sans-geocodeur", name: "Sans géocodeur", country: "FR" }, select: { id: true } })).id;
    const jobId = await enqueueImportJob(db, { territoryId, actorId, fileName: "lieux.json", format: "auto", content: file }, T0);
    expect(await runImportJobs(db, { clock: at(1), addressSearch: null })).toEqual(["ready"]);
    const ready = (await findImportJob(db, jobId, actorId, territoryId, at(1)()))!;
    expect(ready.preview!.issues.map((issue) => issue.why).join(" ")).not.toMatch(/Placé d'après son adresse/);
    expect(await confirmImportJob(db, { jobId, actorId, territoryId, planHash: ready.planHash! }, at(2)())).toBe(true);
    expect(await runImportJobs(db, { clock: at(3), addressSearch: null })).toEqual(["done"]);
    const places = await db.place.findMany({ where: { structure: { territoryId } }, select: { name: true, latitude: true, longitude: true }, orderBy: { name: "asc" } });
    expect(places).toEqual([
      { name: "EPN de Fère", latitude: null, longitude: null },
      { name: "France services de Laon", latitude: 49.5641, longitude: 3.6199 },
    ]);

    // Imported again, now with a geocoder, from a file without any point: only the place that
    // Toile has without a point is asked for; Laon keeps its stored point.
    const queries: string[] = [];
    const addressSearch: AddressSearch = async (query) => {
      queries.push(query);
      return { ok: true, candidates: [] };
    };
    const withoutPoints = new TextEncoder().encode(
      JSON.stringify(
        (JSON.parse(new TextDecoder().decode(file)) as Record<string, unknown>[]).map((place) => ({ ...place, latitude: null, longitude: null })),
      ),
    );
    const again = await enqueueImportJob(db, { territoryId, actorId, fileName: "lieux.json", format: "auto", content: withoutPoints }, at(4)());
    expect(await runImportJobs(db, { clock: at(5), addressSearch })).toEqual(["ready"]);
    expect(queries).toEqual(["2 rue du Moulin 02130 Fère-en-Tardenois"]);
    const preview = (await findImportJob(db, again, actorId, territoryId, at(5)()))!.preview!;
    expect(preview.issues.filter((issue) => issue.column === "adresse").map((issue) => [issue.row, issue.why])).toEqual([
      [1, "Adresse introuvable dans la commune (02130 Fère-en-Tardenois) par le service d'adresses : le lieu est importé sans coordonnées."],
    ]);
  });
});

/**
 * The dashboard on the demo territory with its months of activity (lib/demo/activity.ts): the
 * figures shown against the same figures counted here from the demo's own parcours; small counts
 * suppressed; a structure's admins see only the pairs their structure is part of; nobody else
 * sees a dashboard.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { demoParcours, seedDemoActivity } from "@/lib/demo/activity";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { DEMO_TERRITORY_NAME } from "@/lib/demo/territory";
import type { Dashboard } from "./dashboard";
import { platformDashboard, structureDashboard, territoryDashboard } from "./page-data";
import { isMatrix, type IndicatorMatrix, type IndicatorTable } from "./types";

const now = new Date("2026-11-20T10:00:00Z");
/** A custom range over the whole demo activity (it begins 200 days before `now`). */
const WHOLE = { periode: "perso", du: "2026-01", au: "2026-11" };

const actorOf = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;

beforeAll(async () => {
  await seedDemoTerritory(db, new Date("2026-01-05T09:00:00Z"));
  await seedDemoActivity(db, now);
});

const findIndicator = (dashboard: Dashboard, id: string) => dashboard.sections.flatMap((section) => section.items).find((item) => item.id === id);
const table = (dashboard: Dashboard, id: string) => {
  const item = findIndicator(dashboard, id);
  if (!item || isMatrix(item)) throw new Error(`no table ${id}`);
  return item as IndicatorTable;
};
const figure = (dashboard: Dashboard, id: string, key: string, series = "current") => {
  const found = table(dashboard, id);
  return found.series.find((candidate) => candidate.key === series)!.texts[found.categories.findIndex((category) => category.key === key)];
};
const shown = (count: number) => (count > 0 && count < 5 ? "< 5" : String(count));

describe("the network's indicators on the demo territory", () => {
  it("shows the transfers and parcours counted from the demo's own parcours", async () => {
    const page = await territoryDashboard(db, await actorOf("coordination@val-de-lise.exemple.fr"), "val-de-lise", WHOLE, now);
    const parcours = demoParcours(now);
    const steps = parcours.flat();
    expect(steps.length).toBeGreaterThan(120);
    const dashboard = page!.dashboard;
    expect(figure(dashboard, "transferts-chiffres", "sent")).toBe(shown(steps.length));
    expect(figure(dashboard, "transferts-chiffres", "declined")).toBe(shown(steps.filter((step) => step.status === "declined").length));
    expect(figure(dashboard, "transferts-chiffres", "expired")).toBe(shown(steps.filter((step) => step.status === "expired").length));
    expect(figure(dashboard, "transferts-chiffres", "open")).toBe("0");
    expect(figure(dashboard, "parcours-chiffres", "parcours")).toBe(shown(parcours.length));
    for (const size of [1, 2, 3, 4, 5]) {
      const count = parcours.filter((list) => Math.min(new Set(list.flatMap((step) => [step.from, step.to])).size, 5) === size).length;
      expect(figure(dashboard, "parcours-structures", String(size))).toBe(shown(count));
    }
    const dropped = parcours.filter((list) => ["declined", "expired", "cancelled"].includes(list.at(-1)!.status)).length;
    expect(figure(dashboard, "parcours-issue", "dropped")).toBe(shown(dropped));
    const accepted = steps.filter((step) => step.acceptedAt).length;
    const declined = steps.filter((step) => step.status === "declined").length;
    expect(figure(dashboard, "transferts-chiffres", "acceptance")).toBe(`${Math.round((accepted / (accepted + declined)) * 100)} %`);
    // Ping-pong: a transfer to a structure already in the parcours.
    const pingPong = parcours.flatMap((list) => list.filter((step, index) => list.slice(0, index).some((earlier) => earlier.from === step.to || earlier.to === step.to))).length;
    expect(pingPong).toBeGreaterThan(0);
    expect(figure(dashboard, "ping-pong-chiffres", "ping-pong")).toBe(shown(pingPong));
    // The same period a year before holds nothing.
    expect(figure(dashboard, "transferts-chiffres", "sent", "previous")).toBe("0");
  });

  it("suppresses the small counts of the flows: shown as « < 5 », never drawn", async () => {
    const page = await territoryDashboard(db, await actorOf("coordination@val-de-lise.exemple.fr"), "val-de-lise", WHOLE, now);
    const matrix = findIndicator(page!.dashboard, "flux-matrice") as IndicatorMatrix;
    const steps = demoParcours(now).flat();
    const texts = matrix.texts.flat();
    expect(texts).toContain("< 5");
    matrix.texts.forEach((row, rowIndex) =>
      row.forEach((text, columnIndex) => {
        if (text === "< 5") expect(matrix.values[rowIndex]![columnIndex]).toBeNull();
        else expect(Number(text.replace(/\s/g, ""))).toBe(matrix.values[rowIndex]![columnIndex]);
      }),
    );
    // Every cell's number is the pair's count; the small ones are not given.
    const names = new Map((await db.structure.findMany({ select: { id: true, name: true } })).map((structure) => [structure.name, structure.id]));
    expect(names.size).toBeGreaterThan(0);
    const mediatheque = matrix.rows.findIndex((row) => row.label === "Médiathèque Jean-de-La-Fontaine");
    const franceServices = matrix.columns.findIndex((column) => column.label === "Espace France Services du Val de Lise");
    const count = steps.filter((step) => step.from === "mediatheque" && step.to === "france-services").length;
    expect(matrix.texts[mediatheque]![franceServices]).toBe(shown(count));
    // A median over fewer than five cases is not shown.
    const levels = table(page!.dashboard, "transferts-niveau-detail");
    for (const [index, text] of levels.series.find((series) => series.key === "sent")!.texts.entries()) {
      if (text === "< 5") expect(levels.series.find((series) => series.key === "accept-p50")!.texts[index]).toBe("—");
    }
  });

  it("gives a structure's admin only the pairs their structure takes part in", async () => {
    const admin = await actorOf("direction@franceservices.exemple.fr");
    const franceServices = admin.memberships[0]!.structureId;
    const page = await structureDashboard(db, admin, franceServices, WHOLE, now);
    const matrix = findIndicator(page!.dashboard, "flux-matrice") as IndicatorMatrix;
    const name = "Espace France Services du Val de Lise";
    matrix.rows.forEach((row, rowIndex) =>
      matrix.columns.forEach((column, columnIndex) => {
        if (matrix.texts[rowIndex]![columnIndex] !== "0") expect([row.label, column.label]).toContain(name);
      }),
    );
    const steps = demoParcours(now).flat().filter((step) => step.from === "france-services" || step.to === "france-services");
    expect(figure(page!.dashboard, "transferts-chiffres", "sent")).toBe(shown(steps.length));
    // No time or matrix section: those are the territory's.
    expect(page!.dashboard.sections.map((section) => section.id)).toEqual(["parcours", "transferts", "flux"]);

    // Another structure's dashboard, a member who is not admin, a coordinator elsewhere: nothing.
    const ccas = (await db.structure.findFirstOrThrow({ where: { name: "CCAS de Château-Thierry" } })).id;
    expect(await structureDashboard(db, admin, ccas, WHOLE, now)).toBeNull();
    expect(await structureDashboard(db, await actorOf("accueil@franceservices.exemple.fr"), franceServices, WHOLE, now)).toBeNull();
    expect(await territoryDashboard(db, admin, "val-de-lise", WHOLE, now)).toBeNull();
    expect(await platformDashboard(db, await actorOf("coordination@val-de-lise.exemple.fr"), WHOLE, now)).toBeNull();
  });

  it("gives the platform's admins every territory's transfers, by territory, without pairs", async () => {
    const page = await platformDashboard(db, await actorOf("admin@toile.exemple.fr"), WHOLE, now);
    expect(page!.dashboard.sections.map((section) => section.id)).toEqual(["parcours", "transferts"]);
    expect(figure(page!.dashboard, "transferts-chiffres", "sent")).toBe(shown(demoParcours(now).flat().length));
    expect(table(page!.dashboard, "transferts-destinataire").categories.map((category) => category.label)).toEqual([DEMO_TERRITORY_NAME]);
  });

  it("shows the time given: permanence attendance, its requests, appointments and calls", async () => {
    const page = await territoryDashboard(db, await actorOf("coordination@val-de-lise.exemple.fr"), "val-de-lise", WHOLE, now);
    const dashboard = page!.dashboard;
    const sheets = await db.permanenceSheet.findMany({ select: { _count: { select: { lines: true } }, place: { select: { name: true } } }, orderBy: { date: "asc" } });
    const library = table(dashboard, "permanence-2-frequentation");
    expect(library.title).toContain("Médiathèque");
    expect(library.series[0]!.texts).toEqual(sheets.filter((sheet) => sheet.place.name === "Médiathèque").map((sheet) => shown(sheet._count.lines)));
    const attended = await db.appointment.count({ where: { status: "attended" } });
    expect(figure(dashboard, "rendez-vous-chiffres", "attended")).toBe(shown(attended));
    const redirected = await db.phoneCall.count({ where: { outcome: "redirected" } });
    expect(figure(dashboard, "appels-issue", "redirected")).toBe(shown(redirected));
    const requests = findIndicator(dashboard, "demandes-par-mois") as IndicatorMatrix;
    expect(requests.rows.length).toBe(8);
  });
});

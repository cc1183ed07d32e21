import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type SignedInActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { listItems } from "@/lib/territory-lists/queries";
import { createTransfer } from "@/lib/transfers/create";
import { loadCreatePage } from "@/lib/transfers/create-form";
import { transferSchema } from "@/lib/transfers/schemas";
import { sheetCounts } from "./counts";
import { findStructureForPermanences, structurePermanences } from "./queries";
import { deleteLine, linkTransferToLine, lineForTransfer, loadSheet, openSheet, saveLine, saveOutcome } from "./sheets";
import { lineSchema } from "./schemas";

// A Sunday; the permanence at the Maison des Tilleuls is on Tuesdays, 14–17 (Paris: 13–16 UTC).
const now = new Date("2026-11-22T10:00:00Z");
const during = new Date("2026-11-24T13:30:00Z");
const after = new Date("2026-11-24T16:30:00Z");
let lucas: SignedInActor;
let nadia: SignedInActor;
let sophie: SignedInActor;
let offerId: string;
let tilleulsPlaceId: string;
let lienNumerique: string;
let tilleuls: string;
let territoryId: string;

const actor = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;
const line = (sheetId: string, values: Record<string, string>) => lineSchema.parse({ sheetId, ...values });

beforeAll(async () => {
  await seedDemoTerritory(db, now);
  lucas = await actor("informaticien@lien-numerique.exemple.org");
  nadia = await actor("accueil@tilleuls.exemple.org");
  sophie = await actor("accueil@franceservices.exemple.fr");
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Permanence de l'informaticien public" }, select: { id: true, structureId: true, territoryId: true } });
  offerId = offer.id;
  lienNumerique = offer.structureId;
  territoryId = offer.territoryId;
  const place = await db.place.findFirstOrThrow({ where: { name: "Maison de quartier des Tilleuls" }, select: { id: true, structureId: true } });
  tilleulsPlaceId = place.id;
  tilleuls = place.structureId;
});

const tuesday = () => ({ offerId, placeId: tilleulsPlaceId, date: "2026-11-24", startMinute: 14 * 60 });

describe("a structure's permanences", () => {
  it("lists the occurrences of the permanences it holds and those it hosts, for its members only", async () => {
    const held = await structurePermanences(db, (await findStructureForPermanences(db, lucas, lienNumerique))!, now);
    const first = held.coming.find((item) => item.placeId === tilleulsPlaceId)!;
    expect(first).toMatchObject({ date: "2026-11-24", startMinute: 840, endMinute: 1020, role: "holds", hostName: expect.stringContaining("Tilleuls") });
    expect(held.coming.some((item) => item.placeName === "Médiathèque")).toBe(true);
    const hosted = await structurePermanences(db, (await findStructureForPermanences(db, nadia, tilleuls))!, now);
    expect(hosted.coming.filter((item) => item.placeId === tilleulsPlaceId).every((item) => item.role === "hosts")).toBe(true);
    expect(hosted.coming.some((item) => item.placeName === "Médiathèque")).toBe(false);
    expect(await findStructureForPermanences(db, sophie, lienNumerique)).toBeNull();
  });
});

describe("a sheet", () => {
  it("is created once when two people open it at the same time, and only for a real occurrence", async () => {
    const [first, second] = await Promise.all([openSheet(db, lucas, tuesday()), openSheet(db, nadia, tuesday())]);
    expect(first.ok && second.ok && first.sheetId === second.sheetId).toBe(true);
    expect(await db.permanenceSheet.count({ where: { offerId, placeId: tilleulsPlaceId } })).toBe(1);
    expect(await openSheet(db, lucas, { ...tuesday(), date: "2026-11-25" })).toMatchObject({ ok: false, code: "permanence.not_an_occurrence" });
    expect(await openSheet(db, lucas, { ...tuesday(), startMinute: 15 * 60 })).toMatchObject({ ok: false, code: "permanence.not_an_occurrence" });
  });

  it("is kept by the holder and the host, and is a 404 for an outsider", async () => {
    const opened = await openSheet(db, lucas, tuesday());
    const sheetId = opened.ok ? opened.sheetId : "";
    expect((await loadSheet(db, lucas, sheetId, now))?.slices).toEqual([840, 860, 880, 900, 920, 940, 960, 980, 1000]);
    expect(await loadSheet(db, nadia, sheetId, now)).not.toBeNull();
    expect(await loadSheet(db, sophie, sheetId, now)).toBeNull();
    expect(await openSheet(db, sophie, tuesday())).toMatchObject({ ok: false, code: "not_found" });
    expect(await saveLine(db, sophie, line(sheetId, { personLabel: "Intrus", time: "14:00" }), now)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("takes lines during the permanence's hours, walk-ins without a time, and no contact details", async () => {
    const opened = await openSheet(db, lucas, tuesday());
    const sheetId = opened.ok ? opened.sheetId : "";
    expect(await saveLine(db, lucas, line(sheetId, { personLabel: "Mireille", time: "14:20", request: "Mot de passe Ameli" }), now)).toMatchObject({ ok: true });
    expect(await saveLine(db, nadia, line(sheetId, { personLabel: "Jo", otherTime: "16:50" }), now)).toMatchObject({ ok: true });
    expect(await saveLine(db, lucas, line(sheetId, { personLabel: "Anna", walkIn: "on" }), during)).toMatchObject({ ok: true });
    expect(await saveLine(db, lucas, line(sheetId, { personLabel: "Tard", otherTime: "17:00" }), now)).toMatchObject({ ok: false, code: "permanence.time_outside", field: "otherTime" });
    expect(await saveLine(db, lucas, line(sheetId, { personLabel: "Sans heure" }), now)).toMatchObject({ ok: false, code: "permanence.time_required", field: "time" });
    expect(lineSchema.safeParse({ sheetId, personLabel: "06 12 34 56 78", time: "14:00" }).success).toBe(false);
    expect(lineSchema.safeParse({ sheetId, personLabel: "", time: "14:00" }).success).toBe(false);
    const sheet = await loadSheet(db, lucas, sheetId, now);
    expect(sheet!.lines.map((row) => [row.personLabel, row.timeMinute, row.walkIn])).toEqual([
      ["Mireille", 860, false],
      ["Jo", 1010, false],
      ["Anna", null, true],
    ]);
  });

  it("changes and deletes lines before the end, not after; outcomes from the day, with the territory's categories only", async () => {
    const opened = await openSheet(db, lucas, tuesday());
    const sheetId = opened.ok ? opened.sheetId : "";
    const added = await saveLine(db, lucas, line(sheetId, { personLabel: "Paul", time: "15:00" }), now);
    const lineId = added.ok ? added.lineId : "";
    expect(await saveLine(db, lucas, line(sheetId, { lineId, personLabel: "Paulo", time: "15:20" }), now)).toMatchObject({ ok: true });
    expect(await saveLine(db, lucas, line(sheetId, { lineId, personLabel: "Paul", time: "15:20" }), after)).toMatchObject({ ok: false, code: "permanence.sheet_closed" });
    expect(await deleteLine(db, lucas, { sheetId, lineId }, after)).toMatchObject({ ok: false, code: "permanence.sheet_closed" });

    const categories = await listItems(db, territoryId, "request_category");
    const outcome = { sheetId, lineId, categoryId: categories[0]!.id, result: "redirected" as const, resultNote: "CCAS" };
    expect(await saveOutcome(db, lucas, outcome, now)).toMatchObject({ ok: false, code: "permanence.outcome_too_early", field: "result" });
    expect(await saveOutcome(db, nadia, outcome, during)).toEqual({ ok: true });
    const other = await db.territory.create({ data: { slug: "autre-listes", name: "Autre", country: "FR" } });
    const foreign = (await listItems(db, other.id, "request_category"))[0]!;
    expect(await saveOutcome(db, lucas, { ...outcome, categoryId: foreign.id }, during)).toMatchObject({ ok: false, code: "permanence.category_unknown", field: "categoryId" });
    expect((await loadSheet(db, lucas, sheetId, after))!.lines.find((row) => row.id === lineId)).toMatchObject({ categoryLabel: categories[0]!.label, result: "redirected", resultNote: "CCAS" });

    const removable = await saveLine(db, lucas, line(sheetId, { personLabel: "Annulé", time: "16:00" }), now);
    expect(await deleteLine(db, nadia, { sheetId, lineId: removable.ok ? removable.lineId : "" }, now)).toEqual({ ok: true });
  });

  it("links a transfer started from a line once, and counts without names", async () => {
    const opened = await openSheet(db, lucas, tuesday());
    const sheetId = opened.ok ? opened.sheetId : "";
    const added = await saveLine(db, lucas, line(sheetId, { personLabel: "Zoé", time: "16:20", request: "Dossier CAF bloqué" }), now);
    const lineId = added.ok ? added.lineId : "";
    expect(await lineForTransfer(db, sophie, lineId)).toBeNull();
    expect(await lineForTransfer(db, lucas, lineId)).toMatchObject({ personLabel: "Zoé", request: "Dossier CAF bloqué", offerStructureId: lienNumerique });
    const target = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" }, select: { id: true } });
    const page = await loadCreatePage(db, lucas, { offerId: target.id, sheetLineId: lineId, now });
    expect(page!.defaults).toMatchObject({ sheetLineId: lineId, personLabel: "Zoé", needDescription: "Dossier CAF bloqué", fromStructureId: lienNumerique });
    expect((await loadCreatePage(db, sophie, { offerId: target.id, sheetLineId: lineId, now }))?.defaults).toMatchObject({ sheetLineId: "", personLabel: "" });
    const input = transferSchema.parse({ ...page!.defaults, intent: "draft", documents: [] });
    expect(await createTransfer(db, sophie, { ...input, fromStructureId: sophie.memberships[0]!.structureId }, now)).toEqual({ ok: false, reason: "not_found" });
    const created = await createTransfer(db, lucas, input, now);
    expect(created.ok).toBe(true);
    const transferId = created.ok ? created.transferId : "";
    expect((await loadSheet(db, nadia, sheetId, now))!.lines.find((row) => row.id === lineId)?.transfer).toEqual({ id: transferId, code: created.ok ? created.code : "" });
    expect(await db.$transaction((tx) => linkTransferToLine(tx, lineId, transferId))).toBe(false);
    expect(await lineForTransfer(db, lucas, lineId)).toBeNull();
    expect(await deleteLine(db, lucas, { sheetId, lineId }, now)).toMatchObject({ ok: false, code: "permanence.line_has_transfer" });

    const counts = await sheetCounts(db, territoryId, { from: "2026-11-23", until: "2026-11-30" });
    expect(counts).toMatchObject({ sheets: 1, walkIns: 1, byResult: { redirected: 1 } });
    expect(counts.lines).toBe(await db.permanenceSheetLine.count({ where: { sheetId } }));
    expect(JSON.stringify(counts)).not.toContain("Zoé");
    expect(await sheetCounts(db, territoryId, { from: "2026-12-01", until: "2026-12-08" })).toMatchObject({ sheets: 0, lines: 0 });
  });
});

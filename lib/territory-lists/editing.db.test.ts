import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_LIST_ITEMS } from "./defaults";
import { addItem, moveItem, renameItem, setArchived } from "./editing";
import { listItems } from "./queries";
import { addItemSchema } from "./schemas";

const now = new Date("2026-11-22T10:00:00Z");

describe("editing a territory's short list", () => {
  it("adds at the end, keeps labels unique whatever their case, renames, reorders, archives and restores", async () => {
    const territory = await db.territory.create({ data: { slug: "listes-edition", name: "Listes", country: "FR" } });
    const territoryId = territory.id;
    expect(await addItem(db, { territoryId, kind: "request_category", label: "Aide aux courses en ligne" })).toEqual({ ok: true });
    let items = await listItems(db, territoryId, "request_category");
    expect(items.map((item) => item.label)).toEqual([...DEFAULT_LIST_ITEMS.request_category, "Aide aux courses en ligne"]);
    expect(await addItem(db, { territoryId, kind: "request_category", label: "recherche de logement" })).toMatchObject({ ok: false, code: "territory_list.label_taken", field: "label" });
    expect(addItemSchema.safeParse({ territoryId, kind: "request_category", label: " " }).success).toBe(false);

    const last = items.at(-1)!;
    expect(await renameItem(db, { territoryId, itemId: last.id, label: "Courses en ligne" })).toEqual({ ok: true });
    expect(await renameItem(db, { territoryId, itemId: last.id, label: "Autre demande" })).toMatchObject({ ok: false, code: "territory_list.label_taken" });
    expect(await moveItem(db, { territoryId, itemId: last.id, direction: "up" })).toEqual({ ok: true });
    items = await listItems(db, territoryId, "request_category");
    expect(items.slice(-2).map((item) => item.label)).toEqual(["Courses en ligne", "Autre demande"]);
    const first = items[0]!;
    expect(await moveItem(db, { territoryId, itemId: first.id, direction: "up" })).toEqual({ ok: true });
    expect((await listItems(db, territoryId, "request_category"))[0]!.id).toBe(first.id);

    expect(await setArchived(db, { territoryId, itemId: first.id, archived: true }, now)).toEqual({ ok: true });
    expect((await listItems(db, territoryId, "request_category")).some((item) => item.id === first.id)).toBe(false);
    expect(await setArchived(db, { territoryId, itemId: first.id, archived: false }, now)).toEqual({ ok: true });
    expect((await listItems(db, territoryId, "request_category"))[0]!.id).toBe(first.id);
  });

  it("touches only its own territory's items", async () => {
    const mine = await db.territory.create({ data: { slug: "listes-a", name: "A", country: "FR" } });
    const other = await db.territory.create({ data: { slug: "listes-b", name: "B", country: "FR" } });
    const foreign = (await listItems(db, other.id, "usage_skill"))[0]!;
    expect(await renameItem(db, { territoryId: mine.id, itemId: foreign.id, label: "Piraté" })).toEqual({ ok: false, code: "not_found" });
    expect(await setArchived(db, { territoryId: mine.id, itemId: foreign.id, archived: true }, now)).toEqual({ ok: false, code: "not_found" });
    expect(await moveItem(db, { territoryId: mine.id, itemId: foreign.id, direction: "down" })).toEqual({ ok: false, code: "not_found" });
    expect((await listItems(db, other.id, "usage_skill"))[0]).toEqual(foreign);
  });
});

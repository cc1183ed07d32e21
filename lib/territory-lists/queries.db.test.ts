import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_LIST_ITEMS } from "./defaults";
import { listItems } from "./queries";

describe("a territory's short lists", () => {
  it("start with the defaults, written once even when read twice at the same moment", async () => {
    const territory = await db.territory.create({ data: { slug: "listes", name: "Listes", country: "BE" } });
    const [first, second] = await Promise.all([listItems(db, territory.id, "request_category"), listItems(db, territory.id, "request_category")]);
    expect(first.map((item) => item.label)).toEqual(DEFAULT_LIST_ITEMS.request_category);
    expect(second).toHaveLength(DEFAULT_LIST_ITEMS.request_category.length);
    expect(await db.territoryListItem.count({ where: { territoryId: territory.id } })).toBe(DEFAULT_LIST_ITEMS.request_category.length);
  });

  it("hide archived items unless asked, and never bring the defaults back once edited", async () => {
    const territory = await db.territory.create({ data: { slug: "listes-2", name: "Listes 2", country: "FR" } });
    const skills = await listItems(db, territory.id, "usage_skill");
    await db.territoryListItem.updateMany({ where: { territoryId: territory.id }, data: { archivedAt: new Date("2026-01-01T00:00:00Z") } });
    expect(await listItems(db, territory.id, "usage_skill")).toEqual([]);
    expect((await listItems(db, territory.id, "usage_skill", { withArchived: true })).map((item) => item.archived)).toEqual(skills.map(() => true));
  });
});

import { db } from "@/lib/db";

/** Territories with at least one published structure, for the home page. */
export function listTerritories() {
  return db.territory.findMany({
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      _count: { select: { structures: { where: { status: "published" } } } },
    },
  });
}

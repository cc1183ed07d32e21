import { db } from "@/lib/db";
import { ByVersion } from "@/lib/public-search/by-version";

const published = new ByVersion<{ slug: string; name: string; _count: { structures: number } }[]>(1);

/**
 * Territories with their count of published structures, for the site's home. Kept until a
 * territory is added, renamed or removed, or its published data changes (its `searchVersion`:
 * publishing a structure bumps it): one read of the territories' rows instead of counting every
 * structure of the country.
 */
export async function listTerritories() {
  const [state] = await db.$queryRaw<{ version: string }[]>`
    SELECT coalesce(md5(string_agg(id::text || ':' || slug || ':' || name || ':' || "searchVersion", ',' ORDER BY id)), '') AS version FROM "Territory"`;
  return published.get("all", state?.version ?? "", () =>
    db.territory.findMany({
      orderBy: { name: "asc" },
      select: { slug: true, name: true, _count: { select: { structures: { where: { status: "published" } } } } },
    }),
  );
}

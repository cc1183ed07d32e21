/**
 * Brings a database to the state the application needs: migrations applied, reference
 * vocabularies loaded, and (when asked) the demo territory.
 */
import { createPrismaClient } from "@/lib/db";
import { seedVocabularies } from "@/lib/vocabularies/seed";
import { applyMigrations } from "./schema-engine";

export interface PrepareOptions {
  url: string;
  /** Load the demo territory if it is not there yet. */
  demo: boolean;
  log?: (line: string) => void;
}

export async function prepareDatabase({ url, demo, log = () => {} }: PrepareOptions) {
  const applied = await applyMigrations({ url });
  if (applied.length > 0) log(`Migrations appliquées : ${applied.join(", ")}`);
  // One connection: the advisory lock below is held by that session. Instances starting at once
  // on an empty database seed one after the other (the migrations have their own lock), not
  // together into a duplicate key.
  const db = createPrismaClient(url, 1);
  try {
    await db.$executeRaw`SELECT pg_advisory_lock(hashtext('toile.prepare-database'))`;
    await seedVocabularies(db);
    if (demo) {
      // Loaded only when asked: test templates and production servers never need the demo.
      const { seedDemoTerritory } = await import("@/lib/demo/seed");
      const { created } = await seedDemoTerritory(db);
      if (created) {
        // Its past months of activity, for the network's indicators (kept out of the tests' territory).
        const { seedDemoActivity } = await import("@/lib/demo/activity");
        await seedDemoActivity(db, new Date());
        log("Territoire de démonstration chargé.");
      }
    }
  } finally {
    await db.$executeRaw`SELECT pg_advisory_unlock(hashtext('toile.prepare-database'))`.catch(() => undefined);
    await db.$disconnect();
  }
}

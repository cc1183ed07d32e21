/**
 * npm run db:migrate | db:migration -- <name> | db:seed | db:reset
 *
 * Each works on DATABASE_URL when it is set, otherwise on the embedded database in .data/
 * (TOILE_DATA_DIR to change it). No Prisma binary is needed: see lib/database/schema-engine.ts.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { assertDatabaseReachable, describeDatabaseUrl } from "@/lib/database/connection";
import { DEFAULT_DATA_DIR, startEmbeddedDatabase } from "@/lib/database/embedded";
import { prepareDatabase } from "@/lib/database/prepare";
import { applyMigrations, createMigration, resetDatabase } from "@/lib/database/schema-engine";
import { loadDotEnv } from "./lib/env";
import { ROOT, runCli, StartupError } from "./lib/serve";

async function withDatabase(work: (url: string) => Promise<void>) {
  const external = process.env.DATABASE_URL;
  if (external) {
    await assertDatabaseReachable(external);
    return work(external);
  }
  const embedded = await startEmbeddedDatabase({ dataDir: dataDir() });
  try {
    await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}

const dataDir = () => path.resolve(ROOT, process.env.TOILE_DATA_DIR || DEFAULT_DATA_DIR);

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async migrate() {
    await withDatabase(async (url) => {
      const applied = await applyMigrations({ url });
      console.log(applied.length ? `Appliquées : ${applied.join(", ")}` : "Aucune migration en attente.");
    });
  },

  async migration([name]) {
    if (!name) throw new StartupError("Donnez un nom à la migration : npm run db:migration -- ajout_des_comptes");
    // Two throwaway in-memory databases: the engine replays the migrations folder in the
    // second one and compares it with schema.prisma. No server is needed.
    const scratch = await startEmbeddedDatabase({ dataDir: null });
    const shadow = await startEmbeddedDatabase({ dataDir: null });
    try {
      const created = await createMigration(name, { url: scratch.url, shadowUrl: shadow.url });
      console.log(
        created
          ? `Nouvelle migration : ${path.relative(ROOT, created.directory)}\n\n${created.sql}`
          : "schema.prisma et les migrations sont déjà d'accord : aucune migration créée.",
      );
    } finally {
      await scratch.stop();
      await shadow.stop();
    }
  },

  async seed() {
    await withDatabase((url) => prepareDatabase({ url, demo: true, log: console.log }));
  },

  async reset(args) {
    const external = process.env.DATABASE_URL;
    if (external) {
      if (!args.includes("--yes")) {
        throw new StartupError(
          `Ceci efface toute la base ${describeDatabaseUrl(external)}. Pour confirmer : npm run db:reset -- --yes`,
        );
      }
      await assertDatabaseReachable(external);
      await resetDatabase({ url: external });
    } else {
      await rm(dataDir(), { recursive: true, force: true });
      console.log(`Dossier ${path.relative(ROOT, dataDir())} effacé.`);
    }
    await withDatabase((url) => prepareDatabase({ url, demo: true, log: console.log }));
  },
};

runCli(async () => {
  loadDotEnv();
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) throw new StartupError(`usage : db.ts ${Object.keys(commands).join("|")}`);
  await command(args);
});

/**
 * `npm run bench:seed`: a realistic national-scale dataset for `npm run bench` (issue 5).
 *
 *   npm run bench:seed                        # default: scale 1, seed 1, into toile_bench
 *   npm run bench:seed -- --scale 0.01        # a quick small run
 *   npm run bench:seed -- --seed 7            # another (still reproducible) dataset
 *   npm run bench:seed -- --date 2026-11-02   # "today" for verification dates and closures
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/mydb npm run bench:seed [-- --force]
 *
 * At scale 1: 100 territories (real French EPCIs and départements, 4 Belgian provinces), 30,000
 * structures, 45,000 places, 100,000 offers with terms, hours, exceptions and publics. Same seed,
 * same data (ids included); dates are relative to --date (default: today). Coordinates are
 * approximate (see bench/dataset/geography.ts).
 *
 * Without DATABASE_URL it DROPS and recreates the database `toile_bench` on
 * postgresql://postgres@127.0.0.1:5432 and writes there. With DATABASE_URL it writes into that
 * database, replacing a previous benchmark dataset (territories "bench-…"), and refuses a database
 * that holds other territories unless --force. Migrations and vocabularies are applied first.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { describeDatabaseUrl } from "@/lib/database/connection";

const BENCH_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const BENCH_DATABASE = "toile_bench";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: "1" },
    force: { type: "boolean", default: false },
    date: { type: "string" },
  },
});
const scale = Number(values.scale);
const seed = Number(values.seed);
const referenceDate = values.date ? new Date(`${values.date}T00:00:00Z`) : undefined;
if (!(scale > 0) || !Number.isInteger(seed) || (referenceDate && Number.isNaN(referenceDate.getTime()))) {
  console.error("Usage : npm run bench:seed -- [--scale 0.01] [--seed 1] [--date 2026-11-02] [--force]");
  process.exit(1);
}

async function createBenchDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: BENCH_SERVER });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(BENCH_SERVER);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

const url = process.env.DATABASE_URL ?? (await createBenchDatabase());
console.log(
  process.env.DATABASE_URL
    ? `Base : ${describeDatabaseUrl(url)} (DATABASE_URL)`
    : `Base : ${describeDatabaseUrl(url)} (recréée pour le benchmark)`,
);
console.log(`Échelle ${scale}, graine ${seed}`);
// lib/db.ts creates its client from DATABASE_URL when first imported: point it here too.
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_MAX = "1";
const { RefusedDatabaseError, seedBenchmark } = await import("./dataset/seed-benchmark");
try {
  const result = await seedBenchmark(url, { scale, seed, referenceDate, force: values.force, log: (line) => console.log(line) });
  const rows = result.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(
    `Terminé : ${rows.toLocaleString("fr-FR")} lignes en ${(result.milliseconds / 1000).toFixed(1)} s ; ` +
      `taille de la base ${(result.databaseBytes / 1024 / 1024).toFixed(0)} Mio.`,
  );
} catch (error) {
  if (error instanceof RefusedDatabaseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
process.exit(0);

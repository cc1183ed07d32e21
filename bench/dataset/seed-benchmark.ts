/**
 * The benchmark dataset's whole run on one database: refuse a database holding real territories,
 * migrate and load the vocabularies, replace any previous benchmark data, generate, write, analyse.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { BENCH_SLUG_PREFIX, generateDataset, type TermIds } from "./generate";
import { writeActivity } from "./activity";
import { writeDataset, type TableReport } from "./write";

export interface SeedBenchmarkOptions {
  scale: number;
  seed: number;
  /** Write even when the database holds territories that are not the benchmark's. */
  force?: boolean;
  /** "Today" for verification dates and exceptions (default: today, midnight UTC). */
  referenceDate?: Date;
  log?: (line: string) => void;
}

export interface SeedBenchmarkResult {
  tables: TableReport[];
  milliseconds: number;
  databaseBytes: number;
}

export class RefusedDatabaseError extends Error {}

function todayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

async function otherTerritories(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass('"Territory"') IS NOT NULL AS exists`);
  if (!rows[0]?.exists) return 0;
  const result = await client.query<{ count: string }>(`SELECT count(*) FROM "Territory" WHERE slug NOT LIKE $1`, [`${BENCH_SLUG_PREFIX}%`]);
  return Number(result.rows[0]!.count);
}

async function readTermIds(client: pg.Client): Promise<TermIds> {
  const { rows } = await client.query<{ id: string; vocabularyKey: string; code: string }>(
    `SELECT id, "vocabularyKey", code FROM "VocabularyTerm"`,
  );
  const ids: TermIds = new Map();
  for (const row of rows) {
    if (!ids.has(row.vocabularyKey)) ids.set(row.vocabularyKey, new Map());
    ids.get(row.vocabularyKey)!.set(row.code, row.id);
  }
  return ids;
}

export async function seedBenchmark(url: string, options: SeedBenchmarkOptions): Promise<SeedBenchmarkResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const others = await otherTerritories(client);
    if (others > 0 && !options.force) {
      throw new RefusedDatabaseError(
        `Cette base contient ${others} territoire(s) qui ne viennent pas du benchmark : rien n'est écrit (ajoutez --force pour écrire quand même).`,
      );
    }
    const { prepareDatabase } = await import("@/lib/database/prepare");
    let step = performance.now();
    await prepareDatabase({ url, demo: false, log });
    log(`Migrations et vocabulaires : ${((performance.now() - step) / 1000).toFixed(1)} s`);

    step = performance.now();
    const data = generateDataset(await readTermIds(client), {
      scale: options.scale,
      seed: options.seed,
      referenceDate: options.referenceDate ?? todayUtc(),
    });
    log(`Génération en mémoire : ${((performance.now() - step) / 1000).toFixed(1)} s`);

    step = performance.now();
    // A previous benchmark dataset is replaced (transfers, then structures: a territory's are Restrict).
    const benchTerritories = `(SELECT id FROM "Territory" WHERE slug LIKE $1)`;
    await client.query(`DELETE FROM "Transfer" WHERE "territoryId" IN ${benchTerritories}`, [`${BENCH_SLUG_PREFIX}%`]);
    for (const table of ["TransferMonthStat", "ParcoursMonthStat"]) await client.query(`DELETE FROM "${table}" WHERE "scopeId" IN ${benchTerritories} OR "scopeId" = '00000000-0000-0000-0000-000000000000'`, [`${BENCH_SLUG_PREFIX}%`]);
    await client.query(`DELETE FROM "IndicatorStaleMonth" WHERE "territoryId" IN ${benchTerritories}`, [`${BENCH_SLUG_PREFIX}%`]);
    await client.query(`DELETE FROM "Structure" WHERE "territoryId" IN (SELECT id FROM "Territory" WHERE slug LIKE $1)`, [`${BENCH_SLUG_PREFIX}%`]);
    await client.query(`DELETE FROM "Territory" WHERE slug LIKE $1`, [`${BENCH_SLUG_PREFIX}%`]);
    log(`Ancien jeu de benchmark effacé : ${((performance.now() - step) / 1000).toFixed(1)} s`);

    const tables = await writeDataset(client, data, log);
    // A year of network activity (issue 19), and the indicators' monthly summaries computed from it.
    const activity = await writeActivity(client, {
      scale: options.scale,
      seed: options.seed,
      referenceDate: options.referenceDate ?? todayUtc(),
      slugPrefix: BENCH_SLUG_PREFIX,
      log,
    });
    tables.push({ table: "Transfer", rows: activity.transfers, milliseconds: activity.milliseconds }, { table: "TransferEvent", rows: activity.events, milliseconds: 0 });
    step = performance.now();
    await client.query("ANALYZE \"Transfer\"");
    const { refreshStaleMonths } = await import("@/lib/indicators/summary");
    const { db } = await import("@/lib/db");
    const months = await refreshStaleMonths(db, { limit: 1_000_000 });
    log(`Indicateurs : ${months} mois de territoire résumés en ${((performance.now() - step) / 1000).toFixed(1)} s`);
    step = performance.now();
    // Fresh statistics, so the benchmark measures the plans the real database would choose.
    await client.query("ANALYZE");
    log(`ANALYZE : ${((performance.now() - step) / 1000).toFixed(1)} s`);
    const size = await client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes");
    return { tables, milliseconds: performance.now() - started, databaseBytes: Number(size.rows[0]!.bytes) };
  } finally {
    await client.end();
  }
}

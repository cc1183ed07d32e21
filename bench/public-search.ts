/**
 * The public search at national scale (issue 5), on the dataset of `npm run bench:seed`:
 * - the search page's latency and throughput under concurrent load, against the same server's
 *   cheapest dynamic route (`/api/sante` is the floor), and the ratio between them (target: 40 %);
 * - the query plans of the search's SQL (they must use indexes);
 * - the bytes the public pages transfer (HTML, CSS, JS), raw and gzipped.
 * It starts the production build (`next start`) on a free local port against `toile_bench`
 * (or BENCH_DATABASE_URL), and stops it at the end.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { needsBuild } from "@/scripts/lib/serve";
import { load, type LoadResult } from "./load";

const ROOT = path.resolve(import.meta.dirname, "..");
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toile_bench";
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 16;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** The benchmark territory with the most published offers, and one of its communes. */
async function pickTerritory(client: pg.Client) {
  const { rows } = await client.query<{ slug: string; communeCode: string; postalCode: string }>(`
    SELECT t.slug, min(p."communeCode") AS "communeCode", min(p."postalCode") AS "postalCode"
    FROM "Territory" t JOIN "Structure" s ON s."territoryId" = t.id JOIN "Place" p ON p."structureId" = s.id
    WHERE t.slug LIKE 'bench-%' AND t.country = 'FR'
    GROUP BY t.slug
    ORDER BY count(*) DESC
    LIMIT 1`);
  return rows[0];
}

export const line = (name: string, result: LoadResult) =>
  `${name.padEnd(44)} ${result.throughput.toFixed(0).padStart(6)} req/s   p50 ${result.p50.toFixed(1).padStart(7)} ms   p95 ${result.p95
    .toFixed(1)
    .padStart(7)} ms   (${result.requests} requests, ${result.failures} failed)`;

/** CPU time (ms) of a process and its children so far, from /proc (Linux); null elsewhere. */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in 1/100 s
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return children.reduce((sum, child) => sum + (cpuMs(Number(child)) ?? 0), own);
  } catch {
    return null;
  }
}

/**
 * Where a load's time goes: CPU of the Node server and of the PostgreSQL sessions of the bench
 * database (same machine), per request. Measured around `run`; null when /proc is not readable.
 */
async function withCpu(client: pg.Client, serverPid: number, run: () => Promise<LoadResult>) {
  const backends = async () =>
    (await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).rows.map(({ pid }) => pid);
  const before = new Map((await backends()).map((pid) => [pid, cpuMs(pid)]));
  const node0 = cpuMs(serverPid);
  const result = await run();
  const node1 = cpuMs(serverPid);
  // Sessions opened during the run count from zero; one closed meanwhile is left out.
  let pg1: number | null = null;
  for (const pid of new Set([...before.keys(), ...(await backends())])) {
    const [start, end] = [before.get(pid) ?? 0, cpuMs(pid)];
    if (end !== null) pg1 = (pg1 ?? 0) + end - start;
  }
  const perRequest = (ms: number | null) => (ms === null ? "?" : (ms / Math.max(1, result.requests)).toFixed(1));
  return { result, cpu: `CPU par requête : Node ${perRequest(node0 === null || node1 === null ? null : node1 - node0)} ms, PostgreSQL ${perRequest(pg1)} ms` };
}

/**
 * What a page makes a browser download: its HTML, and the stylesheets and scripts it links. The
 * `noModule` scripts (polyfills) are counted apart: only browsers without ES modules fetch them.
 */
async function pageBytes(base: string, pathname: string) {
  const html = await (await fetch(base + pathname)).text();
  const assets = [...html.matchAll(/<(script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"([^>]*)>/g)].map((match) => ({
    url: match[2]!,
    noModule: /\snoModule/i.test(match[1]! + match[3]!),
  }));
  const sizes = { html: [html.length, gzipSync(html).length], css: [0, 0], js: [0, 0], legacy: [0, 0] };
  for (const { url, noModule } of new Map(assets.map((asset) => [asset.url, asset])).values()) {
    const body = Buffer.from(await (await fetch(new URL(url, base))).arrayBuffer());
    const kind = url.split("?")[0]!.endsWith(".css") ? "css" : noModule ? "legacy" : "js";
    sizes[kind][0]! += body.length;
    sizes[kind][1]! += gzipSync(body).length;
  }
  const kib = ([raw, gzipped]: number[]) => `${(raw! / 1024).toFixed(1)} KiB (${(gzipped! / 1024).toFixed(1)} KiB gzip)`;
  return `${pathname}\n    HTML ${kib(sizes.html)}, CSS ${kib(sizes.css)}, JS ${kib(sizes.js)} (async, after the page is usable), + noModule polyfills for old browsers only ${kib(sizes.legacy)}`;
}

/** EXPLAIN of every SQL statement the search runs for a query, through Prisma's query events. */
async function searchPlans(slug: string, query: Record<string, string>) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const statements: { sql: string; params: unknown[] }[] = [];
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: BENCH_DATABASE_URL, max: 2 }), log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", (event) => statements.push({ sql: event.query, params: JSON.parse(event.params) }));
  const { parseSearchFilters } = await import("@/lib/public-search/filters");
  const { searchOffers } = await import("@/lib/public-search/queries");
  await searchOffers(prisma as never, slug, parseSearchFilters(query).filters, new Date());
  await prisma.$disconnect();
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  const plans: string[] = [];
  try {
    for (const { sql, params } of statements) {
      if (!/^\s*SELECT/i.test(sql)) continue;
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql}`, params);
      const plan = rows.map((row) => row["QUERY PLAN"]);
      const scans = plan.filter((text) => /Scan/.test(text)).map((text) => text.trim().replace(/^->\s*/, ""));
      plans.push(`${sql.slice(0, 110).replace(/\s+/g, " ")}…\n      ${scans.join("\n      ")}\n      ${plan.at(-1)}`);
    }
  } finally {
    await client.end();
  }
  return plans;
}

/**
 * The production build (built first if stale) served by `next start` on a free port against the
 * benchmark database; ready when the health route answers.
 */
export async function startProductionServer() {
  if (needsBuild(ROOT)) {
    console.log("Construction de production (next build)…");
    const build = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build a échoué.");
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: BENCH_DATABASE_URL, DATABASE_POOL_MAX: "10", NEXTAUTH_SECRET: "bench", NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${base}/api/sante`).then((response) => response.ok, () => false);
    if (ready) break;
    if (attempt > 120) {
      server.kill("SIGTERM");
      throw new Error("Le serveur ne répond pas.");
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { base, server };
}

export async function benchPublicSearch(): Promise<void> {
  console.log("\n— Recherche publique à l'échelle nationale (issue 5) —");
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  try {
    await client.connect();
  } catch {
    console.log(`Base ${BENCH_DATABASE_URL} injoignable : lancez d'abord \`npm run bench:seed\`. Mesure sautée.`);
    return;
  }
  const territory = await pickTerritory(client).finally(() => client.end());
  // A dataset seeded before a later migration (a new column the pages read): bring it up to date.
  const { applyMigrations } = await import("@/lib/database/schema-engine");
  const applied = await applyMigrations({ url: BENCH_DATABASE_URL });
  if (applied.length > 0) console.log(`Migrations appliquées à la base de banc d'essai : ${applied.join(", ")}`);
  if (!territory) {
    console.log("Aucun territoire de banc d'essai : lancez d'abord `npm run bench:seed`. Mesure sautée.");
    return;
  }
  const { base, server } = await startProductionServer();
  try {
    const home = `/t/${territory.slug}`;
    const searches = [
      `${home}/recherche?besoin=mot-de-passe`,
      `${home}/recherche?q=refaire+mon+cv`,
      `${home}/recherche?besoin=demarches-administratives&acces=sans-rendez-vous&gratuit=1`,
      `${home}/recherche?commune=${territory.postalCode}&ouvert=aujourdhui`,
      `${home}/recherche?q=impots&page=2`,
    ];
    const status = (await fetch(base + searches[0]!)).status;
    if (status !== 200) {
      console.log(`La page de recherche répond ${status} : pas encore de recherche à mesurer.`);
      return;
    }
    console.log(`Territoire ${territory.slug}, ${CONCURRENCY} clients en parallèle, ${DURATION_MS / 1000} s par mesure.`);
    await load([`${base}/api/sante`, ...searches.map((search) => base + search)], { concurrency: 4, durationMs: 3000 }); // warm-up
    const sessions = new pg.Client({ connectionString: BENCH_DATABASE_URL });
    await sessions.connect();
    const floorRun = await withCpu(sessions, server.pid!, () => load([`${base}/api/sante`], { concurrency: CONCURRENCY, durationMs: DURATION_MS }));
    const searchRun = await withCpu(sessions, server.pid!, () => load(searches.map((search) => base + search), { concurrency: CONCURRENCY, durationMs: DURATION_MS }));
    // For reference, what any App Router page costs on this server: an unknown territory's home
    // (one indexed query, then the 404 page with the site's layout). Not the target's floor; the
    // reason the results page is a route handler writing HTML (lib/html/html.ts).
    const pageRun = await withCpu(sessions, server.pid!, () =>
      load([`${base}/t/bench-inconnu`], { concurrency: CONCURRENCY, durationMs: DURATION_MS, expectStatus: 404 }),
    );
    await sessions.end();
    const [floor, search] = [floorRun.result, searchRun.result];
    console.log(`${line("plancher (/api/sante)", floor)}\n    ${floorRun.cpu}`);
    console.log(`${line("page de recherche (5 recherches en alternance)", search)}\n    ${searchRun.cpu}`);
    const ratio = search.throughput / floor.throughput;
    console.log(`rapport recherche / plancher : ${(ratio * 100).toFixed(0)} % (objectif : 40 % au moins) ${ratio >= 0.4 ? "✓" : "✗"}`);
    console.log(`\nPour comparaison, ce que coûte une page quelconque ici :\n${line("page React 404 (territoire inconnu, une requête)", pageRun.result)}\n    ${pageRun.cpu}`);
    console.log(`rapport recherche / page React 404 : ${((search.throughput / pageRun.result.throughput) * 100).toFixed(0)} %`);

    console.log("\nPlans des requêtes SQL de la recherche (besoin + sans rendez-vous + gratuit) :");
    for (const plan of await searchPlans(territory.slug, { besoin: "demarches-administratives", acces: "sans-rendez-vous", gratuit: "1" })) console.log(`  ${plan}`);

    console.log("\nOctets transférés par les pages publiques :");
    for (const pathname of [home, searches[0]!]) console.log(`  ${await pageBytes(base, pathname)}`);
  } finally {
    server.kill("SIGTERM");
  }
}

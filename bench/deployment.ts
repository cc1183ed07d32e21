/**
 * Issue 20's deployment figures, on a production server (scripts/next-server.mjs, as `npm start`
 * runs it) against PostgreSQL, with the demo territory in a fresh database `toile_bench_deploy`
 * on the bench's server (BENCH_DATABASE_URL's):
 *
 * 1. Through a real caching reverse proxy (Varnish, from Debian's packages, started here with its
 *    default rules: requests with a cookie pass, `s-maxage` sets the time kept): the public pages'
 *    throughput and the share of cache hits, beside the same pages served directly and the
 *    uncached floor (`/api/sante`).
 * 2. A soak: BENCH_SOAK_MINUTES (10) of mixed traffic at fixed concurrency — public pages and
 *    search, API pages, the signed-in inbox and matrix, transfers created and accepted through
 *    their forms as a browser without JavaScript posts them. Reports errors, p95 per route, lost
 *    or duplicated transfers, and the server's memory after the run against after warm-up.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { prepareDatabase } from "@/lib/database/prepare";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { needsBuild } from "@/scripts/lib/serve";
import { urlForDatabase, withAdmin } from "@/tests/support/test-database";
import { firstOption, formFields } from "./html-form";
import { freePort, stop, waitFor } from "./processes";
import { load, percentile, type LoadResult } from "./load";
import { BENCH_DATABASE_URL } from "./public-search";

const ROOT = path.resolve(import.meta.dirname, "..");
const DATABASE = "toile_bench_deploy";
const SENDER = "informaticien@lien-numerique.exemple.org";
const RECEIVER = "accueil@franceservices.exemple.fr";
const COORDINATOR = "coordination@val-de-lise.exemple.fr";
const RECEIVING_STRUCTURE = "Espace France Services";

/** Resident memory of a process, in MiB (Linux). */
function residentMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((row) => row.startsWith("VmRSS:"));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

async function startApp(databaseUrl: string): Promise<{ base: string; server: ChildProcess }> {
  if (needsBuild()) spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(ROOT, "scripts/next-server.mjs"), "start", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: "10",
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      TOILE_DATA_KEY: randomBytes(32).toString("hex"),
      NEXTAUTH_URL: base,
      // Behind the cache the Host header is the cache's address, as behind any proxy that keeps
      // the client's Host: the deployment setting for that (README, TOILE_TRUST_HOST).
      TOILE_TRUST_HOST: "1",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  await waitFor(`${base}/api/sante`, 60);
  return { base, server };
}

async function sessionFor(client: pg.Client, email: string): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await client.query(
    `insert into "Session" (id, "sessionToken", "userId", expires) select gen_random_uuid(), $1, id, now() + interval '1 day' from "User" where email = $2`,
    [token, email],
  );
  return `next-auth.session-token=${token}`;
}

// ─── 1. Through Varnish ───────────────────────────────────────────────────────────────────

function varnishCounters(workdir: string): { hits: number; misses: number } {
  const run = spawnSync("varnishstat", ["-n", workdir, "-1", "-f", "MAIN.cache_hit", "-f", "MAIN.cache_miss"], { encoding: "utf8" });
  const value = (name: string) => Number(new RegExp(`${name}\\s+(\\d+)`).exec(run.stdout)?.[1] ?? 0);
  return { hits: value("MAIN.cache_hit"), misses: value("MAIN.cache_miss") };
}

async function benchThroughVarnish(base: string, publicPages: string[]) {
  if (spawnSync("varnishd", ["-V"]).status !== 0) {
    console.log("varnishd absent (paquet Debian « varnish ») : mesure à travers un cache sautée.");
    return;
  }
  const port = await freePort();
  const workdir = mkdtempSync(path.join(os.tmpdir(), "toile-varnish-"));
  // Varnish's worker process drops to its own user, which must reach the working folder.
  chmodSync(workdir, 0o755);
  const backend = new URL(base);
  const varnish = spawn("varnishd", ["-F", "-n", workdir, "-a", `127.0.0.1:${port}`, "-b", `${backend.hostname}:${backend.port}`, "-s", "malloc,128m", "-p", "default_ttl=0"], { stdio: "ignore" });
  try {
    await waitFor(`http://127.0.0.1:${port}/api/sante`, 30);
    const cached = publicPages.map((page) => `http://127.0.0.1:${port}${page}`);
    const direct = publicPages.map((page) => base + page);
    const options = { concurrency: 16, durationMs: 10_000 };
    await load([...direct, ...cached], { concurrency: 4, durationMs: 3_000 }); // warm-up
    const floor = await load([`${base}/api/sante`], options);
    const uncached = await load(direct, options);
    const before = varnishCounters(workdir);
    const through = await load(cached, options);
    // Varnish publishes its counters every second or so.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = varnishCounters(workdir);
    const hits = after.hits - before.hits;
    const misses = after.misses - before.misses;
    const row = (name: string, result: LoadResult) =>
      console.log(
        `  ${name.padEnd(34)} ${result.throughput.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1)} ms  p95 ${result.p95.toFixed(1)} ms  ${result.failures} erreur(s)  (${(result.throughput / floor.throughput).toFixed(2)} × plancher)`,
      );
    console.log(`Pages publiques à travers Varnish (${publicPages.length} pages, 16 clients, 10 s chacun) :`);
    row("plancher /api/sante (direct)", floor);
    row("pages publiques, directes", uncached);
    row("pages publiques, via Varnish", through);
    console.log(`  part servie par le cache : ${((100 * hits) / Math.max(1, hits + misses)).toFixed(1)} % (${hits} hits, ${misses} misses, ${through.requests} requêtes)`);
  } finally {
    await stop(varnish);
    rmSync(workdir, { recursive: true, force: true });
  }
}

// ─── 2. The soak ──────────────────────────────────────────────────────────────────────────

interface RouteStats {
  latencies: number[];
  errors: number;
}

async function soak(base: string, client: pg.Client, serverPid: number) {
  const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
  const concurrency = Number(process.env.BENCH_SOAK_CONCURRENCY ?? 8);
  const sender = await sessionFor(client, SENDER);
  const receiver = await sessionFor(client, RECEIVER);
  const coordinator = await sessionFor(client, COORDINATOR);
  const offers = (
    await client.query<{ id: string; structure: string }>(
      `select o.id, s.name as structure from "Offer" o join "Structure" s on s.id = o."structureId" join "Territory" t on t.id = s."territoryId"
       where t.slug = $1 and o.status = 'published' order by o.title`,
      [DEMO_TERRITORY_SLUG],
    )
  ).rows;
  const target = offers.find((offer) => offer.structure.startsWith(RECEIVING_STRUCTURE))!;
  const territory = `/t/${DEMO_TERRITORY_SLUG}`;
  const marker = `soak-${Date.now()}`;
  const stats = new Map<string, RouteStats>();
  let sentForms = 0;
  let accepted = 0;
  let turn = 0;

  async function timed(route: string, request: () => Promise<boolean>) {
    const entry = stats.get(route) ?? { latencies: [], errors: 0 };
    stats.set(route, entry);
    const started = performance.now();
    const ok = await request().catch(() => false);
    entry.latencies.push(performance.now() - started);
    if (!ok) entry.errors++;
    return ok;
  }
  const get = (url: string, cookie?: string) => fetch(base + url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const page = (route: string, url: string, cookie?: string) =>
    timed(route, async () => {
      const response = await get(url, cookie);
      await response.arrayBuffer();
      return response.ok;
    });

  const createTransfer = () =>
    timed("transfert : création (formulaire)", async () => {
      const form = await get(`/transferts/nouveau?offre=${target.id}`, sender);
      const html = await form.text();
      const data = formFields(html, "Envoyer le transfert");
      if (!data) return false;
      const number = ++sentForms;
      data.set("level", "simple");
      data.set("needTermId", firstOption(html, "needTermId") ?? "");
      data.set("needDescription", `${marker} ${number}`);
      data.set("urgency", "normal");
      const posted = await fetch(`${base}/transferts/nouveau?offre=${target.id}`, { method: "POST", body: data, headers: { cookie: sender }, redirect: "manual" });
      await posted.arrayBuffer();
      return posted.status === 303 || posted.status === 200;
    });

  const acceptOne = async () => {
    const { rows } = await client.query<{ id: string }>(
      `select id from "Transfer" where "needDescription" like $1 and status = 'sent' order by random() limit 1`,
      [`${marker} %`],
    );
    if (!rows[0]) return;
    const id = rows[0].id;
    await timed("transfert : acceptation (formulaire)", async () => {
      const html = await (await get(`/transferts/${id}`, receiver)).text();
      const data = formFields(html, "Accepter");
      // Another client accepted it meanwhile: nothing to do, and not an error.
      if (!data) return !html.includes("Accepter</button>");
      const posted = await fetch(`${base}/transferts/${id}`, { method: "POST", body: data, headers: { cookie: receiver }, redirect: "manual" });
      await posted.arrayBuffer();
      if (posted.ok || posted.status === 303) accepted++;
      return posted.ok || posted.status === 303;
    });
  };

  const mix: (() => Promise<unknown>)[] = [
    () => page("public : accueil du territoire", territory),
    () => page("public : recherche", `${territory}/recherche?q=${["ordinateur", "cv", "impots", "smartphone"][turn % 4]}`),
    () => page("public : page d'une offre", `${territory}/offres/${offers[turn % offers.length]!.id}`),
    () => page("API : offres", `/api/v1/territories/${DEMO_TERRITORY_SLUG}/offers?page=${(turn % 3) + 1}`),
    () => page("connecté : transferts reçus", "/transferts", receiver),
    () => page("connecté : matrice", `/territoires/${DEMO_TERRITORY_SLUG}/matrice`, coordinator),
    createTransfer,
    acceptOne,
  ];

  const run = async (durationMs: number) => {
    const deadline = performance.now() + durationMs;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) await mix[turn++ % mix.length]!();
      }),
    );
  };

  console.log(`Endurance : ${minutes} min de trafic mêlé, ${concurrency} clients…`);
  await run(60_000); // warm-up: the server's caches and V8's heap settle
  const warmMiB = residentMiB(serverPid);
  stats.clear();
  const started = performance.now();
  // Resident memory each minute: a leak climbs to the end, a heap finding its size levels off.
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(residentMiB(serverPid)), 60_000);
  await run(minutes * 60_000);
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const afterMiB = residentMiB(serverPid);

  const { rows } = await client.query<{ total: string; distinct: string }>(
    `select count(*) as total, count(distinct "needDescription") as distinct from "Transfer" where "needDescription" like $1`,
    [`${marker} %`],
  );
  let requests = 0;
  let errors = 0;
  for (const [route, entry] of [...stats].sort(([a], [b]) => a.localeCompare(b))) {
    entry.latencies.sort((a, b) => a - b);
    requests += entry.latencies.length;
    errors += entry.errors;
    console.log(`  ${route.padEnd(38)} ${String(entry.latencies.length).padStart(6)} requêtes  p50 ${percentile(entry.latencies, 50).toFixed(0).padStart(4)} ms  p95 ${percentile(entry.latencies, 95).toFixed(0).padStart(5)} ms  ${entry.errors} erreur(s)`);
  }
  console.log(`  en tout : ${requests} requêtes en ${seconds.toFixed(0)} s (${(requests / seconds).toFixed(1)} req/s), ${errors} erreur(s) (cible : 0)`);
  console.log(
    `  transferts (échauffement compris) : ${sentForms} formulaires envoyés, ${rows[0]!.total} en base, ${rows[0]!.distinct} distincts — ${
      Number(rows[0]!.total) === sentForms && rows[0]!.total === rows[0]!.distinct ? "aucun perdu ni en double" : "ÉCART"
    } ; ${accepted} acceptés`,
  );
  const drift = (100 * (afterMiB - warmMiB)) / warmMiB;
  console.log(`  mémoire du serveur (RSS) : ${warmMiB.toFixed(0)} MiB après l'échauffement, ${afterMiB.toFixed(0)} MiB après l'essai (${drift >= 0 ? "+" : ""}${drift.toFixed(1)} %, cible : ±10 %)`);
  if (samples.length > 0) console.log(`  mémoire minute par minute (MiB) : ${samples.map((sample) => sample.toFixed(0)).join(", ")}`);
}

export async function benchDeployment() {
  let databaseUrl: string;
  // The bench's server, through its maintenance database (toile_bench itself may not exist yet).
  const server = urlForDatabase(BENCH_DATABASE_URL, "postgres");
  try {
    await withAdmin(server, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${DATABASE}"`);
    });
    databaseUrl = urlForDatabase(BENCH_DATABASE_URL, DATABASE);
  } catch {
    console.log(`Serveur PostgreSQL de ${BENCH_DATABASE_URL} injoignable : mesures de déploiement sautées.`);
    return;
  }
  await prepareDatabase({ url: databaseUrl, demo: true });
  const { base, server: app } = await startApp(databaseUrl);
  console.log(`Déploiement : serveur de production (scripts/next-server.mjs) sur ${base}, base ${DATABASE} (territoire de démonstration).`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const offerIds = (await client.query<{ id: string }>(`select id from "Offer" where status = 'published' order by title limit 3`)).rows.map((row) => row.id);
    const territory = `/t/${DEMO_TERRITORY_SLUG}`;
    await benchThroughVarnish(base, ["/", territory, `${territory}/recherche?q=ordinateur`, `${territory}/recherche?q=cv`, ...offerIds.map((id) => `${territory}/offres/${id}`)]);
    await soak(base, client, app.pid!);
  } finally {
    await client.end();
    await stop(app);
    await withAdmin(server, (admin) => admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`)).catch(() => undefined);
  }
}

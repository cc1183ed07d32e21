/**
 * The residents' pages at the limit (issue 22), on the largest territory of the dataset of
 * `npm run bench:seed`, served by the production server (scripts/next-server.mjs, as `npm start`
 * runs it). For each public page:
 * - throughput under concurrent load as a share of the floor's (`/api/sante`, the cheapest dynamic
 *   route) measured in the same run (target: 50 % at least), and its p95;
 * - the bytes a browser downloads: HTML, CSS, JS, uncompressed and gzipped (target: 0 KB of
 *   required script; at most 60 KB of HTML);
 * - Lighthouse (pinned 12.2.x; the mobile preset, its default; Debian's Chromium): performance
 *   (target ≥ 98), accessibility, best practices, SEO (100 each; the search page, `noindex`, is
 *   excepted for SEO).
 * The public fiche by code is rate-limited per address (proxy.ts) by design: its page is measured
 * for bytes and Lighthouse, its throughput through the code form (`/fiche`) that leads to it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { needsBuild } from "@/scripts/lib/serve";
import { freePort, stop, waitFor } from "./processes";
import { load, type LoadResult } from "./load";
import { BENCH_DATABASE_URL } from "./public-search";

const ROOT = path.resolve(import.meta.dirname, "..");
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 16;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
/** Lighthouse's own advice on variability: the median of five runs. */
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS) || 5;
const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const MAX_HTML_BYTES = 60 * 1024;

interface BenchPage {
  name: string;
  path: string;
  /** Not loaded for throughput (rate-limited on purpose). */
  noLoad?: boolean;
  /** `noindex` on purpose: SEO not counted. */
  noIndex?: boolean;
}

/** The largest territory (by places) and one of each kind of page in it. */
async function pickPages(client: pg.Client): Promise<BenchPage[] | null> {
  const territory = (
    await client.query<{ id: string; slug: string; places: number }>(`
      SELECT t.id, t.slug, count(*)::int AS places
      FROM "Territory" t JOIN "Structure" s ON s."territoryId" = t.id AND s.status = 'published' JOIN "Place" p ON p."structureId" = s.id
      WHERE t.slug LIKE 'bench-%'
      GROUP BY t.id ORDER BY count(*) DESC LIMIT 1`)
  ).rows[0];
  if (!territory) return null;
  // The offer held at the most places: the heaviest offer page.
  const offer = (
    await client.query<{ id: string; structureId: string; placeId: string }>(
      `SELECT o.id, o."structureId", min(op."placeId"::text) AS "placeId"
       FROM "Offer" o JOIN "Structure" s ON s.id = o."structureId" AND s.status = 'published' AND s."territoryId" = $1
       JOIN "OfferPlace" op ON op."offerId" = o.id
       WHERE o.status = 'published'
       GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1`,
      [territory.id],
    )
  ).rows[0];
  const structure = (
    await client.query<{ structureId: string }>(
      `SELECT o."structureId" FROM "Offer" o JOIN "Structure" s ON s.id = o."structureId" AND s.status = 'published' AND s."territoryId" = $1
       WHERE o.status = 'published' GROUP BY o."structureId" ORDER BY count(*) DESC, o."structureId" LIMIT 1`,
      [territory.id],
    )
  ).rows[0];
  const fiche = (await client.query<{ code: string }>(`SELECT code FROM "Transfer" WHERE status <> 'draft' ORDER BY "createdAt" DESC LIMIT 1`)).rows[0];
  if (!offer || !structure) return null;
  const home = `/t/${territory.slug}`;
  console.log(`Territoire ${territory.slug} : ${territory.places} lieux publiés.`);
  return [
    { name: "accueil du site", path: "/" },
    { name: "accueil du territoire", path: home },
    { name: "accueil du territoire (arabe)", path: `${home}?lang=ar` },
    { name: "communes (une lettre)", path: `${home}/communes` },
    { name: "recherche (premier écran)", path: `${home}/recherche?besoin=demarches-administratives`, noIndex: true },
    { name: "offre", path: `${home}/offres/${offer.id}` },
    { name: "offre : signalement envoyé", path: `${home}/offres/${offer.id}?signalement=merci` },
    { name: "programme d'une structure", path: `${home}/structures/${structure.structureId}/programme` },
    { name: "programme d'un lieu", path: `${home}/lieux/${offer.placeId}/programme` },
    { name: "données ouvertes", path: `${home}/donnees` },
    { name: "fiche : saisie du code", path: "/fiche", noIndex: true },
    ...(fiche ? [{ name: "fiche par son code", path: `/fiche/${fiche.code}`, noLoad: true, noIndex: true }] : []),
  ];
}

async function startServer(): Promise<{ base: string; server: ChildProcess }> {
  if (needsBuild(ROOT)) {
    console.log("Construction de production (next build)…");
    const build = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build a échoué.");
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(ROOT, "scripts/next-server.mjs"), "start", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: BENCH_DATABASE_URL,
      DATABASE_POOL_MAX: "10",
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      TOILE_DATA_KEY: randomBytes(32).toString("hex"),
      NEXTAUTH_URL: base,
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  await waitFor(`${base}/api/sante`, 90);
  return { base, server };
}

interface Bytes {
  html: number;
  htmlGzip: number;
  css: number;
  cssGzip: number;
  js: number;
  jsGzip: number;
}

/** What a browser downloads for a page: its HTML, and the stylesheets and scripts it links. */
async function pageBytes(url: string): Promise<Bytes> {
  const html = await (await fetch(url)).text();
  const bytes: Bytes = { html: Buffer.byteLength(html), htmlGzip: gzipSync(html).length, css: 0, cssGzip: 0, js: 0, jsGzip: 0 };
  const assets = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"/g)].map((match) => match[1]!));
  for (const asset of assets) {
    const body = Buffer.from(await (await fetch(new URL(asset, url))).arrayBuffer());
    if (asset.split("?")[0]!.endsWith(".css")) {
      bytes.css += body.length;
      bytes.cssGzip += gzipSync(body).length;
    } else {
      bytes.js += body.length;
      bytes.jsGzip += gzipSync(body).length;
    }
  }
  return bytes;
}

/**
 * A page as light as a page can be (a title, a paragraph, no stylesheet), served by a bare Node
 * server: Lighthouse's score for it is this machine's ceiling in the same run, which the pages'
 * scores are read against (Chromium's own main-thread work counts in the blocking time).
 */
async function startReferencePage(): Promise<{ url: string; server: Server }> {
  const html = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="Page de référence du banc d'essai."><title>Référence</title></head><body><h1>Référence</h1><p>Une page statique minimale.</p></body></html>`;
  const server = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html));
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}/`, server };
}

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Scores = Record<(typeof CATEGORIES)[number], number>;

/** Debian's Chromium with a DevTools port, for Lighthouse: the flags this closed network needs. */
async function startChromium(): Promise<{ port: number; chromium: ChildProcess; profile: string }> {
  const port = await freePort();
  const profile = mkdtempSync(path.join(os.tmpdir(), "toile-lighthouse-"));
  const chromium = spawn(
    CHROMIUM,
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      `--user-data-dir=${profile}`,
      `--remote-debugging-port=${port}`,
      "about:blank",
    ],
    { stdio: "ignore" },
  );
  await waitFor(`http://127.0.0.1:${port}/json/version`, 30);
  return { port, chromium, profile };
}

/** Lighthouse's four scores (0–100) for a page, the median of `LIGHTHOUSE_RUNS` runs, and the audits that lost points. */
async function lighthouseScores(url: string, port: number): Promise<{ scores: Scores; lost: string[]; metrics: string }> {
  const { default: lighthouse } = await import("lighthouse");
  const runs: Scores[] = [];
  const lost = new Set<string>();
  const metrics: { performance: number; text: string }[] = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
    const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse n'a rien rendu pour ${url}`);
    const { lhr } = result;
    runs.push(Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)])) as Scores);
    const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    metrics.push({
      performance: runs.at(-1)!.performance,
      text: `FCP ${(value("first-contentful-paint") / 1000).toFixed(2)} s, LCP ${(value("largest-contentful-paint") / 1000).toFixed(2)} s, TBT ${value("total-blocking-time").toFixed(0)} ms, CLS ${value("cumulative-layout-shift").toFixed(3)}, index de vitesse ${(value("speed-index") / 1000).toFixed(2)} s, réponse du serveur ${value("server-response-time").toFixed(0)} ms, indice de la machine ${lhr.environment.benchmarkIndex.toFixed(0)}`,
    });
    for (const category of CATEGORIES.filter((name) => name !== "performance")) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) lost.add(`${category}: ${ref.id}`);
      }
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, median(runs.map((run) => run[category]))])) as Scores;
  return { scores, lost: [...lost], metrics: metrics.find((run) => run.performance === scores.performance)!.text };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} Kio`;
const mark = (ok: boolean) => (ok ? "✓" : "✗");

export async function benchPublicPages(): Promise<void> {
  console.log("\n— Les pages publiques des habitants (issue 22) —");
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  try {
    await client.connect();
  } catch {
    console.log(`Base ${BENCH_DATABASE_URL} injoignable : lancez d'abord \`npm run bench:seed\`. Mesure sautée.`);
    return;
  }
  const pages = await pickPages(client).finally(() => client.end());
  if (!pages) {
    console.log("Aucun territoire de banc d'essai : lancez d'abord `npm run bench:seed`. Mesure sautée.");
    return;
  }
  const { base, server } = await startServer();
  try {
    for (const page of pages) {
      const status = (await fetch(base + page.path, { redirect: "manual" })).status;
      if (status !== 200) throw new Error(`${page.path} répond ${status}`);
    }
    const loaded = pages.filter((page) => !page.noLoad);
    await load([`${base}/api/sante`, ...loaded.map((page) => base + page.path)], { concurrency: 4, durationMs: 5000 }); // warm-up
    const options = { concurrency: CONCURRENCY, durationMs: DURATION_MS };
    // The floor before and after the pages; the higher one counts (the stricter ratio), as the
    // machine's speed drifts during a run.
    const before = await load([`${base}/api/sante`], options);
    const runs = new Map<string, LoadResult>();
    for (const page of loaded) runs.set(page.path, await load([base + page.path], options));
    const after = await load([`${base}/api/sante`], options);
    const floor = before.throughput >= after.throughput ? before : after;
    console.log(
      `${CONCURRENCY} clients en parallèle, ${DURATION_MS / 1000} s par page ; plancher /api/sante avant et après : ${before.throughput.toFixed(0)} et ${after.throughput.toFixed(0)} req/s (compté : ${floor.throughput.toFixed(0)}, p95 ${floor.p95.toFixed(1)} ms).`,
    );

    console.log("\nDébit (part du plancher, objectif 50 % au moins), p95, octets (HTML au plus 60 Kio, aucun script requis) :");
    for (const page of pages) {
      const bytes = await pageBytes(base + page.path);
      const run = runs.get(page.path);
      const ratio = run ? run.throughput / floor.throughput : null;
      const throughput = run
        ? `${run.throughput.toFixed(0).padStart(5)} req/s ${(ratio! * 100).toFixed(0).padStart(4)} % ${mark(ratio! >= 0.5)}  p95 ${run.p95.toFixed(1).padStart(6)} ms${run.failures ? `  ${run.failures} échecs` : ""}`
        : "   (limitée par adresse : pas de charge)";
      console.log(`  ${page.name.padEnd(32)} ${throughput}`);
      console.log(
        `  ${"".padEnd(32)} HTML ${kib(bytes.html)} ${mark(bytes.html <= MAX_HTML_BYTES)} (${kib(bytes.htmlGzip)} gzip), CSS ${kib(bytes.css)} (${kib(bytes.cssGzip)} gzip), JS ${kib(bytes.js)} (${kib(bytes.jsGzip)} gzip, différé, facultatif)`,
      );
    }

    if (spawnSync(CHROMIUM, ["--version"]).status !== 0) {
      console.log(`\nChromium absent (${CHROMIUM}) : Lighthouse sauté.`);
      return;
    }
    console.log(`\nLighthouse 12.2 (mobile), médiane de ${LIGHTHOUSE_RUNS} passage(s) — performance ≥ 98, accessibilité, bonnes pratiques, SEO = 100 :`);
    const { port, chromium, profile } = await startChromium();
    const reference = await startReferencePage();
    try {
      // What this machine scores at best: a minimal static page, from a server that does nothing else.
      const floorScores = await lighthouseScores(reference.url, port);
      console.log(`  ${"référence : page statique minimale".padEnd(32)} performance ${String(floorScores.scores.performance).padStart(3)}`);
      console.log(`    ${floorScores.metrics}`);
      for (const page of pages) {
        const { scores, lost, metrics } = await lighthouseScores(base + page.path, port);
        const ok = scores.performance >= 98 && scores.accessibility === 100 && scores["best-practices"] === 100 && (page.noIndex || scores.seo === 100);
        const seo = page.noIndex ? `${scores.seo} (noindex)` : String(scores.seo);
        console.log(
          `  ${page.name.padEnd(32)} performance ${String(scores.performance).padStart(3)}  accessibilité ${scores.accessibility}  bonnes pratiques ${scores["best-practices"]}  SEO ${seo}  ${mark(ok)}`,
        );
        console.log(`    ${metrics}`);
        const missed = lost.filter((audit) => !(page.noIndex && audit === "seo: is-crawlable"));
        if (missed.length > 0) console.log(`    points perdus : ${missed.join(", ")}`);
      }
    } finally {
      reference.server.close();
      await stop(chromium);
      rmSync(profile, { recursive: true, force: true });
    }
  } finally {
    await stop(server);
  }
}

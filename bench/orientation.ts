/**
 * The orientation assistant at national scale (issue 18), on the dataset of `npm run bench:seed`:
 * p50 / p95 of one ranking (`orient`: the territory's row, its in-memory index, the candidates'
 * free slots, the ranking with its reasons) side by side with the plain search of the same need
 * (`searchOffers`), in the same run, runs alternated, on the largest territory. Target: the
 * assistant costs no more than twice the plain search. Both are measured as functions, without
 * the page around them (the page's rendering is the search bench's business), and as Next runs
 * them: `runOrientationBench` bundles this file with esbuild and runs it in plain Node, because tsx
 * (which runs `npm run bench`) names every function it creates, a cost production code does not
 * pay and that weighs on a ranking of thousands of candidates more than on the search.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "@/lib/db";
import { orient } from "@/lib/orientation/engine";
import { parseSituation } from "@/lib/orientation/situation";
import { parseSearchFilters } from "@/lib/public-search/filters";
import { searchOffers } from "@/lib/public-search/queries";
import { percentile } from "./load";

const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toile_bench";
const ROUNDS = Number(process.env.BENCH_ORIENTATION_ROUNDS) || 40;

/** Situations of the seeds, each with the plain search a person would type for the same need. */
const CASES: { name: string; situation: Record<string, string | string[]>; search: Record<string, string> }[] = [
  { name: "CV avant vendredi (mots)", situation: { q: "refaire mon cv", age: "26_59", urgence: "urgent", aisance: "basic", objectif: "faire-avec" }, search: { q: "refaire mon cv" } },
  { name: "impôts sans équipement", situation: { besoin: "impots", aisance: "none", equipement: "none", age: "60_plus" }, search: { besoin: "impots" } },
  { name: "mot de passe, sur place", situation: { besoin: "mot-de-passe", difficulte: "simple", aisance: "beginner" }, search: { besoin: "mot-de-passe" } },
  { name: "démarches, commune et 10 km", situation: { besoin: "demarches-administratives", distance: "10", langue: "ar" }, search: { besoin: "demarches-administratives", distance: "10" } },
  { name: "réparer (mots)", situation: { q: "ordinateur en panne" }, search: { q: "ordinateur en panne" } },
];

const ms = (values: number[]) => `p50 ${percentile(values, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(values, 95).toFixed(2).padStart(7)} ms`;

export async function benchOrientation(now = new Date()): Promise<void> {
  console.log("\n— Assistant d'orientation à l'échelle nationale (issue 18) —");
  const db = createPrismaClient(BENCH_DATABASE_URL, 4);
  try {
    const territory = (
      await db.$queryRaw<{ slug: string; offers: bigint }[]>`
        SELECT t.slug, count(o.id) AS offers FROM "Territory" t JOIN "Offer" o ON o."territoryId" = t.id AND o.status = 'published'
        WHERE t.slug LIKE 'bench-%' AND t.country = 'FR' GROUP BY t.slug ORDER BY count(o.id) DESC LIMIT 1`.catch(() => [])
    )[0];
    if (!territory) {
      console.log("Aucun territoire de banc d'essai : lancez d'abord `npm run bench:seed`. Mesure sautée.");
      return;
    }
    // A commune of the territory, for the case that measures distances.
    const [commune] = await db.$queryRaw<{ postalCode: string }[]>`
      SELECT min(p."postalCode") AS "postalCode" FROM "Place" p JOIN "Structure" s ON s.id = p."structureId" JOIN "Territory" t ON t.id = s."territoryId" WHERE t.slug = ${territory.slug}`;
    const cases = CASES.map((item) =>
      item.situation.distance ? { ...item, situation: { ...item.situation, commune: commune!.postalCode }, search: { ...item.search, commune: commune!.postalCode } } : item,
    );
    // Warm-up: the territory's index is loaded once, as in a running server.
    await searchOffers(db, territory.slug, parseSearchFilters({}).filters, now);
    const search: number[] = [];
    const assistant: number[] = [];
    const perCase = cases.map(() => ({ search: [] as number[], assistant: [] as number[] }));
    let ranked = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, item] of cases.entries()) {
        let started = performance.now();
        await searchOffers(db, territory.slug, parseSearchFilters(item.search).filters, now);
        search.push(performance.now() - started);
        perCase[index]!.search.push(search.at(-1)!);
        started = performance.now();
        const result = await orient(db, territory.slug, parseSituation(item.situation), now);
        assistant.push(performance.now() - started);
        perCase[index]!.assistant.push(assistant.at(-1)!);
        if (round === 0) ranked += result?.ranked.length ?? 0;
      }
    }
    search.sort((a, b) => a - b);
    assistant.sort((a, b) => a - b);
    console.log(`Territoire ${territory.slug} (${territory.offers} offres publiées), ${cases.length} situations × ${ROUNDS} tours, en alternance ; ${ranked} offres classées au premier tour.`);
    for (const [index, item] of cases.entries()) {
      const { search: plain, assistant: ranked } = perCase[index]!;
      plain.sort((a, b) => a - b);
      ranked.sort((a, b) => a - b);
      console.log(`  ${item.name.padEnd(32)} recherche p50 ${percentile(plain, 50).toFixed(2)} ms, assistant p50 ${percentile(ranked, 50).toFixed(2)} ms`);
    }
    console.log(`${"recherche simple du même besoin (searchOffers)".padEnd(50)} ${ms(search)}`);
    console.log(`${"assistant d'orientation (orient)".padEnd(50)} ${ms(assistant)}`);
    const ratio = percentile(assistant, 50) / percentile(search, 50);
    console.log(`rapport des médianes : ${ratio.toFixed(2)} (cible : 2 au plus) ${ratio <= 2 ? "✓" : "✗"}`);
  } finally {
    await db.$disconnect();
  }
}

/** `npm run bench`'s entry: this file bundled (esbuild, as production code runs), then run by Node. */
export async function runOrientationBench(): Promise<void> {
  const { build } = await import("esbuild");
  const root = path.resolve(import.meta.dirname, "..");
  const outfile = path.join(root, ".bench", "orientation.mjs");
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile,
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "error",
  });
  const run = spawnSync(process.execPath, [outfile], { cwd: root, stdio: "inherit", env: { ...process.env, TOILE_ORIENTATION_BENCH: "1" } });
  if (run.status !== 0) throw new Error("Le banc d'essai de l'assistant d'orientation a échoué.");
}

// Run by runOrientationBench, bundled.
if (process.env.TOILE_ORIENTATION_BENCH === "1") await benchOrientation();

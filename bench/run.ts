/**
 * `npm run bench`: measures and prints; never part of `npm test`.
 * Preparing a fresh embedded database (migrations, vocabularies, demo territory) and the public
 * listing query of the demo territory; then the public search at national scale on the dataset of
 * `npm run bench:seed` (bench/public-search.ts); and the free slots of 300 mediators' agendas
 * (bench/free-slots.ts); and the orientation assistant beside the plain search on the national dataset
 * (bench/orientation.ts); and the network indicators' dashboards beside the plain search (bench/indicators.ts);
 * and update campaigns over 3,000 structures: queueing and sending their emails (bench/campaigns.ts);
 * and every public page of the residents: throughput against the floor, bytes, Lighthouse (bench/public-pages.ts);
 * and a deployment's figures: the public pages through Varnish, and a ten-minute soak of mixed
 * traffic (bench/deployment.ts).
 * Targets come with the issues that set them.
 */
import { performance } from "node:perf_hooks";
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { percentile } from "./load";


/** `BENCH_ONLY=public-pages,orientation npm run bench`: those parts only (the embedded database's too with "embedded"). */
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((name) => name.trim())) : null;

if (!only || only.has("embedded")) {
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  // lib/db.ts creates its client from DATABASE_URL when first imported: set it before importing.
  process.env.DATABASE_URL = embedded.url;
  process.env.DATABASE_POOL_MAX = "1";
  try {
    const { prepareDatabase } = await import("@/lib/database/prepare");
    let started = performance.now();
    await prepareDatabase({ url: embedded.url, demo: true });
    console.log(`prepare embedded database (migrate + vocabularies + demo): ${(performance.now() - started).toFixed(0)} ms`);

    const { getTerritoryOffers } = await import("@/lib/offers/queries");
    const { db } = await import("@/lib/db");
    await getTerritoryOffers(DEMO_TERRITORY_SLUG); // warm-up
    const timings: number[] = [];
    for (let i = 0; i < 50; i++) {
      started = performance.now();
      await getTerritoryOffers(DEMO_TERRITORY_SLUG);
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    console.log(
      `getTerritoryOffers (embedded, 50 runs): p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms`,
    );
    console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB`);
    // Issue 17: free slots with 300 mediators' agendas, in the same embedded database.
    const { benchFreeSlots } = await import("./free-slots");
    await benchFreeSlots(db);
    await db.$disconnect();
  } finally {
    await embedded.stop();
  }
}

// Imported here, not above: lib/db.ts must not be loaded before DATABASE_URL is set.
const sections: [string, () => Promise<void>][] = [
  ["public-search", async () => (await import("./public-search")).benchPublicSearch()],
  ["public-pages", async () => (await import("./public-pages")).benchPublicPages()],
  ["orientation", async () => (await import("./orientation")).runOrientationBench()],
  ["indicators", async () => (await import("./indicators")).benchIndicators()],
  ["campaigns", async () => (await import("./campaigns")).benchCampaigns()],
  ["deployment", async () => (await import("./deployment")).benchDeployment()],
];
for (const [name, run] of sections) if (!only || only.has(name)) await run();

/**
 * The network's indicators at national scale (issue 19), on the year of activity of
 * `npm run bench:seed`: the dashboard of the territory with the most transfers (its coordinator)
 * and of the whole platform (a platform admin), each under load beside the plain search of the
 * same territory, in the same run, with the ratio of their medians (target: a dashboard under ten
 * times a search); then the SQL plans of what each dashboard runs for its transfers
 * (`dashboardStatements`), which must read the monthly summaries through their indexes.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dashboardStatements } from "@/lib/indicators/statements";
import { load } from "./load";
import { BENCH_DATABASE_URL, line, startProductionServer } from "./public-search";

const CONCURRENCY = 4;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;

/** A database session for a user (next-auth 4's database sessions), created if needed; the cookie that carries it. */
async function sessionCookie(client: pg.Client, email: string, setUp: (userId: string) => Promise<unknown>) {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "User" (id, email, "updatedAt") VALUES (gen_random_uuid(), $1, now()) ON CONFLICT (email) DO UPDATE SET email = excluded.email RETURNING id`,
    [email],
  );
  const userId = rows[0]!.id;
  await setUp(userId);
  const token = randomBytes(32).toString("hex");
  await client.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day')`, [token, userId]);
  return `next-auth.session-token=${token}`;
}

export async function benchIndicators(): Promise<void> {
  console.log("\n— Indicateurs du réseau (issue 19) —");
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  try {
    await client.connect();
  } catch {
    console.log(`Base ${BENCH_DATABASE_URL} injoignable : lancez d'abord \`npm run bench:seed\`. Mesure sautée.`);
    return;
  }
  try {
    const hasTransfers = (await client.query<{ ok: boolean }>(`SELECT to_regclass('"TransferMonthStat"') IS NOT NULL AS ok`)).rows[0]!.ok;
    const territory = hasTransfers
      ? (
          await client.query<{ id: string; slug: string; transfers: number; total: number }>(
            `SELECT t.id, t.slug, count(*)::int AS transfers, (SELECT count(*)::int FROM "Transfer") AS total
             FROM "Territory" t JOIN "Transfer" tr ON tr."territoryId" = t.id WHERE t.slug LIKE 'bench-%' AND t.country = 'FR'
             GROUP BY t.id ORDER BY count(*) DESC LIMIT 1`,
          )
        ).rows[0]
      : undefined;
    if (!territory) {
      console.log("Aucun transfert dans la base de banc d'essai : relancez `npm run bench:seed`. Mesure sautée.");
      return;
    }
    const stale = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "IndicatorStaleMonth"`)).rows[0]!.n;
    const coordinator = await sessionCookie(client, "coordination@bench.exemple.fr", (userId) =>
      client.query(`INSERT INTO "TerritoryCoordinator" ("territoryId", "userId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [territory.id, userId]),
    );
    const admin = await sessionCookie(client, "admin@bench.exemple.fr", (userId) => client.query(`UPDATE "User" SET "isPlatformAdmin" = true WHERE id = $1`, [userId]));
    console.log(
      `${territory.slug} : ${territory.transfers.toLocaleString("fr-FR")} transferts sur ${territory.total.toLocaleString("fr-FR")} ; ` +
        `${stale} mois à résumer encore ; ${CONCURRENCY} clients en parallèle, ${DURATION_MS / 1000} s par mesure.`,
    );

    const { base, server } = await startProductionServer();
    try {
      const search = `${base}/t/${territory.slug}/recherche?besoin=demarches-administratives`;
      const year = new Date().getUTCFullYear();
      const pages = {
        territory: { url: `${base}/territoires/${territory.slug}/indicateurs?periode=annee&annee=${year}`, cookie: coordinator },
        platform: { url: `${base}/admin/indicateurs?periode=annee&annee=${year}`, cookie: admin },
      };
      for (const { url, cookie } of Object.values(pages)) {
        const status = (await fetch(url, { headers: { cookie } })).status;
        if (status !== 200) throw new Error(`${url} répond ${status}.`);
      }
      // Warm-up: the search's index and the pages' code.
      await load([search], { concurrency: 2, durationMs: 2000 });
      for (const { url, cookie } of Object.values(pages)) await load([url], { concurrency: 2, durationMs: 2000, headers: { cookie } });

      const searchRun = await load([search], { concurrency: CONCURRENCY, durationMs: DURATION_MS });
      const territoryRun = await load([pages.territory.url], { concurrency: CONCURRENCY, durationMs: DURATION_MS, headers: { cookie: pages.territory.cookie } });
      const platformRun = await load([pages.platform.url], { concurrency: CONCURRENCY, durationMs: DURATION_MS, headers: { cookie: pages.platform.cookie } });
      console.log(line("recherche simple (même territoire)", searchRun));
      console.log(line(`tableau de bord du territoire (année ${year})`, territoryRun));
      console.log(line(`tableau de bord de la plateforme (année ${year})`, platformRun));
      for (const [name, run] of [["territoire", territoryRun], ["plateforme", platformRun]] as const) {
        const ratio = run.p50 / searchRun.p50;
        console.log(`rapport p50 tableau de bord (${name}) / recherche : ${ratio.toFixed(1)} (objectif : moins de 10) ${ratio < 10 ? "✓" : "✗"}`);
      }
    } finally {
      server.kill("SIGTERM");
    }

    console.log("\nPlans SQL des transferts du tableau de bord (résumés mensuels) :");
    const period = { from: new Date(Date.UTC(new Date().getUTCFullYear(), 0, 1)), until: new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1)) };
    for (const [name, scope] of [["territoire", { territoryId: territory.id }], ["plateforme", { platform: true as const }]] as const) {
      for (const statement of dashboardStatements(scope, period)) {
        const { rows } = await client.query<{ "QUERY PLAN": { Plan: object; "Execution Time": number }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.values);
        const plan = rows[0]!["QUERY PLAN"][0]!;
        const scans = [...JSON.stringify(plan.Plan).matchAll(/"Node Type":"([^"]*Scan)"[^{}]*?"Relation Name":"(\w+)"/g)].map((match) => `${match[1]} ${match[2]}`);
        const loud = scans.some((scan) => /^Seq Scan (Transfer|TransferEvent)$/.test(scan)) ? "  ✗ lecture séquentielle des transferts !" : "";
        console.log(`  ${name.padEnd(10)} ${statement.name.padEnd(20)} ${plan["Execution Time"].toFixed(1).padStart(7)} ms   ${[...new Set(scans)].join(", ")}${loud}`);
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * Update campaigns at national scale (issue 21), on the dataset of `npm run bench:seed`: one
 * campaign ("all structures") on each of the largest territories until at least 3,000 structures
 * are asked — the dataset's territories hold at most ~1,400 —, then
 * - the launch: what the coordinator's request does (the campaign and one row per structure);
 * - the queueing: the campaign worker's batches writing each structure's signed link and emails to
 *   the outbox, with the latency of a structure page's read measured meanwhile by another
 *   connection, against the same read at rest (the app is not blocked);
 * - the sending: the outbox worker's ticks (lib/email/worker.ts `deliverTick`) to a local SMTP
 *   sink, in emails per minute.
 * Everything it wrote is deleted at the end; the dataset is left as it was.
 */
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { launchCampaign } from "@/lib/campaigns/launch";
import { sendQueuedInvitations } from "@/lib/campaigns/delivery";
import { launchCampaignSchema } from "@/lib/campaigns/schemas";
import { createSmtpTransport } from "@/lib/email/smtp";
import { deliverTick } from "@/lib/email/worker";
import { startSmtpSink } from "@/tests/support/smtp-sink";
import { percentile } from "./load";
import { BENCH_DATABASE_URL } from "./public-search";

const TARGET_STRUCTURES = 3_000;

/** Timings of `read` in a loop until `done` resolves. */
async function probe(read: () => Promise<unknown>, done: Promise<unknown>): Promise<number[]> {
  const timings: number[] = [];
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished) {
    const started = performance.now();
    await read();
    timings.push(performance.now() - started);
  }
  return timings.sort((a, b) => a - b);
}

const summary = (timings: number[]) =>
  `p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms, max ${timings.at(-1)!.toFixed(1)} ms (${timings.length} lectures)`;

export async function benchCampaigns(): Promise<void> {
  console.log("\n— Campagnes de mise à jour (issue 21) —");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: BENCH_DATABASE_URL, max: 4 }) });
  const reader = new PrismaClient({ adapter: new PrismaPg({ connectionString: BENCH_DATABASE_URL, max: 1 }) });
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    console.log(`Base ${BENCH_DATABASE_URL} injoignable : lancez d'abord \`npm run bench:seed\`. Mesure sautée.`);
    return;
  }
  const sink = await startSmtpSink();
  const campaignIds: string[] = [];
  try {
    const territories = await db.$queryRaw<{ id: string; slug: string; structures: number }[]>`
      SELECT t.id, t.slug, count(s.id)::int AS structures FROM "Territory" t JOIN "Structure" s ON s."territoryId" = t.id AND s.status <> 'closed'
      WHERE t.slug LIKE 'bench-%' GROUP BY t.id ORDER BY count(s.id) DESC, t.slug`;
    const chosen: typeof territories = [];
    for (const territory of territories) {
      if (chosen.reduce((sum, each) => sum + each.structures, 0) >= TARGET_STRUCTURES) break;
      chosen.push(territory);
    }
    const asked = chosen.reduce((sum, each) => sum + each.structures, 0);
    const coordinator = await db.user.upsert({ where: { email: "coordination@bench.exemple.fr" }, create: { email: "coordination@bench.exemple.fr" }, update: {}, select: { id: true } });
    const sample = await db.structure.findFirstOrThrow({ where: { territoryId: chosen[0]!.id }, select: { id: true } });
    const read = () =>
      reader.structure.findUnique({
        where: { id: sample.id },
        select: { name: true, places: { select: { name: true, openingSlots: true } }, offers: { select: { title: true, terms: true } } },
      });
    const atRest = await probe(read, new Promise((resolve) => setTimeout(resolve, 2_000)));

    const now = new Date();
    const endsOn = new Date(now.getTime() + 21 * 24 * 3_600_000).toISOString().slice(0, 10);
    let started = performance.now();
    for (const territory of chosen) {
      const outcome = await launchCampaign(db, launchCampaignSchema.parse({ territoryId: territory.id, title: "Banc d'essai", scope: "all", endsOn }), coordinator.id, now);
      if (!outcome.ok) throw new Error(`Lancement refusé : ${outcome.reason}`);
      campaignIds.push(outcome.campaignId);
    }
    const launchMs = performance.now() - started;
    console.log(`${asked.toLocaleString("fr-FR")} structures de ${chosen.length} territoires (${chosen.map((each) => `${each.slug} ${each.structures}`).join(", ")}).`);
    console.log(`lancement (la requête du coordinateur : campagne + une ligne par structure) : ${launchMs.toFixed(0)} ms`);

    started = performance.now();
    const queueing = sendQueuedInvitations(db, new Date(), { origin: "https://toile.bench" });
    const during = await probe(read, queueing);
    const queued = await queueing;
    const queueMs = performance.now() - started;
    const emails = await db.outboxEmail.count({ where: { reference: { startsWith: "campaign-target:" }, status: "pending" } });
    console.log(
      `mise en file (liens signés + courriels dans l'outbox, lots de 200) : ${queued.toLocaleString("fr-FR")} structures, ${emails.toLocaleString("fr-FR")} courriels en ${(queueMs / 1000).toFixed(1)} s (${Math.round(queued / (queueMs / 1000))} structures/s)`,
    );
    console.log(`lecture d'une structure au repos : ${summary(atRest)}`);
    console.log(`la même pendant la mise en file : ${summary(during)}`);

    const transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`);
    started = performance.now();
    let sent = 0;
    for (;;) {
      const tick = await deliverTick(db, transport);
      sent += tick;
      if (tick === 0) break;
    }
    const sendMs = performance.now() - started;
    console.log(
      `envoi par le worker de l'outbox vers un serveur SMTP local : ${sent.toLocaleString("fr-FR")} courriels (${sink.messages.length.toLocaleString("fr-FR")} reçus) en ${(sendMs / 1000).toFixed(1)} s, soit ${Math.round((sent / sendMs) * 60_000).toLocaleString("fr-FR")} courriels/min (5 envois à la fois sur un pool de 5 connexions ; en production, ticks de 1 000 au plus toutes les 10 s)`,
    );
  } finally {
    // Leaves the dataset as it was: the campaigns (their structures, answers and links cascade) and their emails.
    await db.outboxEmail.deleteMany({ where: { reference: { startsWith: "campaign-target:" } } });
    await db.updateCampaign.deleteMany({ where: { id: { in: campaignIds } } });
    await sink.close();
    await Promise.all([db.$disconnect(), reader.$disconnect()]);
  }
}

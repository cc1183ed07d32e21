import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { claimImportJob, enqueueImportJob, findImportJob, IMPORT_JOB_LEASE_MS, runImportJobs } from "@/lib/open-data/import/jobs";
import { PURGE_BATCH, purgeImportJobs, purgeRateLimitHits, runPurges } from "./purges";

const T0 = new Date("2026-11-24T15:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

const keys = async () => (await db.rateLimitHit.findMany({ orderBy: [{ key: "asc" }, { createdAt: "asc" }], select: { key: true } })).map((hit) => hit.key);

describe("purgeRateLimitHits", () => {
  beforeEach(async () => {
    await db.rateLimitHit.deleteMany();
  });

  it("deletes each hit once its own limit's window has passed, and only then", async () => {
    await hitRateLimit(db, "magic-link:email:lea@exemple.fr", { limit: 3, windowMs: 15 * MINUTE }, T0);
    await hitRateLimit(db, "magic-link:ip:203.0.113.5", { limit: 20, windowMs: 60 * MINUTE }, T0);
    await hitRateLimit(db, "magic-link:email:lea@exemple.fr", { limit: 3, windowMs: 15 * MINUTE }, later(10 * MINUTE));

    expect(await purgeRateLimitHits(db, later(15 * MINUTE - 1))).toBe(0);
    expect(await purgeRateLimitHits(db, later(15 * MINUTE))).toBe(1);
    expect(await keys()).toEqual(["magic-link:email:lea@exemple.fr", "magic-link:ip:203.0.113.5"]);
    expect(await purgeRateLimitHits(db, later(25 * MINUTE))).toBe(1);
    expect(await keys()).toEqual(["magic-link:ip:203.0.113.5"]);
    expect(await purgeRateLimitHits(db, later(60 * MINUTE))).toBe(1);
    expect(await keys()).toEqual([]);
  });

  it("never changes a limit's answer: what it deletes no longer counted", async () => {
    const limit = { limit: 2, windowMs: 10 * MINUTE };
    await hitRateLimit(db, "k", limit, T0);
    await hitRateLimit(db, "k", limit, later(5 * MINUTE));
    await purgeRateLimitHits(db, later(10 * MINUTE));
    expect(await db.rateLimitHit.count()).toBe(1);
    // One hit still counts (5 minutes ago), one slot is free, then the limit holds.
    expect((await hitRateLimit(db, "k", limit, later(10 * MINUTE))).allowed).toBe(true);
    expect(await hitRateLimit(db, "k", limit, later(11 * MINUTE))).toEqual({ allowed: false, retryAfterMs: 4 * MINUTE });
  });

  it("works through a backlog in batches, and several instances purging at once delete each row once", async () => {
    const total = PURGE_BATCH * 2 + 7;
    await db.$executeRaw`
      INSERT INTO "RateLimitHit" ("key", "createdAt", "expiresAt")
      SELECT 'offer-report:ip:198.51.100.' || (n % 250), ${T0}, ${later(MINUTE)} FROM generate_series(1, ${total}) AS n`;
    await hitRateLimit(db, "still-counting", { limit: 5, windowMs: 60 * MINUTE }, T0);

    // One batch per call at most: the rest waits for the next tick.
    expect(await purgeRateLimitHits(db, later(2 * MINUTE), 1)).toBe(PURGE_BATCH);
    const counts = await Promise.all([1, 2, 3].map(() => purgeRateLimitHits(db, later(2 * MINUTE))));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(total - PURGE_BATCH);
    expect(await keys()).toEqual(["still-counting"]);
  });
});

describe("purgeImportJobs", () => {
  let territoryId: string;
  let actorId: string;
  let otherActorId: string;
  const file = () => ({ fileName: "lieux.csv", format: "auto" as const, content: new TextEncoder().encode("a;b\n1;2\n") });

  beforeAll(async () => {
    const territory = await db.territory.create({ data: { slug: "purges", name: "Purges", country: "FR", timeZone: "Europe/Paris" } });
    territoryId = territory.id;
    actorId = (await db.user.create({ data: { email: "import-purge@exemple.fr" } })).id;
    otherActorId = (await db.user.create({ data: { email: "import-garde@exemple.fr" } })).id;
  });

  beforeEach(async () => {
    await db.importJob.deleteMany();
  });

  it("deletes jobs once expired (two hours after their last step), whoever owns them, and keeps the others", async () => {
    const abandoned = await enqueueImportJob(db, { ...file(), territoryId, actorId }, T0);
    const recent = await enqueueImportJob(db, { ...file(), territoryId, actorId: otherActorId }, later(60 * MINUTE));

    expect(await purgeImportJobs(db, later(120 * MINUTE - 1))).toBe(0);
    expect(await findImportJob(db, abandoned, actorId, territoryId, later(120 * MINUTE - 1))).not.toBeNull();

    const counts = await Promise.all([runPurges(db, later(120 * MINUTE)), runPurges(db, later(120 * MINUTE))]);
    expect(counts.map((count) => count.importJobs).sort()).toEqual([0, 1]);
    expect(await db.importJob.findMany({ select: { id: true } })).toEqual([{ id: recent }]);

    expect(await purgeImportJobs(db, later(180 * MINUTE))).toBe(1);
    expect(await db.importJob.count()).toBe(0);
  });

  it("a ready preview and a done result are kept two hours after that step, then purged; a done job holds no bytes", async () => {
    const jobId = await enqueueImportJob(db, { ...file(), territoryId, actorId }, T0);
    // Analysed 90 minutes after the upload: the preview is kept two hours from then.
    expect(await runImportJobs(db, { clock: () => later(90 * MINUTE) })).toEqual(["ready"]);
    expect(await purgeImportJobs(db, later(120 * MINUTE))).toBe(0);
    expect(await purgeImportJobs(db, later(210 * MINUTE))).toBe(1);
    expect(await db.importJob.count({ where: { id: jobId } })).toBe(0);
  });

  it("never deletes a job a worker holds, even past its expiry; once the worker's lease has passed, it goes", async () => {
    await enqueueImportJob(db, { ...file(), territoryId, actorId }, T0);
    const claimed = await claimImportJob(db, later(119 * MINUTE));
    expect(claimed?.status).toBe("analysing");
    expect(await purgeImportJobs(db, later(121 * MINUTE))).toBe(0);
    expect(await purgeImportJobs(db, later(119 * MINUTE + IMPORT_JOB_LEASE_MS))).toBe(1);
  });
});

/**
 * Import jobs against the database, with the clock in the test's hands: the upload's job claimed
 * by one worker at a time, its lease, its progress written every few hundred rows, the preview,
 * the confirmed commit (all or nothing, only the plan shown), a failure stored as a code, and
 * abandoning.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { HINAURA_V0_JSON, LMN_EXAMPLE_CSV } from "@/tests/support/fixtures";
import { db } from "@/lib/db";
import {
  abandonImportJob,
  claimImportJob,
  confirmImportJob,
  enqueueImportJob,
  findImportJob,
  IMPORT_JOB_LEASE_MS,
  IMPORT_JOB_MAX_ATTEMPTS,
  runImportJob,
  runImportJobs,
} from "./jobs";
import * as plan from "./plan";

const failPlanning = { on: false };
vi.mock("./plan", async (original) => {
  const actual = await original<typeof import("./plan")>();
  return {
    ...actual,
    planImport: (...args: Parameters<typeof actual.planImport>) =>
      failPlanning.on ? Promise.reject(new Error("panne simulée")) : actual.planImport(...args),
  };
});

const hinaura = new Uint8Array(readFileSync(HINAURA_V0_JSON));
const example = new Uint8Array(readFileSync(LMN_EXAMPLE_CSV));
const T0 = new Date("2026-11-22T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const fixed = (date: Date) => () => date;
const SECOND = 1000;

let actorId: string;
let otherActorId: string;

beforeAll(async () => {
  actorId = (await db.user.create({ data: { email: "import-jobs@exemple.fr" } })).id;
  otherActorId = (await db.user.create({ data: { email: "import-jobs-autre@exemple.fr" } })).id;
});

afterEach(() => {
  failPlanning.on = false;
  vi.restoreAllMocks();
});

async function newTerritory(slug: string) {
  return (await db.territory.create({ data: { slug, name: `Territoire ${slug}`, country: "FR" }, select: { id: true } })).id;
}

const placesIn = (territoryId: string) => db.place.count({ where: { structure: { territoryId } } });
const stored = (jobId: string) => db.importJob.findUniqueOrThrow({ where: { id: jobId } });

describe("the Hinaura file through the job: upload → progress → preview → confirm → done", () => {
  it("writes its progress every 250 rows, shows the preview, commits the plan shown and drops the bytes", async () => {
    const territoryId = await newTerritory("jobs-hinaura");
    const jobId = await enqueueImportJob(db, { territoryId, actorId, fileName: "hinaura.json", format: "auto", content: hinaura }, T0);
    expect(await findImportJob(db, jobId, actorId, territoryId, T0)).toMatchObject({ status: "queued", preview: null });

    const updates = vi.spyOn(db.importJob, "updateMany");
    expect(await runImportJobs(db, { clock: fixed(at(SECOND)) })).toEqual(["ready"]);
    const progress = updates.mock.calls.map(([args]) => args?.data).filter((data) => data && "phase" in data && data.phase);
    expect(progress.map((data) => [data!.phase, data!.progressDone, data!.progressTotal])).toEqual([
      ["reading", 0, 0],
      ["reading", 0, 687],
      ["reading", 250, 687],
      ["reading", 500, 687],
      ["matching", expect.any(Number), expect.any(Number)],
    ]);

    const ready = (await findImportJob(db, jobId, actorId, territoryId, at(SECOND)))!;
    expect(ready).toMatchObject({ status: "ready", phase: null, stale: false, errorCode: null });
    expect(ready.preview!.format).toBe("lmn-json");
    expect(ready.preview!.counts.create).toBeGreaterThan(600);
    expect(ready.preview!.rows.filter((row) => row.action === "skip").some((row) => /Doublon de la ligne/.test(row.reason ?? ""))).toBe(true);
    expect(ready.preview!.issues.filter((issue) => issue.value === "Fr 19:00-11:00")).toHaveLength(2);
    expect(await placesIn(territoryId)).toBe(0);

    // Another hash (another preview) or another person: not confirmed.
    expect(await confirmImportJob(db, { jobId, actorId, territoryId, planHash: "0".repeat(64) }, at(2 * SECOND))).toBe(false);
    expect(await confirmImportJob(db, { jobId, actorId: otherActorId, territoryId, planHash: ready.planHash! }, at(2 * SECOND))).toBe(false);
    expect(await confirmImportJob(db, { jobId, actorId, territoryId, planHash: ready.planHash! }, at(2 * SECOND))).toBe(true);
    expect((await stored(jobId)).status).toBe("committing");

    expect(await runImportJobs(db, { clock: fixed(at(3 * SECOND)) })).toEqual(["done"]);
    const done = await stored(jobId);
    expect(done).toMatchObject({ status: "done", content: null, claimToken: null, leaseUntil: null });
    expect(done.result).toMatchObject({ counts: ready.preview!.counts });
    expect(await placesIn(territoryId)).toBe(ready.preview!.counts.create);
  }, 120_000);
});

describe("claiming", () => {
  it("gives each waiting job to one worker: two claiming at once take two different jobs, a third finds none", async () => {
    const territoryId = await newTerritory("jobs-claims");
    const jobs = [
      await enqueueImportJob(db, { territoryId, actorId, fileName: "a.csv", format: "auto", content: example }, T0),
      await enqueueImportJob(db, { territoryId, actorId, fileName: "b.csv", format: "auto", content: example }, T0),
    ];
    const claims = await Promise.all([claimImportJob(db, at(SECOND)), claimImportJob(db, at(SECOND))]);
    expect(claims.map((claim) => claim?.id).sort()).toEqual([...jobs].sort());
    expect(claims.every((claim) => claim?.status === "analysing" && claim.attempts === 1)).toBe(true);
    expect(await claimImportJob(db, at(2 * SECOND))).toBeNull();
    await db.importJob.deleteMany({ where: { id: { in: jobs } } });
  });

  it("takes a job again once the lease of a worker that died has passed; the first worker then changes nothing", async () => {
    const territoryId = await newTerritory("jobs-lease");
    const jobId = await enqueueImportJob(db, { territoryId, actorId, fileName: "exemple.csv", format: "auto", content: example }, T0);
    const dead = (await claimImportJob(db, T0))!;
    expect(await claimImportJob(db, at(IMPORT_JOB_LEASE_MS - 1))).toBeNull();

    const second = (await claimImportJob(db, at(IMPORT_JOB_LEASE_MS)))!;
    expect(second).toMatchObject({ id: jobId, status: "analysing", attempts: 2 });
    expect(second.claimToken).not.toBe(dead.claimToken);

    // The first worker wakes up: its writes are refused, it stops without touching the job.
    expect(await runImportJob(db, dead, { clock: fixed(at(IMPORT_JOB_LEASE_MS + SECOND)) })).toBe("lost");
    expect((await stored(jobId)).claimToken).toBe(second.claimToken);
    expect(await runImportJob(db, second, { clock: fixed(at(IMPORT_JOB_LEASE_MS + SECOND)) })).toBe("ready");
  });

  it("fails a job whose worker died every time, with a code, and drops its bytes", async () => {
    const territoryId = await newTerritory("jobs-crashes");
    const jobId = await enqueueImportJob(db, { territoryId, actorId, fileName: "exemple.csv", format: "auto", content: example }, T0);
    for (let attempt = 0; attempt < IMPORT_JOB_MAX_ATTEMPTS; attempt++) expect(await claimImportJob(db, at(attempt * IMPORT_JOB_LEASE_MS))).not.toBeNull();
    expect(await runImportJobs(db, { clock: fixed(at(IMPORT_JOB_MAX_ATTEMPTS * IMPORT_JOB_LEASE_MS)) })).toEqual(["failed"]);
    expect(await stored(jobId)).toMatchObject({ status: "failed", errorCode: "import.interrupted", content: null, leaseUntil: null });
    expect(await claimImportJob(db, at(10 * IMPORT_JOB_LEASE_MS))).toBeNull();
  });
});

describe("failures and abandon", () => {
  it("stores an unexpected failure as a code, logs it, and drops the bytes", async () => {
    const territoryId = await newTerritory("jobs-panne");
    const jobId = await enqueueImportJob(db, { territoryId, actorId, fileName: "exemple.csv", format: "auto", content: example }, T0);
    failPlanning.on = true;
    const errors: unknown[] = [];
    expect(await runImportJobs(db, { clock: fixed(at(SECOND)), onError: (error) => errors.push(error) })).toEqual(["failed"]);
    expect(errors).toEqual([new Error("panne simulée")]);
    expect(await findImportJob(db, jobId, actorId, territoryId, at(SECOND))).toMatchObject({ status: "failed", errorCode: "import.failed" });
    expect((await stored(jobId)).content).toBeNull();
  });

  it("abandoning deletes the job and its file; a worker analysing it stops; a commit cannot be abandoned", async () => {
    const territoryId = await newTerritory("jobs-abandon");
    const jobId = await enqueueImportJob(db, { territoryId, actorId, fileName: "exemple.csv", format: "auto", content: example }, T0);
    const claimed = (await claimImportJob(db, T0))!;
    expect(await abandonImportJob(db, { jobId, actorId: otherActorId, territoryId })).toBe(false);
    expect(await abandonImportJob(db, { jobId, actorId, territoryId })).toBe(true);
    expect(await runImportJob(db, claimed, { clock: fixed(at(SECOND)) })).toBe("lost");
    expect(await db.importJob.count({ where: { id: jobId } })).toBe(0);

    const committing = await enqueueImportJob(db, { territoryId, actorId, fileName: "exemple.csv", format: "auto", content: example }, T0);
    await runImportJobs(db, { clock: fixed(T0) });
    const job = (await findImportJob(db, committing, actorId, territoryId, T0))!;
    expect(await confirmImportJob(db, { jobId: committing, actorId, territoryId, planHash: job.planHash! }, T0)).toBe(true);
    expect(await abandonImportJob(db, { jobId: committing, actorId, territoryId })).toBe(false);
    expect(await runImportJobs(db, { clock: fixed(at(SECOND)) })).toEqual(["done"]);
    expect(await placesIn(territoryId)).toBe(1);
  });
});

describe("the plan shown is the plan committed", () => {
  it("when the territory changed since the preview, nothing is written and the fresh preview is shown, marked stale", async () => {
    const territoryId = await newTerritory("jobs-perime");
    const jobId = await enqueueImportJob(db, { territoryId, actorId, fileName: "exemple.csv", format: "auto", content: example }, T0);
    await runImportJobs(db, { clock: fixed(T0) });
    const shown = (await findImportJob(db, jobId, actorId, territoryId, T0))!;
    expect(shown.preview!.counts).toMatchObject({ create: 1, unchanged: 0 });

    // Meanwhile the same file is imported by another job: the preview shown is outdated.
    const other = await enqueueImportJob(db, { territoryId, actorId: otherActorId, fileName: "exemple.csv", format: "auto", content: example }, T0);
    await runImportJobs(db, { clock: fixed(T0) });
    const otherJob = (await findImportJob(db, other, otherActorId, territoryId, T0))!;
    await confirmImportJob(db, { jobId: other, actorId: otherActorId, territoryId, planHash: otherJob.planHash! }, T0);
    expect(await runImportJobs(db, { clock: fixed(at(SECOND)) })).toEqual(["done"]);

    expect(await confirmImportJob(db, { jobId, actorId, territoryId, planHash: shown.planHash! }, at(2 * SECOND))).toBe(true);
    expect(await runImportJobs(db, { clock: fixed(at(3 * SECOND)) })).toEqual(["stale"]);
    const fresh = (await findImportJob(db, jobId, actorId, territoryId, at(3 * SECOND)))!;
    expect(fresh).toMatchObject({ status: "ready", stale: true });
    expect(fresh.planHash).not.toBe(shown.planHash);
    expect(fresh.preview!.counts).toMatchObject({ create: 0, unchanged: 1 });
    expect(await placesIn(territoryId)).toBe(1);
    // The plan of `plan.ts` is the one stored: same hash computed directly.
    const direct = await plan.previewImport(db, territoryId, "exemple.csv", example, "auto");
    expect(direct.plan.hash).toBe(fresh.planHash);
  });
});

/**
 * An import as a job in rows (docs/decisions/009-import-jobs.md). The upload stores the file's
 * bytes in an `ImportJob` and returns at once; a worker (worker.ts) then reads and plans the file
 * (`analysing`, progress in the row), stores the preview (`ready`); the person confirms
 * (`committing`), the worker reads and plans the same bytes again and commits all or nothing,
 * only if the plan is the one shown (same hash) — else the job is `ready` again with the fresh
 * preview, marked `stale`. `done` keeps the counts and drops the bytes; `failed` keeps a code.
 *
 * Nothing is held in memory, so any number of app instances may run the worker: a job is claimed
 * with `FOR UPDATE SKIP LOCKED` and a lease (`leaseUntil`, renewed with each progress write); a
 * job whose instance died is taken again once its lease has passed. Every write of a worker is
 * conditional on its `claimToken`, so a worker that lost its job (lease passed, job abandoned)
 * changes nothing and stops. The commit marks the job done inside the import's own transaction.
 * The clock is a parameter.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import type { ImportJobStatus, Prisma } from "@/lib/generated/prisma/client";
import type { WorkspaceCode } from "@/lib/errors/messages";
import { geocoderUrl, searchAddress } from "@/lib/places/geocoder";
import { commitImport, type CommitDone } from "./commit";
import { parseImportFile, type ImportFormat } from "./file";
import { geocodeRows, withGeocodedPoints, type AddressSearch, type Geocoding } from "./geocoding";
import type { FieldChange, ImportPlan, RowAction } from "./matching";
import type { ImportIssue, ImportResult } from "./model";
import { planImport } from "./plan";

/** A job (and its file) is kept this long after its last step, then purged (lib/maintenance/purges.ts). */
const IMPORT_JOB_LIFETIME_MS = 2 * 60 * 60 * 1000;
/** Longer than the commit's transaction may last (commit.ts: 120 s), renewed by each progress write. */
export const IMPORT_JOB_LEASE_MS = 5 * 60 * 1000;
/** A job taken this many times without finishing (its instance died each time) fails. */
export const IMPORT_JOB_MAX_ATTEMPTS = 3;

export type ImportPhase = "reading" | "matching" | "writing";

/** What the preview shows: stored with the job, so the page never parses the file. */
export interface ImportPreview {
  format: ImportResult["format"];
  version: ImportResult["version"];
  counts: ImportPlan["counts"];
  rows: { sourceRow: number; placeId: string | null; name: string; action: RowAction; reason?: string; changes: FieldChange[] }[];
  issues: ImportIssue[];
  /** The communes the coordinator picked for ambiguous names (template.ts `communeAnswers`): kept for the commit's reading. */
  answers?: Record<string, string>;
  /** The points found from addresses at the analysis (geocoding.ts), reused by the commit. */
  geocoding?: Geocoding;
}

export interface ImportJobResult {
  counts: ImportPlan["counts"];
  structuresCreated: number;
}

export type ImportJobCode = Extract<WorkspaceCode, `import.${string}`>;

/** A job as its owner sees it (without its bytes). */
export interface ImportJobView {
  id: string;
  fileName: string;
  status: ImportJobStatus;
  phase: ImportPhase | null;
  progressDone: number;
  progressTotal: number;
  preview: ImportPreview | null;
  planHash: string | null;
  stale: boolean;
  result: ImportJobResult | null;
  errorCode: ImportJobCode | null;
}

const later = (now: Date, ms: number) => new Date(now.getTime() + ms);

export async function enqueueImportJob(
  db: PrismaClient,
  job: { territoryId: string; actorId: string; fileName: string; format: ImportFormat; content: Uint8Array },
  now = new Date(),
): Promise<string> {
  const created = await db.importJob.create({
    data: { ...job, content: Buffer.from(job.content), status: "queued", expiresAt: later(now, IMPORT_JOB_LIFETIME_MS) },
    select: { id: true },
  });
  return created.id;
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The actor's own, unexpired job for this territory, or null (another person's answers null too). */
export async function findImportJob(db: PrismaClient, jobId: string, actorId: string, territoryId: string, now = new Date()): Promise<ImportJobView | null> {
  if (!isUuid(jobId)) return null;
  const job = await db.importJob.findFirst({
    where: { id: jobId, actorId, territoryId, expiresAt: { gt: now } },
    select: { id: true, fileName: true, status: true, phase: true, progressDone: true, progressTotal: true, preview: true, planHash: true, stale: true, result: true, errorCode: true },
  });
  if (!job) return null;
  return {
    ...job,
    phase: job.phase as ImportPhase | null,
    preview: job.preview as unknown as ImportPreview | null,
    result: job.result as unknown as ImportJobResult | null,
    errorCode: job.errorCode as ImportJobCode | null,
  };
}

/**
 * The person confirms the preview they saw (`planHash`): the job goes to `committing`, for the
 * worker. False when the job is not ready with that preview any more (gone, another preview).
 */
export async function confirmImportJob(
  db: PrismaClient,
  job: { jobId: string; actorId: string; territoryId: string; planHash: string },
  now = new Date(),
): Promise<boolean> {
  const { count } = await db.importJob.updateMany({
    where: { id: job.jobId, actorId: job.actorId, territoryId: job.territoryId, status: "ready", planHash: job.planHash, expiresAt: { gt: now } },
    data: { status: "committing", stale: false, phase: null, progressDone: 0, progressTotal: 0, attempts: 0, claimToken: null, leaseUntil: null, expiresAt: later(now, IMPORT_JOB_LIFETIME_MS) },
  });
  return count === 1;
}

/**
 * The person abandons the job: deleted with its file, whatever its step but the commit (which is
 * all or nothing and short). A worker analysing it finds it gone at its next progress write and stops.
 */
export async function abandonImportJob(db: PrismaClient, job: { jobId: string; actorId: string; territoryId: string }): Promise<boolean> {
  if (!isUuid(job.jobId)) return false;
  const { count } = await db.importJob.deleteMany({ where: { id: job.jobId, actorId: job.actorId, territoryId: job.territoryId, status: { not: "committing" } } });
  return count === 1;
}

interface ClaimedJob {
  id: string;
  claimToken: string;
  status: "analysing" | "committing";
  territoryId: string;
  actorId: string;
  fileName: string;
  format: string;
  content: Uint8Array | null;
  planHash: string | null;
  preview: ImportPreview | null;
  attempts: number;
}

const answersOf = (job: ClaimedJob): Record<string, string> => job.preview?.answers ?? {};

/**
 * The coordinator picks a commune for rows whose commune was ambiguous: the job is read and
 * planned again with those answers (and keeps them for the commit). False when the job is not
 * ready any more.
 */
export async function answerImportJob(
  db: PrismaClient,
  job: { jobId: string; actorId: string; territoryId: string; answers: Record<string, string> },
  now = new Date(),
): Promise<boolean> {
  const current = await findImportJob(db, job.jobId, job.actorId, job.territoryId, now);
  if (!current || current.status !== "ready") return false;
  const answers = { ...(current.preview?.answers ?? {}), ...job.answers };
  const { count } = await db.importJob.updateMany({
    where: { id: job.jobId, actorId: job.actorId, territoryId: job.territoryId, status: "ready", expiresAt: { gt: now } },
    data: { status: "queued", preview: { answers } as unknown as Prisma.InputJsonValue, planHash: null, stale: false, phase: null, progressDone: 0, progressTotal: 0, attempts: 0, claimToken: null, leaseUntil: null, expiresAt: later(now, IMPORT_JOB_LIFETIME_MS) },
  });
  return count === 1;
}

/**
 * Takes the oldest job waiting for a worker: queued, confirmed, or whose worker's lease has
 * passed. `FOR UPDATE SKIP LOCKED`: two instances claiming at once take two different jobs.
 */
export async function claimImportJob(db: PrismaClient, now: Date): Promise<ClaimedJob | null> {
  const claimToken = randomUUID();
  const [claimed] = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "ImportJob" SET
      status = (CASE WHEN status = 'committing' THEN 'committing' ELSE 'analysing' END)::"ImportJobStatus",
      "claimToken" = ${claimToken}::uuid,
      "leaseUntil" = ${later(now, IMPORT_JOB_LEASE_MS)},
      attempts = attempts + 1,
      "updatedAt" = ${now}
    WHERE id = (
      SELECT id FROM "ImportJob"
      WHERE status IN ('queued', 'analysing', 'committing')
        AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${now})
        AND "expiresAt" > ${now}
      ORDER BY "updatedAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "claimToken"::text AS "claimToken", status::text AS status, "territoryId"::text AS "territoryId",
      "actorId"::text AS "actorId", "fileName", format, content, "planHash", preview, attempts`;
  return claimed ?? null;
}

/** The job is no longer this worker's (abandoned, purged, or its lease passed and another took it). */
class ImportJobLost extends Error {
  constructor() {
    super("import.job_lost");
  }
}

type Clock = () => Date;

/** The address search the import uses: the geocoder at GEOCODER_URL, or none (places keep no point). */
function configuredAddressSearch(): AddressSearch | null {
  const baseUrl = geocoderUrl();
  return baseUrl ? (query, options) => searchAddress(baseUrl, query, options) : null;
}

/** One write of the worker that holds the job, renewing its lease; throws ImportJobLost when it no longer does. */
async function write(db: PrismaClient | Prisma.TransactionClient, job: ClaimedJob, now: Date, data: Prisma.ImportJobUpdateManyMutationInput) {
  const { count } = await db.importJob.updateMany({
    where: { id: job.id, claimToken: job.claimToken },
    data: { ...data, updatedAt: now },
  });
  if (count !== 1) throw new ImportJobLost();
}

const progress = (db: PrismaClient, job: ClaimedJob, clock: Clock) => (phase: ImportPhase, done: number, total: number) =>
  write(db, job, clock(), { phase, progressDone: done, progressTotal: total, leaseUntil: later(clock(), IMPORT_JOB_LEASE_MS) });

/** The step ended: the worker lets go of the job, which is kept for its owner for a while. */
const released = (now: Date) => ({ claimToken: null, leaseUntil: null, phase: null, expiresAt: later(now, IMPORT_JOB_LIFETIME_MS) });

function previewOf(parsed: ImportResult, plan: ImportPlan, answers: Record<string, string>, geocoding: Geocoding | undefined): ImportPreview {
  return {
    answers,
    geocoding,
    format: parsed.format,
    version: parsed.version,
    counts: plan.counts,
    rows: plan.rows.map(({ sourceRow, placeId, name, action, reason, changes }) => ({ sourceRow, placeId, name, action, reason, changes })),
    issues: parsed.issues,
  };
}

/**
 * Geocodes the rows that would be written without a point: a row of a place already placed in
 * Toile, or a skipped row, is not asked for. Planning is pure and quick, so it is done twice.
 */
async function geocodeWhatThePlanLeavesWithoutPoint(
  db: PrismaClient,
  job: ClaimedJob,
  read: ImportResult,
  search: AddressSearch,
  report: (phase: ImportPhase, done: number, total: number) => Promise<void>,
): Promise<Geocoding | undefined> {
  const firstPlan = await planImport(db, job.territoryId, read.rows, read.issues);
  const pointless = new Set(firstPlan.rows.filter((row) => row.target && (row.target.place.latitude === null || row.target.place.longitude === null)).map((row) => row.sourceRow));
  if (pointless.size === 0) return undefined;
  return geocodeRows(
    read.rows.filter((row) => pointless.has(row.sourceRow)),
    search,
    { onProgress: (done, total) => report("reading", done, total) },
  );
}

/**
 * Reads and plans the job's file, storing the progress as it goes. Places without a point are
 * geocoded before planning (the analysis calls the geocoder; the commit reuses what it found).
 */
async function readAndPlan(db: PrismaClient, job: ClaimedJob, clock: Clock, search: AddressSearch | null) {
  const report = progress(db, job, clock);
  await report("reading", 0, 0);
  const read = await parseImportFile(job.fileName, job.content ?? new Uint8Array(), job.format as ImportFormat, ({ done, total }) => report("reading", done, total), answersOf(job));
  const geocoding = job.status === "committing" ? job.preview?.geocoding : search ? await geocodeWhatThePlanLeavesWithoutPoint(db, job, read, search, report) : undefined;
  const parsed = geocoding ? { ...read, rows: withGeocodedPoints(read.rows, geocoding.points), issues: [...read.issues, ...geocoding.issues] } : read;
  await report("matching", parsed.rows.length, parsed.rows.length);
  const plan = await planImport(db, job.territoryId, parsed.rows, parsed.issues);
  return { parsed, plan, geocoding };
}

async function analyse(db: PrismaClient, job: ClaimedJob, clock: Clock, search: AddressSearch | null) {
  const { parsed, plan, geocoding } = await readAndPlan(db, job, clock, search);
  const now = clock();
  await write(db, job, now, { status: "ready", preview: previewOf(parsed, plan, answersOf(job), geocoding) as unknown as Prisma.InputJsonValue, planHash: plan.hash, stale: false, ...released(now) });
}

/** Back to `ready` with the plan as it is now: the person reads it again before confirming. */
async function staleAgain(db: PrismaClient, job: ClaimedJob, parsed: ImportResult, plan: ImportPlan, geocoding: Geocoding | undefined, clock: Clock) {
  const now = clock();
  await write(db, job, now, { status: "ready", preview: previewOf(parsed, plan, answersOf(job), geocoding) as unknown as Prisma.InputJsonValue, planHash: plan.hash, stale: true, ...released(now) });
}

async function commit(db: PrismaClient, job: ClaimedJob, clock: Clock) {
  const { parsed, plan, geocoding } = await readAndPlan(db, job, clock, null);
  if (plan.hash !== job.planHash) return staleAgain(db, job, parsed, plan, geocoding, clock);
  const toWrite = plan.counts.create + plan.counts.update;
  await progress(db, job, clock)("writing", 0, toWrite);
  const outcome = await commitImport(db, { userId: job.actorId }, job.territoryId, plan, {
    origin: `le fichier « ${job.fileName} »`,
    now: clock(),
    // The job is done in the import's own transaction: the data and the status change together.
    afterWrites: (tx, done: CommitDone) => {
      const now = clock();
      const result: ImportJobResult = { counts: done.counts, structuresCreated: done.structuresCreated };
      return write(tx, job, now, { status: "done", result: result as unknown as Prisma.InputJsonValue, content: null, progressDone: toWrite, ...released(now) });
    },
  });
  // The territory changed between the check above and the lock: the plan computed under the lock.
  if (!outcome.ok) await staleAgain(db, job, parsed, outcome.plan, geocoding, clock);
}

async function fail(db: PrismaClient, job: ClaimedJob, code: ImportJobCode, now: Date) {
  await write(db, job, now, { status: "failed", errorCode: code, content: null, ...released(now) });
}

export type ImportJobOutcome = "ready" | "done" | "stale" | "failed" | "lost";

/** Runs one claimed job to its next resting step. Never throws: a failure is stored as a code. */
export async function runImportJob(
  db: PrismaClient,
  job: ClaimedJob,
  {
    clock = () => new Date(),
    onError = () => {},
    addressSearch = configuredAddressSearch(),
  }: { clock?: Clock; onError?: (error: unknown) => void; addressSearch?: AddressSearch | null } = {},
): Promise<ImportJobOutcome> {
  try {
    if (job.attempts > IMPORT_JOB_MAX_ATTEMPTS) {
      await fail(db, job, "import.interrupted", clock());
      return "failed";
    }
    if (job.status === "analysing") {
      await analyse(db, job, clock, addressSearch);
      return "ready";
    }
    await commit(db, job, clock);
    const after = await db.importJob.findUnique({ where: { id: job.id }, select: { status: true } });
    return after?.status === "done" ? "done" : "stale";
  } catch (error) {
    if (error instanceof ImportJobLost) return "lost";
    onError(error);
    try {
      await fail(db, job, "import.failed", clock());
    } catch (again) {
      if (!(again instanceof ImportJobLost)) onError(again);
      return "lost";
    }
    return "failed";
  }
}

/**
 * Claims and runs jobs one after the other until none is waiting (or `maxJobs` ran). Returns
 * what happened to each, in order.
 */
export async function runImportJobs(
  db: PrismaClient,
  {
    clock = () => new Date(),
    maxJobs = 20,
    onError,
    addressSearch = configuredAddressSearch(),
  }: { clock?: Clock; maxJobs?: number; onError?: (error: unknown) => void; addressSearch?: AddressSearch | null } = {},
): Promise<ImportJobOutcome[]> {
  const outcomes: ImportJobOutcome[] = [];
  for (let run = 0; run < maxJobs; run++) {
    const job = await claimImportJob(db, clock());
    if (!job) break;
    outcomes.push(await runImportJob(db, job, { clock, onError, addressSearch }));
  }
  return outcomes;
}

/**
 * The transfer indicators' SQL against figures computed here, independently, in plain loops over
 * the same transfers: a generated territory activity (a fixed pseudo-random sequence, so every run
 * writes the same rows) with parcours of one to four transfers, ping-pong, declines, expiries and
 * outcomes; and transfers outside the period and in another territory that must not count.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import type { DeclineReason, TransferLevel, TransferOutcome, TransferStatus } from "@/lib/generated/prisma/enums";
import { zonedInstant } from "@/lib/hours/rules";
import { delayBucket, histogramPercentile } from "./histogram";
import { PLATFORM_SCOPE, readSummaryFigures, refreshStaleMonths } from "./summary";
import { readTransferFigures } from "./transfer-figures";

const DAY = 86_400_000;
const period = { from: new Date("2026-09-01T00:00:00Z"), until: new Date("2026-12-01T00:00:00Z"), timeZone: "UTC" };

interface Row {
  id: string;
  parcoursId: string;
  territoryId: string;
  fromStructureId: string;
  toStructureId: string;
  level: TransferLevel;
  status: TransferStatus;
  sentAt: Date;
  acknowledgedAt: Date | null;
  acceptedAt: Date | null;
  closedAt: Date | null;
  declineReason: DeclineReason | null;
  outcome: TransferOutcome | null;
}

/** A fixed sequence (Park–Miller): the same rows on every run. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const rows: Row[] = [];
let structures: string[] = [];
let territoryId = "";

function generate(territory: string, members: string[], count: number, start: Date, next: () => number) {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  for (let index = 0; index < count; index++) {
    const parcoursId = randomUUID();
    const length = pick([1, 1, 1, 2, 2, 3, 4]);
    let from = pick(members);
    let sentAt = new Date(start.getTime() + Math.floor(next() * 85) * DAY + Math.floor(next() * 36_000_000));
    const visited = [from];
    for (let step = 0; step < length; step++) {
      // Sometimes back to a structure already met: ping-pong.
      const to = step > 0 && next() < 0.3 ? pick(visited.filter((structure) => structure !== from).concat(visited[0]!)) : pick(members.filter((structure) => structure !== from));
      const last = step === length - 1;
      const ending = last ? pick(["completed", "completed", "declined", "expired", "cancelled", "sent", "acknowledged", "accepted"] as const) : "declined";
      const acknowledgedAt = ending === "sent" || (ending === "expired" && next() < 0.5) ? null : new Date(sentAt.getTime() + Math.floor(next() * 5 * DAY));
      const acceptedAt = ["accepted", "completed"].includes(ending) || (ending === "cancelled" && next() < 0.5) ? new Date((acknowledgedAt ?? sentAt).getTime() + Math.floor(next() * 3 * DAY)) : null;
      const closedAt = ["completed", "declined", "expired", "cancelled"].includes(ending) ? new Date((acceptedAt ?? acknowledgedAt ?? sentAt).getTime() + Math.floor(next() * 10 * DAY) + 1000) : null;
      rows.push({
        id: step === 0 ? parcoursId : randomUUID(),
        parcoursId,
        territoryId: territory,
        fromStructureId: from,
        toStructureId: to,
        level: pick(["simple", "accompanied", "augmented"] as const),
        status: ending,
        sentAt,
        acknowledgedAt: ending === "declined" && next() < 0.5 ? null : acknowledgedAt,
        acceptedAt,
        closedAt,
        declineReason: ending === "declined" ? pick(["not_eligible", "no_capacity", "out_of_area", "other"] as const) : null,
        outcome: ending === "completed" ? pick(["resolved", "partially_resolved", "not_resolved_no_show", "unknown"] as const) : null,
      });
      visited.push(to);
      from = to;
      sentAt = new Date((closedAt ?? sentAt).getTime() + DAY);
    }
  }
}

beforeAll(async () => {
  await seedDemoTerritory(db, new Date("2026-10-01T09:00:00Z"));
  const territory = await db.territory.findUniqueOrThrow({ where: { slug: "val-de-lise" }, select: { id: true, structures: { select: { id: true }, orderBy: { name: "asc" } } } });
  territoryId = territory.id;
  structures = territory.structures.map((structure) => structure.id).slice(0, 6);
  // Another territory's transfers: never counted in this one's figures.
  const other = await db.territory.create({ data: { slug: "ailleurs", name: "Ailleurs", country: "FR" }, select: { id: true } });
  const strangers = await Promise.all(
    ["Un", "Deux"].map((name) => db.structure.create({ data: { territoryId: other.id, name, status: "published" }, select: { id: true } })),
  );
  const next = sequence(42);
  generate(territoryId, structures, 60, new Date("2026-09-01T00:00:00Z"), next);
  // Before the period: their parcours and their transfers do not count.
  generate(territoryId, structures, 8, new Date("2026-05-01T00:00:00Z"), next);
  generate(other.id, strangers.map((structure) => structure.id), 10, new Date("2026-09-01T00:00:00Z"), next);
  await db.transfer.createMany({
    data: rows.map((row, index) => ({
      ...row,
      code: `TR-TEST-${index}`,
      idempotencyKey: `indicators-${index}`,
      needDescription: "Démarche en ligne",
      equipment: [],
      consentScope: [],
    })),
  });
});

/** Object.groupBy, which Node 20 lacks. */
function groupBy<T>(list: T[], key: (item: T) => string): Record<string, T[] | undefined> {
  const groups: Record<string, T[]> = {};
  for (const item of list) (groups[key(item)] ??= []).push(item);
  return groups;
}

const inPeriod = (row: Row) => row.sentAt >= period.from && row.sentAt < period.until;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (position - low);
};

describe("the transfer indicators", () => {
  it("counts a territory's transfers of the period as plain loops over the same rows do", async () => {
    const figures = await readTransferFigures(db, { territoryId }, period);
    const cohort = rows.filter((row) => row.territoryId === territoryId && inPeriod(row));
    expect(cohort.length).toBeGreaterThan(80);
    expect(figures.overall).toEqual({
      sent: cohort.length,
      acknowledged: cohort.filter((row) => row.acknowledgedAt).length,
      accepted: cohort.filter((row) => row.acceptedAt).length,
      declined: cohort.filter((row) => row.status === "declined").length,
      expired: cohort.filter((row) => row.status === "expired").length,
      cancelled: cohort.filter((row) => row.status === "cancelled").length,
      completed: cohort.filter((row) => row.status === "completed").length,
      open: cohort.filter((row) => ["sent", "acknowledged", "accepted"].includes(row.status)).length,
      resolved: cohort.filter((row) => row.outcome === "resolved" || row.outcome === "partially_resolved").length,
    });
    for (const level of ["simple", "accompanied", "augmented"]) {
      expect(figures.byLevel.get(level)?.sent).toBe(cohort.filter((row) => row.level === level).length);
    }
    for (const structure of structures) {
      expect(figures.byReceiver.get(structure)?.sent ?? 0).toBe(cohort.filter((row) => row.toStructureId === structure).length);
      for (const receiver of structures) {
        const pair = cohort.filter((row) => row.fromStructureId === structure && row.toStructureId === receiver);
        expect(figures.byPair.get(`${structure} ${receiver}`)?.declined ?? 0).toBe(pair.filter((row) => row.status === "declined").length);
        expect(figures.byPair.get(`${structure} ${receiver}`)?.sent ?? 0).toBe(pair.length);
      }
    }
    const months = groupBy(cohort, (row) => row.sentAt.toISOString().slice(0, 7));
    expect(Object.fromEntries([...figures.byMonth].map(([month, counts]) => [month, counts.sent]))).toEqual(
      Object.fromEntries(Object.entries(months).map(([month, list]) => [month, list!.length])),
    );
    const reasons = groupBy(cohort.filter((row) => row.declineReason), (row) => row.declineReason!);
    expect(Object.fromEntries(figures.byDeclineReason)).toEqual(Object.fromEntries(Object.entries(reasons).map(([reason, list]) => [reason, list!.length])));
    const outcomes = groupBy(cohort.filter((row) => row.outcome), (row) => row.outcome!);
    expect(Object.fromEntries(figures.byOutcome)).toEqual(Object.fromEntries(Object.entries(outcomes).map(([outcome, list]) => [outcome, list!.length])));
  });

  it("gives the median and p90 of the time to acknowledge and to accept", async () => {
    const figures = await readTransferFigures(db, { territoryId }, period);
    const cohort = rows.filter((row) => row.territoryId === territoryId && inPeriod(row));
    const ack = cohort.filter((row) => row.acknowledgedAt).map((row) => (row.acknowledgedAt!.getTime() - row.sentAt.getTime()) / 1000);
    const accept = cohort.filter((row) => row.acceptedAt).map((row) => (row.acceptedAt!.getTime() - row.sentAt.getTime()) / 1000);
    expect(figures.delays.acknowledged).toBe(ack.length);
    expect(figures.delays.ackP50).toBeCloseTo(percentile(ack, 0.5), 3);
    expect(figures.delays.ackP90).toBeCloseTo(percentile(ack, 0.9), 3);
    expect(figures.delays.acceptP50).toBeCloseTo(percentile(accept, 0.5), 3);
    expect(figures.delays.acceptP90).toBeCloseTo(percentile(accept, 0.9), 3);
    const simple = cohort.filter((row) => row.level === "simple" && row.acceptedAt).map((row) => (row.acceptedAt!.getTime() - row.sentAt.getTime()) / 1000);
    expect(figures.delaysByLevel.get("simple")?.acceptP50).toBeCloseTo(percentile(simple, 0.5), 3);
  });

  it("follows each parcours begun in the period: structures met, time to close, how it ended", async () => {
    const figures = await readTransferFigures(db, { territoryId }, period);
    const begun = Object.values(groupBy(rows.filter((row) => row.territoryId === territoryId), (row) => row.parcoursId))
      .map((list) => list!.sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime()))
      .filter((list) => inPeriod(list[0]!));
    const open = begun.filter((list) => list.some((row) => ["sent", "acknowledged", "accepted"].includes(row.status)));
    const closed = begun.filter((list) => !open.includes(list));
    const structuresOf = (list: Row[]) => new Set(list.flatMap((row) => [row.fromStructureId, row.toStructureId])).size;
    const lastOf = (list: Row[]) => list.at(-1)!;
    expect(figures.parcours).toMatchObject({
      parcours: begun.length,
      open: open.length,
      closed: closed.length,
      resolved: closed.filter((list) => lastOf(list).outcome === "resolved").length,
      partiallyResolved: closed.filter((list) => lastOf(list).outcome === "partially_resolved").length,
      notResolved: closed.filter((list) => lastOf(list).outcome?.startsWith("not_resolved")).length,
      dropped: closed.filter((list) => ["declined", "expired", "cancelled"].includes(lastOf(list).status)).length,
      unknown: closed.filter((list) => lastOf(list).status === "completed" && lastOf(list).outcome === "unknown").length,
    });
    expect(figures.parcours.structuresMedian).toBe(percentile(begun.map(structuresOf), 0.5));
    const closing = closed.map((list) => (Math.max(...list.map((row) => row.closedAt!.getTime())) - list[0]!.sentAt.getTime()) / 1000);
    expect(figures.parcours.closingP50).toBeCloseTo(percentile(closing, 0.5), 3);
    expect(figures.parcours.closingP90).toBeCloseTo(percentile(closing, 0.9), 3);
    const distribution = groupBy(begun, (list) => String(Math.min(structuresOf(list), 5)));
    expect(Object.fromEntries([...figures.parcours.byStructures].map(([count, parcours]) => [String(count), parcours]))).toEqual(
      Object.fromEntries(Object.entries(distribution).map(([count, list]) => [count, list!.length])),
    );
  });

  it("counts ping-pong by pair: a person sent to a structure already in their parcours", async () => {
    const figures = await readTransferFigures(db, { territoryId }, period);
    const expected = new Map<string, number>();
    for (const row of rows.filter((candidate) => candidate.territoryId === territoryId && inPeriod(candidate))) {
      const earlier = rows.filter((other) => other.parcoursId === row.parcoursId && other.id !== row.id && other.sentAt < row.sentAt);
      if (earlier.some((other) => other.fromStructureId === row.toStructureId || other.toStructureId === row.toStructureId)) {
        const key = `${row.fromStructureId} ${row.toStructureId}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
    }
    expect(expected.size).toBeGreaterThan(0);
    expect(new Map(figures.pingPong.map(({ sender, receiver, transfers }) => [`${sender} ${receiver}`, transfers]))).toEqual(expected);
  });

  it("gives a structure only the transfers it sends or receives, and the platform every territory's", async () => {
    const structure = structures[0]!;
    const figures = await readTransferFigures(db, { structureId: structure }, period);
    const own = rows.filter((row) => inPeriod(row) && (row.fromStructureId === structure || row.toStructureId === structure));
    expect(figures.overall.sent).toBe(own.length);
    for (const key of figures.byPair.keys()) expect(key.split(" ")).toContain(structure);
    for (const { sender, receiver } of figures.pingPong) expect([sender, receiver]).toContain(structure);

    const platform = await readTransferFigures(db, { platform: true }, period);
    expect(platform.overall.sent).toBe(rows.filter(inPeriod).length);
    expect(platform.byPair.size).toBe(0);
    expect(platform.byReceiver.get(territoryId)?.sent).toBe(rows.filter((row) => inPeriod(row) && row.territoryId === territoryId).length);
  });
});

describe("the monthly summaries", () => {
  /** The same months in the territory's zone, for the transfers themselves. */
  const months = { from: "2026-09-01", until: "2026-12-01" };
  const parisPeriod = { from: zonedInstant(months.from, 0, "Europe/Paris"), until: zonedInstant(months.until, 0, "Europe/Paris"), timeZone: "Europe/Paris" };
  const histogram = (seconds: number[]) => {
    const counts = Array.from({ length: 149 }, () => 0);
    for (const value of seconds) counts[delayBucket(value)]!++;
    return counts;
  };

  it("puts values in the same buckets as the database", async () => {
    const samples = [0, 1, 3599, 3600, 172_799, 172_800, 216_000, 1_209_599, 1_209_600, 7_775_999, 7_776_000, 90_000_000, -5];
    const [row] = await db.$queryRaw<{ buckets: number[] }[]>`SELECT array_agg(toile_delay_bucket(x) ORDER BY i) AS buckets FROM unnest(${samples}::numeric[]) WITH ORDINALITY AS s(x, i)`;
    expect(row!.buckets).toEqual(samples.map(delayBucket));
  });

  it("give a territory's months the same figures as its transfers, delays read from histograms", async () => {
    expect(await refreshStaleMonths(db)).toBeGreaterThan(0);
    const summary = await readSummaryFigures(db, territoryId, months);
    const raw = await readTransferFigures(db, { territoryId }, parisPeriod);
    expect(summary.overall).toEqual(raw.overall);
    for (const key of ["byLevel", "byNeed", "byReceiver", "byPair", "byMonth", "byDeclineReason", "byOutcome"] as const) {
      expect(Object.fromEntries(summary[key] as Map<string, unknown>), key).toEqual(Object.fromEntries(raw[key] as Map<string, unknown>));
    }
    expect(summary.pingPong).toEqual(raw.pingPong);
    const { closingP50, closingP90, ...parcours } = summary.parcours;
    const { closingP50: rawP50, closingP90: rawP90, ...rawParcours } = raw.parcours;
    expect(parcours).toEqual(rawParcours);
    const cohort = rows.filter((row) => row.territoryId === territoryId && row.sentAt >= parisPeriod.from && row.sentAt < parisPeriod.until);
    const accept = histogram(cohort.filter((row) => row.acceptedAt).map((row) => (row.acceptedAt!.getTime() - row.sentAt.getTime()) / 1000));
    expect(summary.delays.accepted).toBe(raw.delays.accepted);
    expect(summary.delays.acceptP50).toBeCloseTo(histogramPercentile(accept, 0.5)!, 3);
    expect(summary.delays.acceptP90).toBeCloseTo(histogramPercentile(accept, 0.9)!, 3);
    // A histogram's median lies in the bucket of the exact one: within 12 hours here.
    expect(Math.abs(summary.delays.acceptP50! - raw.delays.acceptP50!)).toBeLessThan(12 * 3600);
    expect(Math.abs(closingP50! - rawP50!)).toBeLessThan(24 * 3600);
    expect(Math.abs(closingP90! - rawP90!)).toBeLessThan(24 * 3600);
  });

  it("sum every territory for the platform, by territory", async () => {
    await refreshStaleMonths(db);
    const platform = await readSummaryFigures(db, PLATFORM_SCOPE, months);
    const raw = await readTransferFigures(db, { platform: true }, parisPeriod);
    expect(platform.overall).toEqual(raw.overall);
    expect(Object.fromEntries(platform.byReceiver)).toEqual(Object.fromEntries(raw.byReceiver));
    expect(platform.byPair.size).toBe(0);
    expect(platform.parcours.parcours).toBe(raw.parcours.parcours);
  });

  it("follow every write: the months a statement touches are marked, and computed again", async () => {
    await refreshStaleMonths(db);
    expect(await db.indicatorStaleMonth.count()).toBe(0);
    const before = await readSummaryFigures(db, territoryId, months);
    const open = await db.transfer.findFirstOrThrow({ where: { territoryId, status: "sent", sentAt: { gte: parisPeriod.from, lt: parisPeriod.until } } });
    // A plain update, as any writer would: no helper to call.
    await db.transfer.update({ where: { id: open.id }, data: { status: "declined", declineReason: "no_capacity", closedAt: new Date(open.sentAt!.getTime() + 3_600_000) } });
    expect(await db.indicatorStaleMonth.count()).toBeGreaterThan(0);
    await refreshStaleMonths(db, { territoryId });
    const after = await readSummaryFigures(db, territoryId, months);
    expect(after.overall.declined).toBe(before.overall.declined + 1);
    expect(after.overall.open).toBe(before.overall.open - 1);
    expect(after.byDeclineReason.get("no_capacity")).toBe((before.byDeclineReason.get("no_capacity") ?? 0) + 1);
    await refreshStaleMonths(db);
    expect((await readSummaryFigures(db, PLATFORM_SCOPE, months)).overall).toEqual((await readTransferFigures(db, { platform: true }, parisPeriod)).overall);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { eraseReporterAddresses, REPORTER_ADDRESS_DAYS } from "@/lib/maintenance/purges";
import { reportOfferError } from "@/lib/public-offer/report";
import { listErrorReports, moveErrorReport, openReportCount } from "./queue";

const ORIGIN = "https://toile.test";
const T0 = new Date("2027-04-01T08:00:00Z");
const DAY = 24 * 60 * 60_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);

let territoryId: string;
let actorId: string;

beforeAll(async () => {
  ({ territoryId } = await seedDemoTerritory(db, T0));
  actorId = (await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } })).id;
});

const offerOf = (structure: string) => db.offer.findFirstOrThrow({ where: { status: "published", structure: { name: structure } }, select: { id: true, title: true, structureId: true } });
const report = (offerId: string, fields: { subject?: "hours" | "phone" | "gone"; message?: string; email?: string | null; ip?: string }, now: Date) =>
  reportOfferError(db, { offerId, subject: fields.subject ?? "hours", message: fields.message ?? "", email: fields.email ?? null, website: "" }, { ip: fields.ip ?? "192.0.2.10", origin: ORIGIN, now });

describe("the error-report queue", () => {
  it("groups the reports on one offer in its open case, and opens a new case once it is closed", async () => {
    const offer = await offerOf("Repair café du Val de Lise");
    await report(offer.id, { message: "Fermé le samedi", email: "habitant@exemple.fr" }, at(0));
    await report(offer.id, { subject: "phone", ip: "192.0.2.11" }, at(1));
    const [grouped] = await listErrorReports(db, { structureId: offer.structureId }, "open");
    expect(grouped).toMatchObject({ offerId: offer.id, status: "new", reportCount: 2, lastReportedAt: at(1) });
    expect(grouped!.entries.map((entry) => [entry.subject, entry.message, entry.replyEmail])).toEqual([
      ["phone", "", null],
      ["hours", "Fermé le samedi", "habitant@exemple.fr"],
    ]);
    expect(await openReportCount(db, offer.structureId)).toBe(1);
    // The email to the structure points to its queue.
    const notice = await db.outboxEmail.findFirstOrThrow({ where: { subject: `Erreur signalée : ${offer.title}` }, orderBy: { createdAt: "desc" } });
    expect(notice.text).toContain(`${ORIGIN}/structures/${offer.structureId}/signalements`);

    expect(await moveErrorReport(db, { reportId: grouped!.id, from: "new", to: "in_progress", note: null }, { actorId, origin: ORIGIN, now: at(2) })).toEqual({ ok: true, status: "in_progress" });
    // Two people at once: the second saw "new" and is told it moved.
    expect(await moveErrorReport(db, { reportId: grouped!.id, from: "new", to: "rejected", note: "Juste" }, { actorId, origin: ORIGIN, now: at(2) })).toEqual({ ok: false, reason: "already_moved" });
    expect(await moveErrorReport(db, { reportId: grouped!.id, from: "in_progress", to: "fixed", note: null }, { actorId, origin: ORIGIN, now: at(3) })).toEqual({ ok: true, status: "fixed" });
    expect(await moveErrorReport(db, { reportId: grouped!.id, from: "fixed", to: "new", note: null }, { actorId, origin: ORIGIN, now: at(3) })).toEqual({ ok: false, reason: "not_allowed" });

    // The reporter who left an address is thanked once, with the public page and nothing personal.
    const thanks = await db.outboxEmail.findMany({ where: { to: "habitant@exemple.fr" } });
    expect(thanks).toHaveLength(1);
    expect(thanks[0]!.text).toContain(`${ORIGIN}/t/val-de-lise/offres/${offer.id}`);
    expect(thanks[0]!.text).not.toMatch(/Claire|Martin|coordination@|192\.0\.2/);

    await report(offer.id, { subject: "gone", ip: "192.0.2.12" }, at(4));
    const cases = await listErrorReports(db, { structureId: offer.structureId }, "all");
    expect(cases.map((each) => [each.status, each.reportCount])).toEqual([
      ["new", 1],
      ["fixed", 2],
    ]);
  });

  it("shows a territory's cases to its scope only, and erases reporters' addresses 30 days after closing", async () => {
    const offer = await offerOf("Bureau Information Jeunesse");
    await report(offer.id, { email: "jeune@exemple.fr", ip: "192.0.2.20" }, at(10));
    const [open] = await listErrorReports(db, { structureId: offer.structureId }, "new");
    const other = await db.territory.create({ data: { slug: "ailleurs", name: "Ailleurs", country: "FR" } });
    expect(await listErrorReports(db, { territoryId: other.id }, "all")).toEqual([]);
    expect((await listErrorReports(db, { territoryId }, "all")).some((each) => each.id === open!.id)).toBe(true);

    await moveErrorReport(db, { reportId: open!.id, from: "new", to: "rejected", note: "L'information était juste" }, { actorId, origin: ORIGIN, now: at(11) });
    expect(await db.outboxEmail.count({ where: { to: "jeune@exemple.fr" } })).toBe(0);
    const kept = () => db.errorReportEntry.count({ where: { reportId: open!.id, replyEmail: { not: null } } });
    await eraseReporterAddresses(db, at(11 + REPORTER_ADDRESS_DAYS - 1));
    expect(await kept()).toBe(1);
    expect(await eraseReporterAddresses(db, at(11 + REPORTER_ADDRESS_DAYS))).toBe(1);
    expect(await kept()).toBe(0);
    // The case itself stays, with its reason.
    expect(await db.errorReport.findUniqueOrThrow({ where: { id: open!.id } })).toMatchObject({ status: "rejected", note: "L'information était juste" });
  });
});

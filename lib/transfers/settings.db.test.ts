import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type SignedInActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { findTransferSettings, saveTransferSettings, transferSettingsSchema } from "./settings";

let coordinator: SignedInActor;
let member: SignedInActor;
let platformAdmin: SignedInActor;
let slug: string;
let territoryId: string;

const actorByEmail = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;

beforeAll(async () => {
  await seedDemoTerritory(db);
  coordinator = await actorByEmail("coordination@val-de-lise.exemple.fr");
  member = await actorByEmail("accueil@franceservices.exemple.fr");
  platformAdmin = await actorByEmail("admin@toile.exemple.fr");
  const territory = await db.territory.findFirstOrThrow({ where: { coordinators: { some: { userId: coordinator.userId } } } });
  slug = territory.slug;
  territoryId = territory.id;
});

const input = (version: string, values: Partial<Record<string, string>> = {}) =>
  transferSettingsSchema.parse({
    territoryId,
    version,
    ackReminderWorkingDays: "2",
    acceptReminderWorkingDays: "5",
    expiryDays: "14",
    retentionDays: "90",
    ...values,
  });

describe("findTransferSettings", () => {
  it("reads the territory's timers for its coordinators and platform admins only", async () => {
    expect(await findTransferSettings(db, coordinator, slug)).toMatchObject({
      id: territoryId,
      slug,
      country: "FR",
      values: { ackReminderWorkingDays: 2, acceptReminderWorkingDays: 5, expiryDays: 14, retentionDays: 90 },
    });
    expect(await findTransferSettings(db, platformAdmin, slug)).not.toBeNull();
    expect(await findTransferSettings(db, member, slug)).toBeNull();
    expect(await findTransferSettings(db, coordinator, "un-autre-territoire")).toBeNull();
    // The action is authorized by the same rule.
    expect(can(coordinator, "territory.manage", { territoryId })).toBe(true);
    expect(can(member, "territory.manage", { territoryId })).toBe(false);
  });
});

describe("saveTransferSettings", () => {
  it("saves, returns the new version, and refuses a save based on an old version", async () => {
    const loaded = (await findTransferSettings(db, coordinator, slug))!;
    const saved = await saveTransferSettings(db, input(loaded.version, { ackReminderWorkingDays: "3", retentionDays: "30" }));
    expect(saved).toMatchObject({ ok: true, changed: ["ackReminderWorkingDays", "retentionDays"] });
    expect(await db.territory.findUniqueOrThrow({ where: { id: territoryId } })).toMatchObject({
      transferAckReminderWorkingDays: 3,
      transferAcceptReminderWorkingDays: 5,
      transferExpiryDays: 14,
      transferRetentionDays: 30,
    });
    const version = saved.ok ? saved.version : "";
    expect(version).not.toBe(loaded.version);

    // Someone who loaded the form before that save is told what differs; nothing is written.
    const stale = await saveTransferSettings(db, input(loaded.version, { expiryDays: "20" }));
    expect(stale).toEqual({ ok: false, reason: "conflict", changedMeanwhile: ["ackReminderWorkingDays", "expiryDays", "retentionDays"] });
    expect((await db.territory.findUniqueOrThrow({ where: { id: territoryId } })).transferExpiryDays).toBe(14);

    // With the new version, the next save works; saving the same values changes nothing.
    expect(await saveTransferSettings(db, input(version, { ackReminderWorkingDays: "3", retentionDays: "30", expiryDays: "20" }))).toMatchObject({
      ok: true,
      changed: ["expiryDays"],
    });
    const latest = (await findTransferSettings(db, coordinator, slug))!;
    expect(await saveTransferSettings(db, input(latest.version, { ackReminderWorkingDays: "3", retentionDays: "30", expiryDays: "20" }))).toEqual({
      ok: true,
      changed: [],
      version: latest.version,
    });
  });

  it("refuses an unknown territory", async () => {
    expect(await saveTransferSettings(db, { ...input(new Date().toISOString()), territoryId: crypto.randomUUID() })).toEqual({ ok: false, reason: "not_found" });
  });
});

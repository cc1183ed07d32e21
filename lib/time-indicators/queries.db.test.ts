import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { noShowRate, periodOf, territoryActivity } from "./queries";

const now = new Date("2026-11-23T09:00:00Z");

const actorOf = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;

beforeAll(async () => {
  await seedDemoTerritory(db, new Date("2026-10-01T09:00:00Z"));
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" } });
  const base = { territoryId: offer.territoryId, structureId: offer.structureId, offerId: offer.id, kind: "procedure" as const, personLabel: "José" };
  const at = (day: number) => ({ startsAt: new Date(Date.UTC(2026, 10, day, 13)), endsAt: new Date(Date.UTC(2026, 10, day, 14)) });
  await db.appointment.createMany({
    data: [
      { ...base, ...at(10), status: "attended", channel: "transfer" },
      { ...base, ...at(11), status: "attended", channel: "staff" },
      { ...base, ...at(12), status: "attended", channel: "resident" },
      { ...base, ...at(13), status: "no_show", channel: "resident" },
      { ...base, ...at(16), status: "cancelled", channel: "staff" },
      // Outside the last 30 days: not counted.
      { ...base, startsAt: new Date("2026-09-01T13:00:00Z"), endsAt: new Date("2026-09-01T14:00:00Z"), status: "no_show", channel: "staff" },
    ],
  });
});

describe("the territory's activity of time given to people", () => {
  it("computes the no-show rate over the appointments that happened", () => {
    expect(noShowRate({ attended: 3, no_show: 1 })).toBe(0.25);
    expect(noShowRate({ attended: 0, no_show: 0 })).toBeNull();
    expect(periodOf("90j")).toBe("90j");
    expect(periodOf("<script>")).toBe("30j");
  });

  it("counts the period's appointments by outcome and origin, with the workshops, for the coordinators only", async () => {
    const activity = await territoryActivity(db, await actorOf("coordination@val-de-lise.exemple.fr"), "val-de-lise", "30j", now);
    expect(activity!.appointments).toMatchObject({
      total: 5,
      byStatus: { attended: 3, no_show: 1, cancelled: 1 },
      byChannel: { transfer: 1, staff: 2, resident: 2 },
      noShowRate: 0.25,
    });
    // The demo's first Saturday workshop (4 October) is in the last 90 days, not the last 30.
    expect((await territoryActivity(db, await actorOf("coordination@val-de-lise.exemple.fr"), "val-de-lise", "90j", now))!.workshops.confirmed).toBe(8);
    expect(JSON.stringify(activity)).not.toContain("José");
    expect(await territoryActivity(db, await actorOf("accueil@franceservices.exemple.fr"), "val-de-lise", "30j", now)).toBeNull();
  });
});

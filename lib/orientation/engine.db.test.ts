/**
 * The orientation engine on the demo territory, through the real database: the index, the agendas'
 * free slots, the matrix's redirections, the problems said back, who may use the assistant, and the
 * transfer form prefilled from its analysis.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { findNeed } from "@/lib/public-search/needs";
import { loadCreatePage } from "@/lib/transfers/create-form";
import { orient } from "./engine";
import { assistantPage, assistantTerritories } from "./page-data";
import { parseSituation } from "./situation";

// Monday 23 November 2026, 10:00 in Château-Thierry.
const now = new Date("2026-11-23T09:00:00Z");
const actorOf = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;
const orientIn = async (params: Record<string, string | string[]>, slug = "val-de-lise") => (await orient(db, slug, parseSituation(params), now))!;
const titles = (items: { offer: { title: string } }[]) => items.map(({ offer }) => offer.title);

beforeAll(async () => {
  await seedDemoTerritory(db, new Date("2026-11-01T09:00:00Z"));
});

describe("the orientation engine on the demo territory", () => {
  it("ranks France Services first for a tax return done for someone, with its agenda's next free slot, and leaves the over-60s' offer out", async () => {
    const result = await orientIn({ besoin: "impots", age: "26_59", aisance: "none", commune: "Château-Thierry" });
    expect(result.problems).toEqual([]);
    const [first] = result.ranked;
    expect(first!.offer.title).toBe("Aide aux démarches administratives en ligne");
    // Sophie Leroy's agenda: Tuesdays and Thursdays, 14:00–17:00 at France Services.
    expect(first!.nextFreeSlot).toBe("2026-11-24T13:00:00.000Z");
    expect(first!.reasons).toContainEqual(expect.objectContaining({ code: "next_free_slot", params: { at: "2026-11-24T13:00:00.000Z" } }));
    expect(result.excluded).toContainEqual(
      expect.objectContaining({ offer: expect.objectContaining({ title: "Démarches en ligne faites pour vous, à partir de 60 ans" }), exclusion: { code: "age_restricted", params: { minAge: 60 } } }),
    );
  });

  it("follows the matrix's redirections: a broken computer goes to the Repair Café, named by the partners that do not repair", async () => {
    const result = await orientIn({ q: "mon ordinateur est en panne", commune: "Essômes-sur-Marne" });
    expect(result.ranked[0]!.offer.title).toBe("Réparer ensemble ordinateurs et smartphones");
    expect(result.ranked[0]!.reasons.filter(({ code }) => code === "redirected_here").map(({ params }) => params.fromStructure).sort()).toEqual([
      "Association Lien numérique",
      "Espace public numérique d'Essômes-sur-Marne",
    ]);
    expect(result.excluded).toContainEqual(
      expect.objectContaining({
        offer: expect.objectContaining({ title: "Permanence de l'informaticien public" }),
        exclusion: { code: "redirects_elsewhere", params: { notOffered: "Réparation de matériel", to: "Réparer ensemble ordinateurs et smartphones" } },
      }),
    );
  });

  it("sends a social-rights question to the social service and says the digital mediator does not do it", async () => {
    const result = await orientIn({ besoin: "aide-sociale-et-juridique" });
    expect(titles(result.ranked)).toEqual(["Accompagnement social sur rendez-vous"]);
    expect(titles(result.excluded)).toContain("Permanence de l'informaticien public");
  });

  it("says what contradicts the calendar or the territory, and still ranks", async () => {
    const result = await orientIn({ besoin: "impots", echeance: "2026-11-20", commune: "Lyon", distance: "5" });
    expect(result.problems).toEqual([
      { code: "deadline_past", params: { deadline: "2026-11-20" } },
      { code: "commune_unknown", params: { commune: "Lyon" } },
    ]);
    expect(result.ranked.length).toBeGreaterThan(0);
    expect(result.ranked.every(({ reasons }) => reasons.every(({ code }) => code !== "distance"))).toBe(true);
    expect((await orientIn({ besoin: "impots", distance: "5" })).problems).toEqual([{ code: "distance_without_commune", params: {} }]);
  });

  it("answers unknown words with the closest needs and the frequent ones, never an empty page", async () => {
    const result = await orientIn({ q: "xqzwv" });
    expect(result.problems).toEqual([{ code: "need_unknown", params: { words: "xqzwv" } }]);
    expect(result.suggestions!.frequent.length).toBe(10);
    expect(result.ranked).toEqual([]);
    const typo = await orientIn({ q: "logmnt social" });
    expect(typo.needs.length + (typo.suggestions?.closest.length ?? 0)).toBeGreaterThan(0);
    expect(await orient(db, "nowhere", parseSituation({ besoin: "impots" }), now)).toBeNull();
  });
});

describe("the mediators' assistant", () => {
  it("is for the territory's members and coordinators only", async () => {
    const parsed = parseSituation({ besoin: "impots" });
    const mediator = await actorOf("informaticien@lien-numerique.exemple.org");
    expect((await assistantPage(db, mediator, "val-de-lise", parsed, now))!.mayTransfer).toBe(true);
    expect((await assistantTerritories(db, mediator)).map(({ slug }) => slug)).toEqual(["val-de-lise"]);
    const stranger = await db.user.create({ data: { email: `stranger-${crypto.randomUUID()}@exemple.org`, name: "Personne" } });
    const outsider = (await loadActor(db, stranger.id))!;
    expect(await assistantPage(db, outsider, "val-de-lise", parsed, now)).toBeNull();
    expect(await assistantTerritories(db, outsider)).toEqual([]);
  });

  it("prefills the transfer form with its analysis, never with personal details", async () => {
    const mediator = await actorOf("informaticien@lien-numerique.exemple.org");
    const offer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" } });
    const analysis = parseSituation({
      besoin: "impots",
      urgence: "urgent",
      difficulte: "complex",
      echeance: "2026-11-27",
      aisance: "none",
      equipement: "smartphone",
      objectif: "faire-a-la-place",
      age: "60_plus",
      langue: "ar",
    }).situation;
    const page = (await loadCreatePage(db, mediator, { offerId: offer.id, analysis, level: "augmented", now }))!;
    // One of the offer's need terms that the « impôts » need names.
    const impots = findNeed("impots")!.terms.map(({ code }) => code);
    expect(page.offer.needTerms.filter(({ code }) => impots.includes(code)).map(({ id }) => id)).toContain(page.defaults.needTermId);
    expect(page.defaults).toMatchObject({
      level: "augmented",
      needDescription: "Déclarer ses impôts en ligne",
      urgency: "urgent",
      difficulty: "complex",
      deadline: "2026-11-27",
      digitalEase: "none",
      equipment: ["smartphone"],
      supportGoal: "immediate",
      ageBand: "60_plus",
      language: "",
      personLabel: "",
      phone: "",
    });
  });
});

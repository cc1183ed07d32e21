/**
 * The seeds' scenarios, as table tests of the pure ranking: a small territory written from seed
 * 001's matrix (France Services, the CCAS for the over-60s, the youth information office, the
 * Mission locale, the department's social service, a public IT helper's permanence, a Repair Café,
 * the media library, a phone line), a Monday morning, and the situations the seeds describe.
 * Each case says who comes first, with the reasons shown, and who is left out, with why.
 */
import { describe, expect, it } from "vitest";
import type { Schedule, Slot } from "@/lib/hours/rules";
import { matchNeeds } from "@/lib/public-search/match";
import { findNeed } from "@/lib/public-search/needs";
import type { IndexedOffer, IndexedPlace, IndexedRedirect, TermRef } from "@/lib/public-search/territory-index";
import { tokens } from "@/lib/public-search/text";
import { exclusionText, reasonText } from "./reason-text";
import { orientationCandidates, rankOffers, wantedPosture } from "./rank";
import { parseSituation } from "./situation";
import type { ExcludedOffer, RankedOffer } from "./types";

const ZONE = "Europe/Paris";
// Monday 23 November 2026, 10:00 in Château-Thierry.
const NOW = new Date("2026-11-23T09:00:00Z");
const VERIFIED = new Date("2026-11-02T09:00:00Z");

const di = (code: string): TermRef => ({ vocabularyKey: "dataInclusion.v1.thematiques", code });
const lmn = (code: string): TermRef => ({ vocabularyKey: "lmn.services", code });
const publicOf = (code: string): TermRef => ({ vocabularyKey: "dataInclusion.v1.publics", code });
const posture = (code: string): TermRef => ({ vocabularyKey: "toile.postures", code });
const access = (code: string): TermRef => ({ vocabularyKey: "toile.modes_acces", code });
const FREE = { vocabularyKey: "lmn.frais_a_charge", code: "Gratuit" };

const PAPERWORK = di("difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives");
const ONLINE = di("numerique--acceder-a-des-services-en-ligne");
const BASICS = di("numerique--maitriser-les-fondamentaux-du-numerique");
const CV = di("preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation");

const hours = (weekdays: number[], ...ranges: string[]): Slot[] =>
  weekdays.flatMap((weekday) =>
    ranges.map((range) => {
      const [opens, closes] = range.split("-").map((time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));
      return { weekday, opensAtMinute: opens!, closesAtMinute: closes!, appointmentOnly: false };
    }),
  );
const schedule = (slots: Slot[], exceptions: Schedule["exceptions"] = []): Schedule => ({ slots, exceptions, publicHolidays: "closed", timeZone: ZONE, country: "FR" });

const CHATEAU = { communeCode: "02168", communeName: "Château-Thierry", postalCode: "02400", latitude: 49.0459, longitude: 3.4016 };
const CHARLY = { communeCode: "02163", communeName: "Charly-sur-Marne", postalCode: "02310", latitude: 48.9775, longitude: 3.2847 };
const place = (name: string, at: typeof CHATEAU, wheelchairAccessible: boolean | null = true): IndexedPlace => ({ name, address: "1 rue de la Gare", ...at, wheelchairAccessible });

let rank = 0;
function offer(id: string, fields: Partial<IndexedOffer> & { terms: TermRef[]; slots: Slot[]; exceptions?: Schedule["exceptions"] }): IndexedOffer {
  const { slots, exceptions, schedules: _ignored, ...rest } = fields;
  const places = rest.places ?? [place(id, CHATEAU)];
  return {
    id,
    title: id,
    description: "",
    minAge: null,
    maxAge: null,
    feeDetails: null,
    lastVerifiedAt: VERIFIED,
    unconfirmedSince: null,
    structureId: `structure-${id}`,
    structureName: `Structure ${id}`,
    phone: null,
    residencyCondition: null,
    otherConditions: null,
    documentsToBring: [],
    languages: ["fr"],
    isSaturated: false,
    acceptsTransfers: true,
    typicalDelayDays: null,
    redirects: [],
    text: tokens(`${rest.title ?? id} ${rest.description ?? ""}`).join(" "),
    schedules: places.length === 0 ? [schedule(slots, exceptions)] : places.map(() => schedule(slots, exceptions)),
    frenchRank: rank++,
    ...rest,
    places,
  };
}
const redirect = (notOffered: string, toOfferId: string): IndexedRedirect => ({ notOffered, toOfferId, toStructureId: null, note: null });

const OFFERS: IndexedOffer[] = [
  offer("france-services", {
    terms: [PAPERWORK, ONLINE, lmn("Aide aux démarches administratives"), publicOf("tous-publics"), posture("faire-avec"), posture("faire-a-la-place"), access("sans-rendez-vous"), access("sur-rendez-vous"), FREE],
    slots: [...hours([2, 3, 5], "10:00-12:00", "14:00-17:00"), ...hours([4], "10:00-17:00")],
    documentsToBring: ["Pièce d'identité", "Identifiants de l'organisme"],
    redirects: [redirect("Accompagnement vers l'emploi des moins de 26 ans", "mission-locale")],
  }),
  offer("informaticien", {
    terms: [BASICS, ONLINE, lmn("Maîtrise des outils numériques du quotidien"), publicOf("tous-publics"), posture("faire-avec"), posture("apprendre-a-faire"), access("sans-rendez-vous"), FREE],
    slots: hours([1, 3], "14:00-17:00"),
    redirects: [redirect("Questions juridiques ou sociales", "social"), redirect("Réparation de matériel", "repair-cafe")],
  }),
  offer("ccas", {
    terms: [PAPERWORK, lmn("Aide aux démarches administratives"), publicOf("seniors"), posture("faire-a-la-place"), access("sans-rendez-vous"), FREE],
    slots: hours([2, 4], "13:00-17:00"),
    minAge: 60,
    documentsToBring: ["Pièce d'identité"],
  }),
  offer("bij", {
    terms: [CV, ONLINE, publicOf("jeunes"), posture("apprendre-a-faire"), posture("faire-avec"), access("acces-libre"), FREE],
    slots: hours([1, 2, 3, 4, 5], "10:00-12:00", "14:00-18:00"),
    maxAge: 25,
  }),
  offer("mission-locale", {
    terms: [CV, di("trouver-un-emploi--repondre-a-des-offres-demploi"), lmn("Insertion professionnelle via le numérique"), publicOf("jeunes"), posture("faire-avec"), access("sur-rendez-vous"), FREE],
    slots: hours([1, 2, 3, 4, 5], "09:00-12:00", "14:00-17:00"),
    minAge: 16,
    maxAge: 25,
  }),
  offer("social", {
    terms: [di("difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"), di("difficultes-financieres--ameliorer-sa-gestion-budgetaire"), publicOf("tous-publics"), posture("faire-avec"), access("sur-rendez-vous"), FREE],
    slots: [...hours([1, 2, 4], "13:00-17:00"), ...hours([3], "09:00-17:00")],
    isSaturated: true,
  }),
  offer("repair-cafe", {
    terms: [di("numerique--acquerir-un-equipement"), lmn("Accès internet et matériel informatique"), publicOf("tous-publics"), posture("faire-avec"), access("acces-libre"), FREE],
    slots: hours([6], "14:00-17:00"),
    places: [place("Salle des fêtes de Charly", CHARLY, null)],
    otherConditions: "Le premier samedi du mois.",
  }),
  offer("postes-mediatheque", {
    terms: [di("numerique--acceder-a-une-connexion-internet"), lmn("Accès internet et matériel informatique"), publicOf("tous-publics"), posture("apprendre-a-faire"), access("acces-libre")],
    slots: hours([2, 3, 4, 5, 6], "10:00-17:00"),
    residencyCondition: "Être abonné à la médiathèque.",
    redirects: [redirect("Démarches administratives", "france-services")],
  }),
  offer("ateliers-epn", {
    terms: [BASICS, lmn("Maîtrise des outils numériques du quotidien"), publicOf("seniors"), posture("apprendre-a-faire"), access("atelier-collectif"), FREE],
    slots: hours([2], "14:00-16:00"),
    typicalDelayDays: 14,
    places: [place("Espace public numérique", CHARLY, false)],
    redirects: [redirect("Réparation d'ordinateur", "repair-cafe")],
  }),
  offer("ligne", {
    terms: [ONLINE, BASICS, lmn("Aide aux démarches administratives"), publicOf("tous-publics"), posture("faire-avec"), access("a-distance"), FREE],
    slots: hours([2, 4], "09:00-12:00"),
    places: [],
  }),
];
const STRUCTURES = new Map(OFFERS.map((item) => [item.structureId, item.structureName]));

/** France Services has agendas: its next free slot is Tuesday at 14:00. */
const FREE_SLOTS = { first: new Map([["france-services", new Date("2026-11-24T13:00:00Z")]]), withAgenda: new Set(["france-services", "social"]) };

async function orientFor(params: Record<string, string | string[]>, offers: IndexedOffer[] = OFFERS, now = NOW) {
  const { situation } = parseSituation(params);
  const chosen = situation.besoin ? findNeed(situation.besoin, "FR") : undefined;
  const needs = chosen ? [{ need: chosen, score: 1 }] : matchNeeds(situation.q, "FR");
  const words = needs.length === 0 ? tokens(situation.q) : [];
  const sets = orientationCandidates(offers, { needs, words }, STRUCTURES, (text) => matchNeeds(text, "FR"));
  const origin = situation.commune === "Charly-sur-Marne" ? CHARLY : situation.commune ? CHATEAU : null;
  // The agendas of the shortlisted offers only, as the engine reads them.
  const freeSlotsOf = async (offerIds: string[]) => ({
    first: new Map([...FREE_SLOTS.first].filter(([id]) => offerIds.includes(id))),
    withAgenda: new Set([...FREE_SLOTS.withAgenda].filter((id) => offerIds.includes(id))),
  });
  return rankOffers(sets, { situation, origin, now, timeZone: ZONE, staleAfterMonths: 6 }, freeSlotsOf);
}

const ids = (ranked: RankedOffer[]) => ranked.map(({ offer: { id } }) => id);
const codes = (item: RankedOffer) => item.reasons.map(({ code }) => code);
const exclusionOf = (excluded: ExcludedOffer[], id: string) => excluded.find(({ offer }) => offer.id === id)?.exclusion;
const sentences = (item: RankedOffer) => item.reasons.map((reason) => reasonText(reason, ZONE));

describe("the seeds' scenarios", () => {
  it("José, 42, must send a job application with his CV before Friday: the youth offers are left out by age, the mediators help with the digital part", async () => {
    const { ranked, excluded } = await orientFor({
      q: "refaire mon CV et une lettre de motivation",
      age: "26_59",
      urgence: "urgent",
      echeance: "2026-11-27",
      aisance: "basic",
      equipement: ["computer", "internet", "email_address"],
      objectif: "faire-avec",
      commune: "Château-Thierry",
    });
    expect(exclusionOf(excluded, "mission-locale")).toEqual({ code: "age_restricted", params: { minAge: 16, maxAge: 25 } });
    expect(exclusionText(exclusionOf(excluded, "mission-locale")!, ZONE)).toBe("Réservé aux 16–25 ans");
    expect(exclusionOf(excluded, "bij")).toEqual({ code: "age_restricted", params: { maxAge: 25 } });
    // Nobody on the territory does CVs for a 42-year-old (seed 001): the digital part, "faire avec", before Friday.
    expect(ids(ranked).slice(0, 2)).toEqual(["france-services", "informaticien"]);
    for (const item of ranked) expect(codes(item)).toContain("digital_part_only");
    expect(codes(ranked[0]!)).toEqual(expect.arrayContaining(["posture_matches", "walk_in", "open_before_deadline", "next_free_slot"]));
    expect(sentences(ranked[0]!)).toContain("Ouvert avant l'échéance du vendredi 27 novembre : mardi 24 novembre 2026 à 10:00");
    // The workshops take a fortnight to start: past the deadline.
    expect(codes(ranked.find(({ offer }) => offer.id === "ateliers-epn")!)).toContain("delay_beyond_deadline");
  });

  it("a tax return for someone without equipment: done for them at France Services; the phone line needs equipment; the over-60s' offer is left out", async () => {
    const { ranked, excluded } = await orientFor({ besoin: "impots", age: "26_59", aisance: "none", equipement: "none", commune: "Château-Thierry" });
    expect(ranked[0]!.offer.id).toBe("france-services");
    expect(ranked[0]!.reasons.slice(0, 2).map(({ code, params }) => [code, params])).toEqual([
      ["need_answered", { need: "impots", coverage: "full" }],
      ["posture_matches", { posture: "faire-a-la-place" }],
    ]);
    expect(sentences(ranked[0]!)).toContain("À apporter : Pièce d'identité ; Identifiants de l'organisme");
    const line = ranked.find(({ offer }) => offer.id === "ligne")!;
    expect(line.reasons).toContainEqual(expect.objectContaining({ code: "remote_needs_equipment", kind: "against" }));
    expect(ids(ranked).indexOf("ligne")).toBeGreaterThan(ids(ranked).indexOf("informaticien"));
    expect(exclusionOf(excluded, "ccas")).toEqual({ code: "age_restricted", params: { minAge: 60 } });
  });

  it("the same tax return for a 68-year-old: the CCAS, which does it for the over-60s, comes first", async () => {
    const { ranked } = await orientFor({ besoin: "impots", age: "60_plus", aisance: "none", equipement: "none", commune: "Château-Thierry" });
    expect(ranked[0]!.offer.id).toBe("ccas");
    expect(ranked[0]!.reasons).toContainEqual(expect.objectContaining({ code: "serves_public", params: { minAge: 60 } }));
  });

  it("a forgotten password, a short request: the permanence does it on the spot", async () => {
    const { ranked } = await orientFor({ besoin: "mot-de-passe", difficulte: "simple", aisance: "beginner", commune: "Château-Thierry" });
    expect(ranked[0]!.offer.id).toBe("informaticien");
    expect(ranked[0]!.reasons).toContainEqual(expect.objectContaining({ code: "walk_in", params: { quick: 1 } }));
    expect(sentences(ranked[0]!)).toContain("Sans rendez-vous : une demande courte, faite sur place");
    // The workshops teach; this person needs it done with them.
    const workshops = ranked.find(({ offer }) => offer.id === "ateliers-epn")!;
    expect(codes(workshops)).toContain("posture_differs");
  });

  it("a broken computer goes to the Repair Café, where the partners who do not repair send it", async () => {
    const { ranked, excluded } = await orientFor({ q: "mon ordinateur est en panne", commune: "Charly-sur-Marne" });
    expect(ranked[0]!.offer.id).toBe("repair-cafe");
    expect(ranked[0]!.reasons.filter(({ code }) => code === "redirected_here").map(({ params }) => params.notOffered)).toEqual(["Réparation de matériel", "Réparation d'ordinateur"]);
    expect(sentences(ranked[0]!)).toContain("Structure informaticien oriente ici pour : Réparation de matériel");
    expect(sentences(ranked[0]!)).toContain("Condition à vérifier : Le premier samedi du mois.");
    expect(exclusionOf(excluded, "informaticien")).toEqual({ code: "redirects_elsewhere", params: { notOffered: "Réparation de matériel", to: "repair-cafe" } });
  });

  it("a question of social rights goes to the social service, not to the digital mediator", async () => {
    const { ranked, excluded } = await orientFor({ besoin: "aide-sociale-et-juridique", commune: "Château-Thierry" });
    expect(ids(ranked)).toEqual(["social"]);
    expect(codes(ranked[0]!)).toEqual(expect.arrayContaining(["need_answered", "redirected_here", "saturated"]));
    expect(exclusionText(exclusionOf(excluded, "informaticien")!, ZONE)).toBe("Ne fait pas : Questions juridiques ou sociales → orienter vers social");
  });
});

describe("what leaves an offer out", () => {
  it("a closure that covers the deadline, and no opening before it", async () => {
    const closed = OFFERS.map((item) =>
      item.id === "france-services"
        ? offer("france-services", { ...item, slots: item.schedules[0]!.slots, exceptions: [{ startsOn: "2026-11-20", endsOn: "2026-12-06", closed: true, label: "Travaux" }] })
        : item,
    );
    const { excluded } = await orientFor({ besoin: "impots", echeance: "2026-11-30" }, closed);
    expect(exclusionOf(excluded, "france-services")).toEqual({ code: "closed_until", params: { until: "2026-12-06", label: "Travaux" } });
    expect(exclusionText(exclusionOf(excluded, "france-services")!, ZONE)).toBe("Fermé jusqu'au dimanche 6 décembre (Travaux)");
    // Due today: France Services opens tomorrow (its free slot too); the permanence opens at 14:00 today.
    const today = await orientFor({ besoin: "impots", echeance: "2026-11-23" });
    expect(exclusionOf(today.excluded, "france-services")).toEqual({ code: "no_opening_before_deadline", params: { deadline: "2026-11-23" } });
    expect(today.ranked.find(({ offer }) => offer.id === "informaticien")!.reasons).toContainEqual(
      expect.objectContaining({ code: "open_before_deadline", params: { at: "2026-11-23T13:00:00.000Z", deadline: "2026-11-23" } }),
    );
  });

  it("a distance the person cannot travel, and a person who cannot travel at all", async () => {
    const near = await orientFor({ besoin: "apprendre-le-numerique", commune: "Charly-sur-Marne", distance: "5" });
    expect(exclusionOf(near.excluded, "informaticien")).toMatchObject({ code: "too_far", params: { max: 5 } });
    expect(Number(exclusionOf(near.excluded, "informaticien")!.params.km)).toBeGreaterThan(10);
    expect(ids(near.ranked)).toContain("ligne");
    const home = await orientFor({ besoin: "apprendre-le-numerique", distance: "0" });
    expect(ids(home.ranked)).toEqual(["ligne"]);
    expect(home.ranked[0]!.reasons).toContainEqual(expect.objectContaining({ code: "remote", kind: "for" }));
  });

  it("steps for a wheelchair, a public the offer is not for", async () => {
    const wheelchair = await orientFor({ besoin: "apprendre-le-numerique", fauteuil: "1", commune: "Charly-sur-Marne" });
    expect(exclusionOf(wheelchair.excluded, "ateliers-epn")).toEqual({ code: "not_accessible", params: {} });
    expect(codes(wheelchair.ranked.find(({ offer }) => offer.id === "informaticien")!)).toContain("wheelchair_accessible");
    const student = await orientFor({ besoin: "apprendre-le-numerique", public: "etudiants" });
    expect(exclusionOf(student.excluded, "ateliers-epn")).toEqual({ code: "public_restricted", params: { publics: "seniors" } });
  });
});

describe("what moves an offer up or down", () => {
  it("its language, and a public it is meant for but the person did not say", async () => {
    const arabic = OFFERS.map((item) => (item.id === "informaticien" ? { ...item, languages: ["fr", "ar"] } : item));
    const { ranked } = await orientFor({ besoin: "apprendre-le-numerique", langue: "ar" }, arabic);
    expect(ranked.find(({ offer }) => offer.id === "informaticien")!.reasons).toContainEqual(expect.objectContaining({ code: "language_spoken", params: { language: "ar" } }));
    expect(ranked.find(({ offer }) => offer.id === "ligne")!.reasons).toContainEqual(expect.objectContaining({ code: "language_not_spoken", kind: "against" }));
    const workshops = ranked.find(({ offer }) => offer.id === "ateliers-epn")!;
    expect(workshops.reasons).toContainEqual(expect.objectContaining({ code: "condition_to_check", kind: "against", params: { publics: "seniors" } }));
  });

  it("a score is the sum of its reasons' weights, and the order follows the score", async () => {
    const { ranked } = await orientFor({ besoin: "demarches-administratives", urgence: "urgent", commune: "Château-Thierry" });
    for (const item of ranked) expect(item.score).toBeCloseTo(item.reasons.reduce((sum, { weight }) => sum + weight, 0), 5);
    expect(ranked.map(({ score }) => score)).toEqual([...ranked.map(({ score }) => score)].sort((a, b) => b - a));
  });

  it("the support needed, said or read from the person's ease", async () => {
    const wanted = (params: Record<string, string>) => wantedPosture(parseSituation(params).situation);
    expect(wanted({ objectif: "apprendre-a-faire", aisance: "none" })).toBe("apprendre-a-faire");
    expect(wanted({ aisance: "none" })).toBe("faire-a-la-place");
    expect(wanted({ aisance: "beginner" })).toBe("faire-avec");
    expect(wanted({ aisance: "autonomous" })).toBe("apprendre-a-faire");
    expect(wanted({ aisance: "autonomous", urgence: "urgent" })).toBe("faire-avec");
    expect(wanted({})).toBeNull();
  });

  it("words that mean no need are looked for in the offers' titles", async () => {
    const { ranked } = await orientFor({ q: "tricot" }, [...OFFERS, offer("Tricot et tablette", { terms: [], slots: hours([6], "10:00-12:00") })]);
    expect(ids(ranked)).toEqual(["Tricot et tablette"]);
    expect(ranked[0]!.reasons[0]).toMatchObject({ code: "text_matches", params: { words: "tricot" } });
  });
});

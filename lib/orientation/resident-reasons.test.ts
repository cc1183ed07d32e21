import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { plainText, residentExclusionText, residentReasonText } from "./resident-reasons";
import type { ExclusionCode, ReasonCode } from "./types";

type Params = Record<string, string | number>;
const PARIS = "Europe/Paris";

/** One example of each code's parameters: a `Record`, so a new code without an example fails type-checking here too. */
const REASON_EXAMPLES: Record<ReasonCode, Params> = {
  need_answered: { need: "mot-de-passe", coverage: "full" },
  digital_part_only: { need: "impots" },
  text_matches: { words: "velo" },
  redirected_here: { fromStructure: "France services", notOffered: "Réparation de matériel" },
  serves_public: { minAge: 16, maxAge: 25 },
  for_everyone: {},
  posture_matches: { posture: "faire-avec" },
  posture_differs: { posture: "apprendre-a-faire", wanted: "faire-a-la-place" },
  walk_in: { quick: 1 },
  appointment_only: {},
  next_opening: { at: "2026-12-08T08:30:00Z" },
  open_before_deadline: { at: "2026-12-08T08:30:00Z", deadline: "2026-12-11" },
  next_free_slot: { at: "2026-12-08T13:30:00Z" },
  no_free_slot_before_deadline: { deadline: "2026-12-11" },
  delay_beyond_deadline: { days: 15, deadline: "2026-12-11" },
  saturated: {},
  distance: { km: 2.5, place: "Médiathèque" },
  remote: {},
  remote_needs_equipment: {},
  equipment_provided: {},
  language_spoken: { language: "ar" },
  language_not_spoken: { language: "uk" },
  wheelchair_accessible: {},
  wheelchair_unknown: { place: "Mairie" },
  condition_to_check: { condition: "Habiter la commune" },
  documents_to_bring: { documents: "Pièce d'identité ; Avis d'imposition" },
  free: {},
  paid: { details: "2 € la séance" },
  verified_recently: { on: "2026-11-20" },
  stale: {},
  accepts_transfers: {},
};

const EXCLUSION_EXAMPLES: Record<ExclusionCode, Params> = {
  age_restricted: { minAge: 16, maxAge: 25 },
  public_restricted: { publics: "seniors,familles" },
  closed_until: { until: "2026-12-10", label: "Fermeture pour inventaire" },
  no_opening_before_deadline: { deadline: "2026-12-11" },
  too_far: { km: 12.3, max: 5 },
  not_accessible: {},
  redirects_elsewhere: { notOffered: "Réparation de matériel", to: "Repair café" },
};

const say = (code: ReasonCode, params: Params, locale: (typeof LOCALES)[number] = "fr", timeZone = PARIS) =>
  plainText(residentReasonText({ code, params }, locale, timeZone));
const sayExclusion = (code: ExclusionCode, params: Params, locale: (typeof LOCALES)[number] = "fr") => plainText(residentExclusionText({ code, params }, locale, PARIS));

describe("every reason and exclusion in plain words, in every language", () => {
  for (const locale of LOCALES) {
    it(`says each reason in ${locale}, with no code, placeholder or score left`, () => {
      const texts = Object.entries(REASON_EXAMPLES).map(([code, params]) => say(code as ReasonCode, params, locale));
      for (const text of texts) {
        expect(text.trim()).not.toBe("");
        expect(text).not.toMatch(/undefined|NaN|\[object|_/);
      }
      // Each code says something of its own.
      expect(new Set(texts).size).toBe(texts.length);
    });

    it(`says each exclusion in ${locale}`, () => {
      const texts = Object.entries(EXCLUSION_EXAMPLES).map(([code, params]) => sayExclusion(code as ExclusionCode, params, locale));
      for (const text of texts) expect(text).not.toMatch(/undefined|NaN|\[object|^\s*$/);
      expect(new Set(texts).size).toBe(texts.length);
    });
  }

  it("writes Arabic in Arabic script (the interface's words, not French)", () => {
    for (const [code, params] of Object.entries(REASON_EXAMPLES)) expect(say(code as ReasonCode, params, "ar")).toMatch(/[\u0600-\u06FF]/);
    for (const [code, params] of Object.entries(EXCLUSION_EXAMPLES)) expect(sayExclusion(code as ExclusionCode, params, "ar")).toMatch(/[\u0600-\u06FF]/);
  });
});

describe("the reasons' words", () => {
  it("says the restrictions the way the field does", () => {
    expect(sayExclusion("age_restricted", { minAge: 16, maxAge: 25 })).toBe("Réservé aux 16–25 ans");
    expect(sayExclusion("age_restricted", { minAge: 60 })).toBe("Réservé aux 60 ans et plus");
    expect(sayExclusion("age_restricted", { minAge: 16, maxAge: 25 }, "en")).toBe("Only for ages 16–25");
    expect(sayExclusion("age_restricted", { minAge: 16, maxAge: 25 }, "ar")).toBe("مخصص لمن أعمارهم بين 16 و25 سنة");
    expect(sayExclusion("closed_until", { until: "2026-12-10", label: "Fermeture pour inventaire" })).toBe("Fermé jusqu'au jeudi 10 décembre : Fermeture pour inventaire");
    expect(sayExclusion("too_far", { max: 0, km: 3 })).toBe("Il faut se déplacer, à 3 km");
  });

  it("says times in the territory's time zone, in each language's way", () => {
    expect(say("next_free_slot", { at: "2026-12-08T13:30:00Z" })).toBe("Prochain rendez-vous libre : mardi 8 décembre à 14 h 30");
    expect(say("next_free_slot", { at: "2026-12-08T13:30:00Z" }, "en")).toBe("Next free appointment: Tuesday 8 December at 14:30");
    expect(say("next_free_slot", { at: "2026-12-08T13:30:00Z" }, "ar")).toContain("14:30");
    // Another zone, another hour: nothing is said in the server's zone.
    expect(say("next_free_slot", { at: "2026-12-08T13:30:00Z" }, "en", "America/Cayenne")).toBe("Next free appointment: Tuesday 8 December at 10:30");
    expect(say("next_opening", { at: "2026-12-08T16:00:00Z", open: 1 })).toBe("Ouvert maintenant, jusqu'à 17 h");
    expect(say("next_opening", { at: "2026-12-08T16:00:00Z", open: 1 }, "ar")).toBe("مفتوح الآن، حتى الساعة 17:00");
  });

  it("names the need, the posture and the language in the page's language", () => {
    expect(say("need_answered", { need: "mot-de-passe", coverage: "full" })).toBe("Aide pour : Retrouver un mot de passe ou un compte");
    expect(say("need_answered", { need: "mot-de-passe", coverage: "partial" }, "en")).toBe("Helps in part with: Recover a password or an account");
    expect(say("posture_matches", { posture: "faire-avec" }, "en")).toBe("They do it with you: what you want");
    expect(say("language_spoken", { language: "ar" }, "en")).toBe("They speak your language: Arabic");
    expect(say("distance", { km: 2.5, place: "Médiathèque" })).toBe("À 2,5 km de chez vous : Médiathèque");
  });

  it("keeps the matrix's own words French, marked apart", () => {
    const text = residentReasonText({ code: "condition_to_check", params: { condition: "Habiter la commune" } }, "ar", PARIS);
    expect(text).toContainEqual({ fr: "Habiter la commune" });
    expect(text.filter((part) => typeof part === "string").join("")).not.toContain("Habiter");
    expect(residentExclusionText({ code: "redirects_elsewhere", params: EXCLUSION_EXAMPLES.redirects_elsewhere }, "en", PARIS)).toEqual([
      "Does not do: ",
      { fr: "Réparation de matériel" },
      ". Go to: ",
      { fr: "Repair café" },
    ]);
  });

  it("says what a walk-in or an appointment means for the request", () => {
    expect(say("walk_in", { quick: 1 })).toBe("Sans rendez-vous : une réponse sur place");
    expect(say("walk_in", { long: 1 })).toContain("trop longue");
    expect(say("appointment_only", { long: 1 })).toContain("demande longue");
    expect(say("stale", {})).toContain("appelez avant d'y aller");
  });
});

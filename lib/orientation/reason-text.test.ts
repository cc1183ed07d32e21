import { describe, expect, it } from "vitest";
import { exclusionText, problemMessage, reasonText } from "./reason-text";

const ZONE = "Europe/Paris";

describe("the reasons in French, for mediators", () => {
  it("says the exclusions the field says them", () => {
    expect(exclusionText({ code: "age_restricted", params: { minAge: 16, maxAge: 25 } }, ZONE)).toBe("Réservé aux 16–25 ans");
    expect(exclusionText({ code: "age_restricted", params: { minAge: 60 } }, ZONE)).toBe("Réservé aux 60 ans et plus");
    expect(exclusionText({ code: "public_restricted", params: { publics: "jeunes,etudiants" } }, ZONE)).toBe("Réservé à : Jeunes, Étudiants");
    expect(exclusionText({ code: "too_far", params: { km: 12.4, max: 5 } }, ZONE)).toBe("Trop loin : à 12,4 km, pour 5 km possibles");
    expect(exclusionText({ code: "too_far", params: { max: 0 } }, ZONE)).toBe("Sur place, et la personne ne peut pas se déplacer");
  });

  it("says times in the territory's time zone", () => {
    expect(reasonText({ code: "next_free_slot", kind: "for", weight: 10, params: { at: "2026-11-24T13:00:00.000Z" } }, ZONE)).toBe("Prochain créneau libre : mardi 24 novembre 2026 à 14:00");
    expect(reasonText({ code: "next_opening", kind: "info", weight: 0, params: { at: "2026-11-23T16:00:00.000Z", open: 1 } }, ZONE)).toBe("Ouvert maintenant, jusqu'à 17:00");
    expect(reasonText({ code: "language_spoken", kind: "for", weight: 8, params: { language: "ar" } }, ZONE)).toBe("Parle arabe");
  });

  it("puts each problem next to its field, with what to do", () => {
    expect(problemMessage({ code: "deadline_past", params: { deadline: "2026-11-20" } })).toEqual({
      param: "echeance",
      text: "Le vendredi 20 novembre est déjà passé : indiquez une date à venir, ou laissez vide. Le classement ne tient pas compte de cette date.",
    });
    expect(problemMessage({ code: "commune_unknown", params: { commune: "Lyon" } }).param).toBe("commune");
    expect(problemMessage({ code: "need_unknown", params: { words: "xqzwv" } }).text).toContain("« xqzwv »");
    expect(problemMessage({ code: "distance_without_commune", params: {} }).param).toBe("distance");
  });
});

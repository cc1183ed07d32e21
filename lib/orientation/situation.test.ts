import { describe, expect, it } from "vitest";
import { asksSomething, EMPTY_SITUATION, parseSituation, situationParams } from "./situation";

describe("a situation read from the URL", () => {
  it("keeps what makes sense, and says what it dropped", () => {
    const { situation, ignored } = parseSituation({
      besoin: "impots",
      q: "  ma  déclaration\u0000 ",
      commune: "Château-Thierry",
      distance: "10",
      age: "60_plus",
      public: "seniors",
      urgence: "urgent",
      difficulte: "complex",
      echeance: "2026-02-30",
      aisance: "nonsense",
      equipement: ["smartphone", "fax"],
      langue: "AR",
      fauteuil: "1",
      objectif: "faire-avec",
      lang: "ar",
    });
    expect(situation).toEqual({
      besoin: "impots",
      q: "ma déclaration",
      commune: "Château-Thierry",
      distance: 10,
      ageBand: "60_plus",
      public: "seniors",
      urgence: "urgent",
      difficulte: "complex",
      echeance: null,
      aisance: null,
      equipement: ["smartphone"],
      langue: "ar",
      fauteuil: true,
      objectif: "faire-avec",
      lang: "ar",
    });
    expect(ignored.map(({ param }) => param)).toEqual(["echeance", "aisance", "equipement"]);
  });

  it("reads nonsense as nothing asked, never throws", () => {
    expect(parseSituation({ distance: "1e308", besoin: "<script>", age: ["99"], lang: "xx" }).situation).toEqual(EMPTY_SITUATION);
    expect(parseSituation({ distance: "0" }).situation.distance).toBe(0);
    expect(parseSituation({ distance: "51" }).ignored).toEqual([{ param: "distance" }]);
    expect(asksSomething(EMPTY_SITUATION)).toBe(false);
    expect(asksSomething(parseSituation({ q: "cv" }).situation)).toBe(true);
  });

  it("lets ticked equipment win over « aucun équipement »", () => {
    expect(parseSituation({ equipement: ["none", "smartphone"] }).situation.equipement).toEqual(["smartphone"]);
    expect(parseSituation({ equipement: "none" }).situation.equipement).toEqual(["none"]);
  });

  it("writes back the same parameters it reads", () => {
    const params = "besoin=impots&commune=Charly&distance=0&age=26_59&urgence=low&echeance=2027-01-15&equipement=smartphone&equipement=internet&fauteuil=1&objectif=apprendre-a-faire&lang=en";
    const { situation } = parseSituation(Object.fromEntries([...new URLSearchParams(params).keys()].map((key) => [key, new URLSearchParams(params).getAll(key)])));
    expect(situationParams(situation).toString()).toBe(params);
  });
});

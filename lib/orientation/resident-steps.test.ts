import { describe, expect, it } from "vitest";
import {
  hiddenAnswers,
  needHref,
  nextStep,
  previousStep,
  questionnaireHref,
  readStep,
  skipHref,
  stepHref,
  stepOfParam,
  STEPS,
  type Step,
} from "./resident-steps";
import { parseSituation, SITUATION_PARAMS, type Situation } from "./situation";

const situationOf = (query: Record<string, string | string[]>): Situation => parseSituation(query).situation;

/** A URL's query as a page's searchParams (a repeated name becomes a list). */
function queryOf(href: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URL(href, "http://toile.test").searchParams) {
    const previous = query[name];
    query[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return query;
}

const FULL = situationOf({
  besoin: "mot-de-passe",
  commune: "02400",
  distance: "10",
  urgence: "urgent",
  echeance: "2026-12-11",
  age: "16_25",
  aisance: "beginner",
  equipement: ["smartphone", "email_address"],
  langue: "ar",
  fauteuil: "1",
  objectif: "faire-avec",
  lang: "ar",
});

describe("which step comes next", () => {
  it("asks need, place, time, the person, the support wanted, then shows the results", () => {
    const walked: Step[] = ["besoin"];
    while (walked.at(-1) !== "resultats") walked.push(nextStep(walked.at(-1)!));
    expect(walked).toEqual(["besoin", "lieu", "quand", "vous", "aide", "resultats"]);
    expect(STEPS.length).toBeGreaterThanOrEqual(3);
    expect(STEPS.length).toBeLessThanOrEqual(5);
  });

  it("goes back one question; from the results to the last question; the first has none before", () => {
    expect(previousStep("quand")).toBe("lieu");
    expect(previousStep("resultats")).toBe("aide");
    expect(previousStep("besoin")).toBeNull();
  });

  it("asks the need first: a later step without one shows the first question, and says why", () => {
    const none = situationOf({ commune: "02400" });
    expect(readStep("lieu", none)).toEqual({ step: "besoin", needFirst: true });
    expect(readStep("resultats", none)).toEqual({ step: "besoin", needFirst: true });
    expect(readStep(undefined, none)).toEqual({ step: "besoin", needFirst: false });
    expect(readStep("besoin", none)).toEqual({ step: "besoin", needFirst: false });
  });

  it("shows the step asked once a need is given (words count), and the results for a link without a step", () => {
    expect(readStep("quand", FULL)).toEqual({ step: "quand", needFirst: false });
    expect(readStep(["vous", "aide"], FULL)).toEqual({ step: "vous", needFirst: false });
    expect(readStep("lieu", situationOf({ q: "velo" })).step).toBe("lieu");
    expect(readStep(undefined, FULL).step).toBe("resultats");
    expect(readStep("nimporte", FULL).step).toBe("resultats");
  });
});

describe("the answers carried from step to step", () => {
  it("carries every answer but the step's own as hidden inputs, the language included", () => {
    const hidden = hiddenAnswers(FULL, "lieu");
    expect(hidden).not.toContainEqual(expect.arrayContaining(["commune"]));
    expect(hidden.map(([name]) => name)).not.toContain("distance");
    expect(hidden).toContainEqual(["besoin", "mot-de-passe"]);
    expect(hidden).toContainEqual(["equipement", "smartphone"]);
    expect(hidden).toContainEqual(["equipement", "email_address"]);
    expect(hidden).toContainEqual(["lang", "ar"]);
    expect(hidden).toContainEqual(["echeance", "2026-12-11"]);
  });

  it("leaves out of the hidden inputs exactly what each step asks", () => {
    const given = new Set([...new URLSearchParams(stepHref("x", FULL, "besoin").split("?")[1]).keys()].filter((name) => name !== "etape"));
    for (const step of STEPS) {
      const carried = new Set(hiddenAnswers(FULL, step).map(([name]) => name));
      const asked = SITUATION_PARAMS.filter((param) => stepOfParam(param) === step);
      expect(asked.length, `${step} asks something`).toBeGreaterThan(0);
      expect([...carried].sort()).toEqual([...given].filter((name) => !(asked as string[]).includes(name)).sort());
    }
  });

  it("a link to a step keeps every answer: reading it back gives the same situation", () => {
    const href = stepHref("val-de-lise", FULL, "quand");
    expect(href).toMatch(/^\/t\/val-de-lise\/aide\?/);
    const query = queryOf(href);
    expect(query.etape).toBe("quand");
    expect(parseSituation(query).situation).toEqual(FULL);
  });

  it("skipping a question goes to the next one without its answers, and keeps the others", () => {
    const query = queryOf(skipHref("val-de-lise", FULL, "quand"));
    expect(query.etape).toBe("vous");
    const skipped = parseSituation(query).situation;
    expect(skipped.urgence).toBeNull();
    expect(skipped.echeance).toBeNull();
    expect({ ...skipped, urgence: FULL.urgence, echeance: FULL.echeance }).toEqual(FULL);
    expect(queryOf(skipHref("val-de-lise", FULL, "aide")).etape).toBe("resultats");
  });

  it("a need picked replaces the words typed, and keeps the rest", () => {
    const words = situationOf({ q: "vleo", commune: "02400", lang: "en" });
    const query = queryOf(needHref("val-de-lise", words, "reparer-ou-s-equiper", "resultats"));
    expect(query).toMatchObject({ besoin: "reparer-ou-s-equiper", commune: "02400", lang: "en", etape: "resultats" });
    expect(query.q).toBeUndefined();
  });

  it("the territory home links to the first question in its language", () => {
    expect(questionnaireHref("val-de-lise", { lang: "fr" })).toBe("/t/val-de-lise/aide");
    expect(questionnaireHref("val-de-lise", { lang: "ar" })).toBe("/t/val-de-lise/aide?lang=ar");
  });

  it("knows which step asks each answer; the mediators' own answers are carried, never asked", () => {
    expect(stepOfParam("besoin")).toBe("besoin");
    expect(stepOfParam("distance")).toBe("lieu");
    expect(stepOfParam("echeance")).toBe("quand");
    expect(stepOfParam("equipement")).toBe("vous");
    expect(stepOfParam("objectif")).toBe("aide");
    expect(stepOfParam("public")).toBeNull();
    const carried = situationOf({ besoin: "impots", public: "seniors" });
    expect(hiddenAnswers(carried, "aide")).toContainEqual(["public", "seniors"]);
  });
});

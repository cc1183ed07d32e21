import { describe, expect, it } from "vitest";
import { matchNeeds, queryWords, SCORES, stem, termRefsForNeeds, withinOneEdit } from "./match";
import { findNeed, NEEDS, type Country } from "./needs";

const slugs = (query: string, country?: Country) => matchNeeds(query, country).map((match) => match.need.slug);
const first = (query: string, country?: Country) => slugs(query, country)[0];
const scoreOf = (query: string, slug: string) =>
  matchNeeds(query).find((match) => match.need.slug === slug)?.score ?? 0;

describe("matchNeeds", () => {
  it("finds the need behind abbreviations, missing accents and plain words", () => {
    expect(first("mdp")).toBe("mot-de-passe");
    expect(first("MDP oublié")).toBe("mot-de-passe");
    expect(first("mot de passe")).toBe("mot-de-passe");
    expect(first("je ne trouve plus mon code")).toBe("mot-de-passe");
    expect(first("impots")).toBe("impots");
    expect(first("IMPÔTS")).toBe("impots");
    expect(first("ma déclaration d'impôt")).toBe("impots");
    expect(first("CAF")).toBe("demarches-administratives");
    expect(first("la caf me demande un papier")).toBe("demarches-administratives");
    expect(first("carte vitale")).toBe("demarches-administratives");
    expect(first("CV")).toBe("trouver-un-emploi");
    expect(first("C.V.")).toBe("trouver-un-emploi");
    expect(first("refaire mon CV")).toBe("trouver-un-emploi");
    expect(first("lettre de motivation")).toBe("trouver-un-emploi");
    expect(first("installer whatsapp")).toBe("installer-une-application");
    expect(first("faire un virement")).toBe("banque-en-ligne");
    expect(first("rendez-vous à la mairie")).toBe("mairie");
    expect(first("HLM")).toBe("logement");
    expect(first("google traduction")).toBe("traduire");
    expect(first("imprimer un document")).toBe("imprimer-scanner");
    expect(first("wifi")).toBe("imprimer-scanner");
    expect(first("mon téléphone est cassé")).toBe("reparer-ou-s-equiper");
    expect(first("j'ai reçu un SMS bizarre")).toBe("arnaques-et-piratage");
    expect(first("mon ex me harcèle sur facebook")).toBe("harcelement-en-ligne");
    expect(first("je veux apprendre l'ordinateur")).toBe("apprendre-le-numerique");
    expect(first("une assistante sociale")).toBe("aide-sociale-et-juridique");
  });

  it("understands a few English words", () => {
    expect(first("password")).toBe("mot-de-passe");
    expect(first("tax")).toBe("impots");
    expect(first("job")).toBe("trouver-un-emploi");
    expect(first("housing")).toBe("logement");
    expect(first("how to translate a letter")).toBe("traduire");
  });

  it("ranks the need named by a whole phrase above one that shares a word of it", () => {
    expect(slugs("pole emploi").slice(0, 2)).toEqual(["inscription-demandeur-emploi", "trouver-un-emploi"]);
    expect(slugs("ordinateur lent")[0]).toBe("reparer-ou-s-equiper");
    expect(slugs("mon gsm ne marche plus")[0]).toBe("reparer-ou-s-equiper");
    expect(slugs("rendez-vous médecin").slice(0, 2)).toEqual(["demarches-administratives", "mairie"]);
    expect(slugs("apprendre le français")[0]).toBe("traduire");
  });

  it("labels the job-seeker registration for the country, whatever service name was typed", () => {
    const belgian = matchNeeds("pole emploi", "BE")[0]!.need;
    expect(belgian.slug).toBe("inscription-demandeur-emploi");
    expect(belgian.label).toBe("S'inscrire ou prolonger son inscription au Forem ou chez Actiris");
    expect(matchNeeds("forem", "FR")[0]!.need.label).toBe("S'inscrire ou s'actualiser à France Travail");
    expect(matchNeeds("actualisation", "FR")[0]!.need.label).toContain("France Travail");
    expect(matchNeeds("actiris")[0]!.need.label).toBe("S'inscrire ou se réinscrire comme demandeur d'emploi");
    expect(first("tax on web", "BE")).toBe("impots");
    expect(matchNeeds("administration communale", "BE")[0]!.need.label).toBe("Prendre rendez-vous à la commune");
  });

  it("prefers a whole keyword to one word of a keyword, to a beginning, to a typo", () => {
    expect(SCORES.PHRASE).toBeGreaterThan(SCORES.TOKEN);
    expect(SCORES.TOKEN).toBeGreaterThan(SCORES.PREFIX);
    expect(SCORES.PREFIX).toBeGreaterThan(SCORES.TYPO);
    expect(scoreOf("mdp", "mot-de-passe")).toBe(SCORES.PHRASE);
    expect(scoreOf("vitale", "demarches-administratives")).toBe(SCORES.TOKEN); // of "carte vitale"
    expect(scoreOf("logem", "logement")).toBe(SCORES.PREFIX); // of "logement"
    expect(scoreOf("actualisaton", "inscription-demandeur-emploi")).toBe(SCORES.TYPO);
  });

  it("starts words from 3 letters and forgives one typo in words of 5 letters or more", () => {
    expect(first("logem")).toBe("logement");
    expect(first("ban")).toBe("banque-en-ligne");
    expect(slugs("lo")).toEqual([]);
    expect(first("actualisaton")).toBe("inscription-demandeur-emploi"); // one letter missing
    expect(first("harcelemnet")).toBe("harcelement-en-ligne"); // two letters swapped
    expect(first("logememt")).toBe("logement"); // one letter wrong
    expect(first("inpots")).toBe("impots"); // a common misspelling, kept as a keyword
    expect(slugs("cc")).toEqual([]); // too short to guess
    expect(slugs("lgmt")).toEqual([]); // two edits away: not guessed
  });

  it("leaves out needs far below the best one", () => {
    // "fille" is one typo from "ville" (hôtel de ville): too weak beside "appart".
    expect(slugs("ma fille veut un appart")).toEqual(["logement"]);
    expect(slugs("fille")).toEqual(["mairie"]);
  });

  it("does not read a word it knows as the start of another", () => {
    // "mot" and "passe" belong to "mot de passe": not to "motivation" or "passeport".
    expect(slugs("mot de passe")).toEqual(["mot-de-passe"]);
  });

  it("finds nothing in an empty or meaningless request", () => {
    expect(matchNeeds("")).toEqual([]);
    expect(matchNeeds("   ")).toEqual([]);
    expect(matchNeeds("j'ai besoin d'aide")).toEqual([]);
    expect(matchNeeds("azertyuiop")).toEqual([]);
    expect(matchNeeds("xyzzy qwerty")).toEqual([]);
    expect(matchNeeds("🙂")).toEqual([]);
    expect(matchNeeds(undefined)).toEqual([]);
  });

  it("finds every need back from each of its keywords, first", () => {
    // A word two needs share makes neither come first: make it a phrase ("ordinateur lent").
    for (const need of NEEDS) {
      const keywords = [...need.keywords, ...Object.values(need.byCountry ?? {}).flatMap((v) => v.keywords ?? [])];
      for (const keyword of keywords) {
        expect(first(keyword), `« ${keyword} » should find ${need.slug}`).toBe(need.slug);
      }
    }
  });

  it("finds every need back from its own label, in every country", () => {
    for (const country of [undefined, "FR", "BE"] as const) {
      for (const need of NEEDS) {
        const label = findNeed(need.slug, country)!.label;
        expect(slugs(label, country).slice(0, 3), `« ${label} »`).toContain(need.slug);
      }
    }
  });

  it("is fast: the index is built once and a query is a few loops", () => {
    const started = performance.now();
    for (let index = 0; index < 500; index++) matchNeeds(`je n'arrive plus à faire ma déclaration caf ${index}`);
    expect((performance.now() - started) / 500).toBeLessThan(5);
  });

  it("answers hostile input quickly, safely, with plain data", () => {
    const hostile = [
      "a".repeat(10_000),
      "impots ".repeat(2_000),
      Array.from({ length: 3_000 }, (_, index) => `mot${index}`).join(" "),
      "<script>alert(document.cookie)</script>",
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "' OR 1=1 --",
      "'; DROP TABLE \"Offer\"; --",
      "%27%20OR%201%3D1",
      "\uD800",
      "mdp\uD800\uDFFF\uDBFF",
      "\u0000\u0007\u001B[31m",
      "😀🔥💳🏦",
      "\u202Eimpots",
      "e\u0301".repeat(5_000),
    ];
    for (const query of hostile) {
      const started = performance.now();
      const matches = matchNeeds(query);
      expect(performance.now() - started, JSON.stringify(query.slice(0, 20))).toBeLessThan(250);
      expect(Array.isArray(matches)).toBe(true);
      for (const match of matches) expect(Number.isFinite(match.score)).toBe(true);
    }
    expect(matchNeeds("<script>alert(1)</script>")).toEqual([]);
    expect(matchNeeds("' OR 1=1 --")).toEqual([]);
    expect(first("impots ".repeat(2_000))).toBe("impots");
    expect(first("mdp\uD800\uDFFF\uDBFF")).toBe("mot-de-passe");
    expect(first("\u202Eimpots")).toBe("impots");
    expect(queryWords(Array.from({ length: 3_000 }, (_, index) => `mot${index}`).join(" ")).length).toBeLessThanOrEqual(
      12,
    );
  });
});

describe("termRefsForNeeds", () => {
  it("gives the terms to filter offers by, each once, in order", () => {
    const matches = matchNeeds("mdp impots").map((match) => match.need);
    const refs = termRefsForNeeds(matches);
    expect(refs).toContainEqual({ vocabularyKey: "lmn.services", code: "Utilisation sécurisée du numérique" });
    expect(refs).toContainEqual({ vocabularyKey: "lmn.services", code: "Aide aux démarches administratives" });
    const keys = refs.map((ref) => `${ref.vocabularyKey}|${ref.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(refs[0]).toEqual(findNeed("mot-de-passe")!.terms[0]);
  });

  it("accepts slugs, ignores unknown ones, and gives nothing for nothing", () => {
    expect(termRefsForNeeds(["logement"])).toEqual(findNeed("logement")!.terms);
    expect(termRefsForNeeds(["n-existe-pas"])).toEqual([]);
    expect(termRefsForNeeds([])).toEqual([]);
  });
});

describe("stem and withinOneEdit", () => {
  it("reads a plural as its singular, but keeps short words and double s", () => {
    expect(stem("impots")).toBe("impot");
    expect(stem("impot")).toBe("impot");
    expect(stem("travaux")).toBe("travau");
    expect(stem("pass")).toBe("pass");
    expect(stem("cas")).toBe("cas");
  });

  it("tells words one edit apart: insert, delete, substitute, swap neighbours", () => {
    expect(withinOneEdit("logement", "logement")).toBe(true);
    expect(withinOneEdit("logement", "logemnt")).toBe(true);
    expect(withinOneEdit("logemnt", "logement")).toBe(true);
    expect(withinOneEdit("logement", "lodement")).toBe(true);
    expect(withinOneEdit("logement", "olgement")).toBe(true);
    expect(withinOneEdit("logement", "logemetn")).toBe(true);
    expect(withinOneEdit("logement", "lgemnet")).toBe(false);
    expect(withinOneEdit("logement", "logementss")).toBe(false);
    expect(withinOneEdit("abcd", "badc")).toBe(false);
  });
});

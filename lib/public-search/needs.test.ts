import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allNeeds, findNeed, FREQUENT_NEED_SLUGS, frequentNeeds, NEED_ICON_NAMES, NEEDS } from "./needs";
import { tokens } from "./text";

const vocabularies = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../../prisma/reference/vocabularies.json"), "utf8"),
) as Record<string, { values?: { value: string }[] }>;
const codesOf = (key: string) => new Set((vocabularies[key]?.values ?? []).map((term) => term.value));

describe("the residents' needs", () => {
  it("are a short list a person can scan, each with a stable, unique slug", () => {
    expect(NEEDS.length).toBeGreaterThanOrEqual(14);
    expect(NEEDS.length).toBeLessThanOrEqual(18);
    const slugs = NEEDS.map((need) => need.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("speak plainly: a short label and a one-sentence explanation, in every country", () => {
    for (const country of [undefined, "FR", "BE"] as const) {
      for (const need of allNeeds(country)) {
        expect(need.label.length, need.slug).toBeLessThanOrEqual(70);
        expect(need.explanation.length, need.slug).toBeLessThanOrEqual(130);
        expect(need.explanation, need.slug).toMatch(/[.…]$/);
        expect(NEED_ICON_NAMES, need.slug).toContain(need.icon);
      }
    }
  });

  it("are answered by terms that exist in the published vocabularies, without repeats", () => {
    const known = {
      "lmn.services": codesOf("lmn.services"),
      "dataInclusion.v1.thematiques": codesOf("dataInclusion.v1.thematiques"),
    };
    expect(known["lmn.services"].size).toBe(9);
    expect(known["dataInclusion.v1.thematiques"].size).toBe(69);
    for (const need of NEEDS) {
      expect(need.terms.length, need.slug).toBeGreaterThan(0);
      for (const term of need.terms) {
        expect(known[term.vocabularyKey].has(term.code), `${need.slug}: ${term.vocabularyKey} « ${term.code} »`).toBe(
          true,
        );
      }
      const keys = need.terms.map((term) => `${term.vocabularyKey}|${term.code}`);
      expect(new Set(keys).size, need.slug).toBe(keys.length);
    }
  });

  it("have keywords that each keep at least one meaningful word", () => {
    for (const need of NEEDS) {
      const keywords = [...need.keywords, ...Object.values(need.byCountry ?? {}).flatMap((v) => v.keywords ?? [])];
      expect(keywords.length, need.slug).toBeGreaterThanOrEqual(15);
      for (const keyword of keywords) expect(tokens(keyword), `${need.slug}: « ${keyword} »`).not.toEqual([]);
    }
  });

  it("include the ten frequent requests of the field, in its order, for the territory home", () => {
    expect(FREQUENT_NEED_SLUGS).toHaveLength(10);
    const frequent = frequentNeeds("FR");
    expect(frequent.map((need) => need.slug)).toEqual([...FREQUENT_NEED_SLUGS]);
    expect(frequent.map((need) => need.label)).toEqual([
      "Installer une application sur mon téléphone",
      "Retrouver un mot de passe ou un compte",
      "Faire ses opérations de banque en ligne",
      "Faire une démarche administrative en ligne",
      "S'inscrire ou s'actualiser à France Travail",
      "Déclarer ses impôts en ligne",
      "Prendre rendez-vous à la mairie",
      "Chercher un logement",
      "Traduire un texte ou un courrier",
      "Chercher un emploi, faire son CV",
    ]);
  });

  it("cover the families a mediator redirects: learning, repair, printing and access, safety, social and legal help", () => {
    for (const slug of [
      "apprendre-le-numerique",
      "reparer-ou-s-equiper",
      "imprimer-scanner",
      "arnaques-et-piratage",
      "harcelement-en-ligne",
      "aide-sociale-et-juridique",
    ]) {
      expect(findNeed(slug), slug).toBeDefined();
    }
  });

  it("name the job-seeker registration after the country's service", () => {
    expect(findNeed("inscription-demandeur-emploi", "FR")?.label).toContain("France Travail");
    const belgian = findNeed("inscription-demandeur-emploi", "BE")!;
    expect(belgian.label).toContain("Forem");
    expect(belgian.label).toContain("Actiris");
    expect(belgian.label).not.toContain("France Travail");
    const generic = findNeed("inscription-demandeur-emploi")!;
    expect(generic.label).toBe("S'inscrire ou se réinscrire comme demandeur d'emploi");
    expect(findNeed("mairie", "BE")?.label).toBe("Prendre rendez-vous à la commune");
    expect(findNeed("impots", "BE")?.explanation).toContain("MyMinfin");
    expect(findNeed("impots", "FR")?.explanation).toContain("impots.gouv.fr");
  });

  it("answer nothing for an unknown slug", () => {
    expect(findNeed("n-existe-pas")).toBeUndefined();
    expect(findNeed("__proto__")).toBeUndefined();
  });
});

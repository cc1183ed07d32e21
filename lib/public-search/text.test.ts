import { describe, expect, it } from "vitest";
import { MAX_NORMALIZED_LENGTH, normalize, tokens } from "./text";

describe("normalize", () => {
  it("lowercases and strips accents, so « Impôts » and « impots » are the same word", () => {
    expect(normalize("Impôts")).toBe("impots");
    expect(normalize("DÉCLARATION à l'État")).toBe("declaration a l etat");
    expect(normalize("Ça crée un problème, où ? Noël !")).toBe("ca cree un probleme ou noel");
  });

  it("spells ligatures and letters without a decomposition out", () => {
    expect(normalize("cœur Œuvre ex æquo straße")).toBe("coeur oeuvre ex aequo strasse");
  });

  it("reads dotted abbreviations as words", () => {
    expect(normalize("mon C.V.")).toBe("mon cv");
    expect(normalize("le R.S.A")).toBe("le rsa");
    expect(normalize("e.mail")).toBe("e mail");
  });

  it("turns punctuation, symbols, emojis and control characters into single spaces", () => {
    expect(normalize("  mot-de-passe!!!\n\t(gmail)  ")).toBe("mot de passe gmail");
    expect(normalize("banque 💳🏦 virement")).toBe("banque virement");
    expect(normalize("a\u0000b\u001Fc\u200Bd")).toBe("a b c d");
    expect(normalize("l’appli « CAF »")).toBe("l appli caf");
  });

  it("keeps letters of other scripts, so words in other languages can be added later", () => {
    expect(normalize("Перевод ترجمة")).toBe("перевод ترجمة");
  });

  it("leaves nothing of markup or SQL but harmless words", () => {
    expect(normalize("<script>alert('x')</script>")).toBe("script alert x script");
    expect(normalize("' OR 1=1 --")).toBe("or 1 1");
    expect(normalize("impots'; DROP TABLE offer; --")).toBe("impots drop table offer");
  });

  it("never throws and returns a short string, whatever it is given", () => {
    const hostile: unknown[] = [
      "\uD800",
      "a\uDC00b",
      "\uDFFF\uD800",
      "x".repeat(10_000),
      "é".repeat(10_000),
      "mot ".repeat(5_000),
      "\u0301".repeat(5_000),
      undefined,
      null,
      42,
      { toString: () => "mdp" },
      ["mdp"],
    ];
    for (const input of hostile) {
      const result = normalize(input);
      expect(typeof result).toBe("string");
      expect(result.length).toBeLessThanOrEqual(MAX_NORMALIZED_LENGTH);
      expect(result).toMatch(/^[\p{L}\p{N}]*(?: [\p{L}\p{N}]+)*$/u);
    }
    expect(normalize("a\uD800b")).toBe("a b");
    expect(normalize(undefined)).toBe("");
  });

  it("cuts a long text between words", () => {
    const result = normalize("impots ".repeat(100));
    expect(result.length).toBeLessThanOrEqual(MAX_NORMALIZED_LENGTH);
    expect(result.split(" ").every((word) => word === "impots")).toBe(true);
  });
});

describe("tokens", () => {
  it("keeps the words that say the need, without the words around them", () => {
    expect(tokens("Je veux de l'aide pour mon mot de passe")).toEqual(["mot", "passe"]);
    expect(tokens("comment faire ma déclaration d'impôts ?")).toEqual(["declaration", "impots"]);
    expect(tokens("J'ai besoin d'aide pour refaire mon CV")).toEqual(["refaire", "cv"]);
    expect(tokens("how do I translate a letter")).toEqual(["translate", "letter"]);
  });

  it("finds no word in a request that names no need", () => {
    expect(tokens("")).toEqual([]);
    expect(tokens("   ")).toEqual([]);
    expect(tokens("j'ai besoin d'aide svp")).toEqual([]);
    expect(tokens("🙂🙂")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { signInSchema } from "./schemas";
import { signInCodeOf, signInErrorQuery, signInErrorWords } from "./sign-in-errors";

const refusalFor = (email: string) => {
  const parsed = signInSchema.safeParse({ email });
  if (parsed.success) throw new Error("expected a refusal");
  return signInCodeOf(parsed.error);
};

describe("the magic-link request's refusals in /connexion's URL", () => {
  it("travel as codes, and come back as the schema's words", () => {
    for (const [email, code, words] of [
      ["", "sign_in.email_missing", "Indiquez votre adresse courriel."],
      [`${"a".repeat(250)}@exemple.fr`, "sign_in.email_too_long", "Cette adresse est trop longue."],
      ["pas-une-adresse", "sign_in.email_invalid", "Cette adresse courriel n'est pas valide (exemple : prenom.nom@exemple.fr)."],
    ] as const) {
      const coded = refusalFor(email);
      expect(coded).toEqual({ code });
      expect(signInErrorQuery(coded)).toEqual({ erreur: code });
      expect(signInErrorWords(signInErrorQuery(coded))).toBe(words);
      expect(signInSchema.safeParse({ email }).error!.issues[0]!.message).toBe(words);
    }
    const tooMany = signInErrorQuery({ code: "sign_in.too_many_links", params: { minutes: 7 } });
    expect(tooMany).toEqual({ erreur: "sign_in.too_many_links", minutes: "7" });
    expect(signInErrorWords(tooMany)).toBe("Trop de demandes de lien. Réessayez dans 7 minutes.");
    expect(signInErrorWords({ erreur: "sign_in.too_many_links", minutes: "1" })).toBe("Trop de demandes de lien. Réessayez dans 1 minute.");
  });

  it("say nothing for words or unknown codes put in a link", () => {
    for (const query of [
      { erreur: "Votre compte est bloqué : appelez le 0800 000 000." },
      { erreur: "not_found" },
      { erreur: "sign_in.too_many_links" },
      { erreur: "sign_in.too_many_links", minutes: "99999" },
      { erreur: "sign_in.too_many_links", minutes: "2.5" },
      {},
    ]) {
      expect(signInErrorWords(query)).toBeUndefined();
    }
  });
});

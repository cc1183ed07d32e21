import { describe, expect, it } from "vitest";
import { applicationSchema } from "./schemas";

describe("the request's identifier", () => {
  it("is checked by its own kind before the country is known: SIRET, RNA or BCE", () => {
    const errorOf = (identifier: string) =>
      applicationSchema.safeParse({ territorySlug: "x", name: "Nom", identifier, address: "1 rue", postalCode: "02400", commune: "Château-Thierry", offers: "Des ateliers.", contactName: "Inès", contactEmail: "a@exemple.fr", consent: "on" }).error?.issues.find((issue) => issue.path[0] === "identifier")?.message;
    expect(errorOf("")).toBeUndefined();
    expect(errorOf("W021004567")).toBeUndefined();
    expect(errorOf("123 456 789 00010")).toBe("Ce SIRET n'existe pas : vérifiez les chiffres (clé de contrôle).");
    expect(errorOf("W12")).toBe("Un numéro RNA s'écrit W suivi de 9 chiffres (exemple : W751234567).");
    expect(errorOf("0123.456.788")).toMatch(/BCE|entreprise/);
  });
});

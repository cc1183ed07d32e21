import { describe, expect, it } from "vitest";
import { acceptSchema, acknowledgeSchema, cancelSchema, completeSchema, declineSchema, eraseSchema } from "./transition-schemas";

const transferId = "7d1c1c52-7b54-4f7a-9a59-0d4c1e2b3a41";
const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("transition schemas", () => {
  it("acknowledge and accept need only a transfer id", () => {
    expect(acknowledgeSchema.parse({ transferId })).toEqual({ transferId });
    expect(acceptSchema.safeParse({ transferId: "1 OR 1=1" }).success).toBe(false);
  });

  it("decline: a reason from the list is required", () => {
    expect(errorsOf(declineSchema.safeParse({ transferId }))).toEqual({ reason: "Choisissez le motif du refus." });
    expect(declineSchema.safeParse({ transferId, reason: "too_busy" }).success).toBe(false);
    expect(declineSchema.parse({ transferId, reason: "no_capacity", message: "", suggestedStructureId: "" })).toEqual({
      transferId,
      reason: "no_capacity",
      message: null,
      suggestedStructureId: null,
    });
  });

  it("decline: 'other' needs a message; the message is bounded and without markup", () => {
    expect(errorsOf(declineSchema.safeParse({ transferId, reason: "other", message: "  " }))).toEqual({
      message: "Précisez la raison du refus dans le message.",
    });
    expect(declineSchema.parse({ transferId, reason: "other", message: "Atelier complet jusqu'en mars" }).message).toBe("Atelier complet jusqu'en mars");
    expect(errorsOf(declineSchema.safeParse({ transferId, reason: "no_capacity", message: "x".repeat(501) }))).toEqual({
      message: "Message : 500 caractères au plus.",
    });
    expect(declineSchema.safeParse({ transferId, reason: "no_capacity", message: "<script>" }).success).toBe(false);
  });

  it("decline: a suggested partner is an id (checked against the territory on the server)", () => {
    expect(errorsOf(declineSchema.safeParse({ transferId, reason: "no_capacity", suggestedStructureId: "CCAS" }))).toEqual({
      suggestedStructureId: "Choisissez un partenaire dans la liste.",
    });
    expect(declineSchema.parse({ transferId, reason: "no_capacity", suggestedStructureId: transferId }).suggestedStructureId).toBe(transferId);
  });

  it("cancel: a reason is required and bounded", () => {
    expect(errorsOf(cancelSchema.safeParse({ transferId, reason: "   " }))).toEqual({ reason: "Indiquez pourquoi vous annulez ce transfert." });
    expect(cancelSchema.safeParse({ transferId, reason: "x".repeat(501) }).success).toBe(false);
    expect(cancelSchema.parse({ transferId, reason: " La personne a trouvé ailleurs " }).reason).toBe("La personne a trouvé ailleurs");
  });

  it("complete: an outcome from the list is required, the note is optional and bounded", () => {
    expect(errorsOf(completeSchema.safeParse({ transferId }))).toEqual({ outcome: "Choisissez le résultat." });
    expect(completeSchema.parse({ transferId, outcome: "resolved", note: "" })).toEqual({ transferId, outcome: "resolved", note: null });
    expect(completeSchema.safeParse({ transferId, outcome: "resolved", note: "x".repeat(1001) }).success).toBe(false);
  });

  it("erase: the confirmation box must be ticked", () => {
    expect(errorsOf(eraseSchema.safeParse({ transferId }))).toEqual({ confirm: "Cochez la case pour confirmer l'effacement." });
    expect(eraseSchema.parse({ transferId, confirm: "on" })).toEqual({ transferId, confirm: true });
  });
});

import { describe, expect, it } from "vitest";
import { errorMessageAt, serverFieldErrors } from "@/components/forms/server-form";

describe("serverFieldErrors: the action's answer as react-hook-form's errors", () => {
  it("gives nothing for no answer, a success, or a refusal without field errors", () => {
    expect(serverFieldErrors(null)).toBeUndefined();
    expect(serverFieldErrors({ ok: true, data: null })).toBeUndefined();
    expect(serverFieldErrors({ ok: false, code: "not_found", error: "Introuvable." })).toBeUndefined();
    expect(serverFieldErrors({ ok: false, code: "form.invalid", error: "x", fieldErrors: { name: [] } })).toBeUndefined();
  });

  it("puts each field's first message on its field, dotted paths nested as react-hook-form reads them", () => {
    const errors = serverFieldErrors({
      ok: false,
      code: "form.invalid",
      error: "Le formulaire contient des erreurs.",
      fieldErrors: { commune: ["Commune inconnue.", "second"], "slots.2.closes": ["Fermeture avant l'ouverture."] },
    })!;
    expect(errors).toEqual({
      commune: { type: "server", message: "Commune inconnue." },
      slots: [undefined, undefined, { closes: { type: "server", message: "Fermeture avant l'ouverture." } }],
    });
    expect(errorMessageAt(errors, "commune")).toBe("Commune inconnue.");
    expect(errorMessageAt(errors, "slots.2.closes")).toBe("Fermeture avant l'ouverture.");
    expect(errorMessageAt(errors, "slots.1.closes")).toBeUndefined();
    expect(errorMessageAt(errors, "name")).toBeUndefined();
  });

  it("keeps a list's own message beside its rows' messages, at <list>.root", () => {
    const errors = serverFieldErrors({
      ok: false,
      code: "form.invalid",
      error: "x",
      fieldErrors: { documents: ["20 documents au plus."], "documents.0.label": ["Trop long."] },
    })!;
    expect(errorMessageAt(errors, "documents")).toBe("20 documents au plus.");
    expect(errorMessageAt(errors, "documents.0.label")).toBe("Trop long.");
  });

  it("reads a domain refusal placed on its field by the wrapper", () => {
    const errors = serverFieldErrors({ ok: false, code: "structure.typology_unknown", error: "x", fieldErrors: { typologyId: ["Ce type de structure n'existe pas."] } })!;
    expect(errorMessageAt(errors, "typologyId")).toBe("Ce type de structure n'existe pas.");
  });
});

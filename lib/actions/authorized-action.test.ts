import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SignedInActor } from "@/lib/auth/actor";
import { AppError, refusal } from "@/lib/errors/app-error";
import { log } from "@/lib/log";

const getActor = vi.hoisted(() => vi.fn<() => Promise<SignedInActor | null>>());
vi.mock("@/lib/auth/session", () => ({ getActor }));
const requestHeaders = vi.hoisted(() => new Headers({ "x-request-id": "req-0123456789" }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));

const { authorizedAction, toFailure } = await import("./authorized-action");

const actor = { userId: "u1", name: "Marie", email: "marie@exemple.fr", isPlatformAdmin: false, memberships: [], coordinatedTerritoryIds: [] } as unknown as SignedInActor;
const schema = z.object({ title: z.string().min(1, "Donnez un titre.") });
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

describe("authorizedAction's refusals: a code and its words", () => {
  beforeEach(() => getActor.mockResolvedValue(actor));

  it("signed out: session.expired, with what was typed", async () => {
    getActor.mockResolvedValue(null);
    const action = authorizedAction(schema, () => true, async () => ({ ok: true, data: null }));
    expect(await action(null, form({ title: "Atelier" }))).toEqual({
      ok: false,
      code: "session.expired",
      error: "Votre session a expiré : reconnectez-vous.",
      values: { title: "Atelier" },
    });
  });

  it("invalid input: form.invalid, zod's words on their fields", async () => {
    const action = authorizedAction(schema, () => true, async () => ({ ok: true, data: null }));
    expect(await action(null, form({ title: "" }))).toEqual({
      ok: false,
      code: "form.invalid",
      error: "Corrigez les champs signalés.",
      fieldErrors: { title: ["Donnez un titre."] },
      values: { title: "" },
    });
  });

  it("refused by the policy: not_found, logged with the request's id and who, not what was typed", async () => {
    const lines: unknown[][] = [];
    const child = vi.spyOn(log, "child").mockImplementation(
      (bindings) => ({ info: (...args: unknown[]) => lines.push([bindings, ...args]) }) as unknown as ReturnType<typeof log.child>,
    );
    const handler = vi.fn();
    const action = authorizedAction(schema, () => false, handler);
    expect(await action(null, form({ title: "Atelier" }))).toMatchObject({ ok: false, code: "not_found", error: "Introuvable : cette page n'existe pas, ou vous n'y avez pas accès." });
    expect(handler).not.toHaveBeenCalled();
    expect(lines).toEqual([[{ requestId: "req-0123456789" }, { code: "not_found", userId: "u1" }, "Action refusée par la politique d'accès"]]);
    child.mockRestore();
  });

  it("a returned refusal and a thrown AppError say the same words", async () => {
    const coded = { code: "transfer.already_decided", params: { status: "accepted", by: null, at: null, timeZone: "Europe/Paris" } } as const;
    const returned = authorizedAction(schema, () => true, async () => refusal(coded));
    const thrown = authorizedAction(schema, () => true, async () => {
      throw new AppError(coded);
    });
    const expected = { ok: false, code: "transfer.already_decided", error: "Déjà traité : ce transfert est maintenant « Accepté ».", values: { title: "A" } };
    expect(await returned(null, form({ title: "A" }))).toEqual(expected);
    expect(await thrown(null, form({ title: "A" }))).toEqual(expected);
  });

  it("a refusal naming a field puts its words on that field", async () => {
    const action = authorizedAction(schema, () => true, async () => refusal({ code: "transfer.partner_not_listed" }, "suggestedStructureId"));
    expect(await action(null, form({ title: "A" }))).toEqual({
      ok: false,
      code: "transfer.partner_not_listed",
      error: "Corrigez les champs signalés.",
      fieldErrors: { suggestedStructureId: ["Choisissez un partenaire publié du territoire dans la liste."] },
      values: { title: "A" },
    });
  });

  it("lets any other error through, for the error page and the log", async () => {
    const action = authorizedAction(schema, () => true, async () => {
      throw new Error("connexion perdue");
    });
    await expect(action(null, form({ title: "A" }))).rejects.toThrow("connexion perdue");
  });

  it("an AppError's message is its code: no words, nothing personal", () => {
    const error = new AppError({ code: "hours.changed_meanwhile", params: { current: "lundi" } });
    expect(error.message).toBe("hours.changed_meanwhile");
    expect(toFailure(error.toRefusal()).error).toContain("lundi");
  });
});

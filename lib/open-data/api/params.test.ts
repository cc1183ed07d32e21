import { describe, expect, it } from "vitest";
import { matchesEtag } from "@/lib/http/policy.mjs";
import { decodeCursor, encodeCursor, needTerms, offersParams, parseParams } from "./params";

const ID = "6f1e2d3c-4b5a-4968-8776-655443322110";
const parse = (query: string) => parseParams(offersParams, new URL(`http://x/offers?${query}`));

describe("API parameters", () => {
  it("default to 50 items in Toile's format, and ignore parameters they do not know", () => {
    expect(parse("inconnu=1")).toEqual({ ok: true, value: { limit: 50, format: "toile" } });
    expect(parse("limit=200&format=hsds")).toMatchObject({ ok: true, value: { limit: 200, format: "hsds" } });
  });

  it("read an opaque cursor back, and refuse a forged one", () => {
    expect(decodeCursor(encodeCursor(ID))).toBe(ID);
    expect(parse(`cursor=${encodeCursor(ID)}`)).toMatchObject({ ok: true, value: { cursor: ID } });
    expect(decodeCursor("%%%")).toBeNull();
    expect(decodeCursor(Buffer.from('{"after":"x"}').toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from("null").toString("base64url"))).toBeNull();
  });

  it("read dates and date-times, and commune codes", () => {
    expect(parse("updated_since=2026-11-01")).toMatchObject({ ok: true, value: { updated_since: new Date("2026-11-01T00:00:00Z") } });
    expect(parse("updated_since=2026-11-01T10:00:00%2B01:00")).toMatchObject({ ok: true, value: { updated_since: new Date("2026-11-01T09:00:00Z") } });
    expect(parse("commune=2a004")).toMatchObject({ ok: true, value: { commune: "2A004" } });
    expect(parse("updated_since=2026-02-30")).toMatchObject({ ok: false });
  });

  it("say which parameter is wrong and why", () => {
    expect(parse("limit=-1&updated_since=x")).toEqual({
      ok: false,
      errors: [
        { parameter: "limit", message: "un entier de 1 à 200 est attendu" },
        { parameter: "updated_since", message: expect.stringContaining("ISO 8601") },
      ],
    });
    expect(parse("limit=201")).toEqual({ ok: false, errors: [{ parameter: "limit", message: "au plus 200" }] });
  });

  it("turn a need into its terms: a residents' need, or a code with its crosswalk equivalents", () => {
    expect(needTerms("mot-de-passe")!.length).toBeGreaterThan(0);
    expect(needTerms("Aide aux démarches administratives")).toEqual(
      expect.arrayContaining([
        ["lmn.services", "Aide aux démarches administratives"],
        ["dataInclusion.v1.thematiques", "numerique--acceder-a-des-services-en-ligne"],
      ]),
    );
    expect(needTerms("numerique--acceder-a-une-connexion-internet")).toEqual(
      expect.arrayContaining([["lmn.services", "Accès internet et matériel informatique"]]),
    );
    expect(needTerms("numerique")).toBeNull();
  });

  it("match ETags as HTTP does", () => {
    expect(matchesEtag('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesEtag("*", '"b"')).toBe(true);
    expect(matchesEtag('"a"', '"b"')).toBe(false);
    expect(matchesEtag(null, '"b"')).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { importPostTooBig, MAX_IMPORT_BYTES } from "./limits";

describe("importPostTooBig", () => {
  const page = "/territoires/val-de-lise/import";

  it("stops a post to the import page bigger than any acceptable file", () => {
    expect(importPostTooBig("POST", page, String(50 * 1024 * 1024))).toBe(true);
    expect(importPostTooBig("POST", `${page}/`, String(MAX_IMPORT_BYTES + 1024 * 1024))).toBe(true);
  });

  it("lets through a file at the limit with its form, other pages, other methods, and posts without a length", () => {
    expect(importPostTooBig("POST", page, String(MAX_IMPORT_BYTES + 10_000))).toBe(false);
    expect(importPostTooBig("POST", "/territoires/val-de-lise/matrice", String(50 * 1024 * 1024))).toBe(false);
    expect(importPostTooBig("POST", "/territoires/val-de-lise/import/autre", String(50 * 1024 * 1024))).toBe(false);
    expect(importPostTooBig("GET", page, String(50 * 1024 * 1024))).toBe(false);
    expect(importPostTooBig("POST", page, null)).toBe(false);
    expect(importPostTooBig("POST", page, "beaucoup")).toBe(false);
  });
});

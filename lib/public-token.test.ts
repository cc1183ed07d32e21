import { describe, expect, it } from "vitest";
import { hashPublicToken, isPublicToken, newPublicToken } from "./public-token";

describe("public tokens", () => {
  it("gives a URL-safe token and keeps only its hash", () => {
    const { token, hash } = newPublicToken();
    expect(isPublicToken(token)).toBe(true);
    expect(hash).toBe(hashPublicToken(token));
    expect(hash).not.toContain(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses what cannot be a token", () => {
    expect(isPublicToken("../../etc/passwd")).toBe(false);
    expect(isPublicToken("a".repeat(23))).toBe(false);
    expect(isPublicToken(42)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { pageNonce } from "./content-security";

const SECRET = "s".repeat(32);
const NOW = Date.UTC(2026, 0, 15, 10, 2);

describe("pageNonce", () => {
  it("is the same for a public page within five minutes (a shared cache keeps one copy), and changes after", () => {
    const first = pageNonce("GET", "/t/demo?lang=ar", null, NOW, SECRET);
    expect(pageNonce("GET", "/t/demo?lang=ar", null, NOW + 60_000, SECRET)).toBe(first);
    expect(pageNonce("GET", "/t/demo?lang=ar", null, NOW + 5 * 60_000, SECRET)).not.toBe(first);
    expect(pageNonce("GET", "/t/demo?lang=en", null, NOW, SECRET)).not.toBe(first);
    expect(pageNonce("GET", "/t/demo?lang=ar", null, NOW, "t".repeat(32))).not.toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });

  it("is new on every request for a signed-in visitor or a professional page", () => {
    const signedIn = "next-auth.session-token=abc";
    expect(pageNonce("GET", "/t/demo", signedIn, NOW, SECRET)).not.toBe(pageNonce("GET", "/t/demo", signedIn, NOW, SECRET));
    expect(pageNonce("GET", "/transferts", null, NOW, SECRET)).not.toBe(pageNonce("GET", "/transferts", null, NOW, SECRET));
  });
});

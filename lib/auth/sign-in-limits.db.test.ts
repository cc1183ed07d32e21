import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkMagicLinkLimits, PER_EMAIL, PER_IP } from "./sign-in-limits";

describe("magic-link limits", () => {
  it("refuse a fourth link for one address within the window, with the wait in minutes", async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < PER_EMAIL.limit; i++) {
      expect(await checkMagicLinkLimits(db, "jose@exemple.fr", `10.0.0.${i}`, now)).toBeNull();
    }
    expect(await checkMagicLinkLimits(db, "jose@exemple.fr", "10.0.0.9", now)).toBe(15);
    expect(await checkMagicLinkLimits(db, "autre@exemple.fr", "10.0.0.9", now)).toBeNull();
  });

  it("refuse an address's requests from one IP past its own limit", async () => {
    const now = new Date("2026-11-22T12:00:00Z");
    for (let i = 0; i < PER_IP.limit; i++) {
      expect(await checkMagicLinkLimits(db, `p${i}@exemple.fr`, "192.0.2.7", now)).toBeNull();
    }
    expect(await checkMagicLinkLimits(db, "p-last@exemple.fr", "192.0.2.7", now)).toBe(60);
  });
});

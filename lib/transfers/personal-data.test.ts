import { describe, expect, it } from "vitest";
import { dataKey, decryptPersonalDetails, encryptPersonalDetails, MissingDataKeyError, newDataKey } from "./personal-data";

const details = { phone: "06 12 34 56 78", email: "jose@exemple.fr", language: "es", accessibilityNeeds: "Malvoyant" };

describe("personal details at rest", () => {
  const key = dataKey(newDataKey());

  it("round-trip, and the stored text contains none of them", () => {
    const stored = encryptPersonalDetails(details, key);
    expect(decryptPersonalDetails(stored, key)).toEqual(details);
    for (const value of Object.values(details)) expect(stored).not.toContain(value);
    // A fresh IV each time: the same details never give the same text.
    expect(encryptPersonalDetails(details, key)).not.toBe(stored);
  });

  it("refuse a text that was altered, or another key", () => {
    const stored = encryptPersonalDetails(details, key);
    const parts = stored.split(".");
    const flipped = parts[3]!.startsWith("A") ? "B" + parts[3]!.slice(1) : "A" + parts[3]!.slice(1);
    expect(() => decryptPersonalDetails([...parts.slice(0, 3), flipped].join("."), key)).toThrow();
    expect(() => decryptPersonalDetails(stored, dataKey(newDataKey()))).toThrow();
    expect(() => decryptPersonalDetails("v0.x.y.z", key)).toThrow("illisibles");
  });

  it("need a 32-byte key from the environment", () => {
    expect(() => dataKey("")).toThrow(MissingDataKeyError);
    expect(() => dataKey(Buffer.alloc(16).toString("base64"))).toThrow("32 octets");
    expect(dataKey("ab".repeat(32))).toHaveLength(32);
  });
});

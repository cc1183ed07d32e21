import { describe, expect, it } from "vitest";
import { dataKey, decryptPersonalDetails, encryptPersonalDetails, MissingDataKeyError, newDataKey } from "./personal-data";

const details = { phone: "06 12 34 56 78", email: "jose@exemple.fr", language: "es", accessibilityNeeds: "Malvoyant" };

describe("personal details at rest", () => {
  const key = dataKey(newDataKey());

  it("round-trip, and the stored text is only a version and encrypted bytes", () => {
    const stored = encryptPersonalDetails(details, key);
    expect(decryptPersonalDetails(stored, key)).toEqual(details);
    // Not "the text does not contain 'es'": random base64 does, now and then. What is stored is
    // the version, then base64url parts (an IV, a tag, bytes as long as the JSON and not the JSON).
    const [version, iv, tag, ciphertext, ...rest] = stored.split(".");
    expect(version).toBe("v1");
    expect(rest).toEqual([]);
    for (const part of [iv, tag, ciphertext]) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(iv!, "base64url")).toHaveLength(12);
    expect(Buffer.from(tag!, "base64url")).toHaveLength(16);
    const plaintext = Buffer.from(JSON.stringify(details), "utf8");
    const encrypted = Buffer.from(ciphertext!, "base64url");
    expect(encrypted).toHaveLength(plaintext.length);
    expect(encrypted.equals(plaintext)).toBe(false);
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

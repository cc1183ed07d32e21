import { describe, expect, it } from "vitest";
import { importCommunesSchema } from "./schemas";

const ids = { territoryId: "6f1c2a34-0b5e-4c1d-9a8e-1234567890ab", jobId: "7f1c2a34-0b5e-4c1d-9a8e-1234567890ab" };

describe("the communes picked in the preview", () => {
  it("reads row, place and commune (INSEE code and postal code)", () => {
    const answers = { "2:1 place de la Liberté, Valence": "26362|26000", "5:2 rue X, Ajaccio": "2A004|20000" };
    expect(importCommunesSchema.parse({ ...ids, answers: JSON.stringify(answers) }).answers).toEqual(answers);
  });

  it("refuses what is not a pick: unreadable JSON, a key without row, a value without postal code", () => {
    for (const answers of ["{", JSON.stringify({ "sans ligne": "26362|26000" }), JSON.stringify({ "2:x": "26362" })]) {
      expect(importCommunesSchema.safeParse({ ...ids, answers }).success).toBe(false);
    }
  });
});

import { describe, expect, it } from "vitest";
import { areaOfCommune, checkPointAgainstCommune, distanceKm, readCheckedPoint, type LocateCommune } from "./coordinates";

const LAON = { communeCode: "02408", postalCode: "02000", communeName: "Laon" };

describe("checkPointAgainstCommune", () => {
  it("accepts a point on its commune's land", () => {
    expect(checkPointAgainstCommune({ latitude: 49.5641, longitude: 3.6199 }, LAON)).toEqual({ status: "ok", point: { latitude: 49.5641, longitude: 3.6199 } });
  });

  it("puts a swapped pair right when swapping it back lands it on its commune's land (Laon in the Indian Ocean)", () => {
    expect(checkPointAgainstCommune({ latitude: 3.6199, longitude: 49.5641 }, LAON)).toEqual({ status: "swapped", point: { latitude: 49.5641, longitude: 3.6199 } });
  });

  it("flags a point at sea, abroad, or on another land than its commune's", () => {
    const atSea = checkPointAgainstCommune({ latitude: 45.5, longitude: -8 }, LAON);
    expect(atSea).toEqual({ status: "far", why: "Le point (45.5, -8) n'est pas en France métropolitaine, où se trouve la commune (Laon)" });
    // A Guadeloupe commune (Pointe-à-Pitre) placed in Paris, by INSEE code then by postal code alone.
    expect(checkPointAgainstCommune({ latitude: 48.8566, longitude: 2.3522 }, { communeCode: "97120" })).toMatchObject({ status: "far", why: expect.stringMatching(/n'est pas en Guadeloupe/) });
    expect(checkPointAgainstCommune({ latitude: 48.8566, longitude: 2.3522 }, { postalCode: "97110" })).toMatchObject({ status: "far" });
    // A Paris commune placed in La Réunion.
    expect(checkPointAgainstCommune({ latitude: -21.1151, longitude: 55.5364 }, { postalCode: "75011" }).status).toBe("far");
  });

  it("leaves unchecked what it knows nothing of (overseas collectivities, no code)", () => {
    expect(checkPointAgainstCommune({ latitude: 46.78, longitude: -56.17 }, { postalCode: "97500" }).status).toBe("unchecked");
    expect(checkPointAgainstCommune({ latitude: 0, longitude: 0 }, {}).status).toBe("unchecked");
    // Saint-Barthélemy and Saint-Martin, by their 971 postal codes or their own INSEE codes.
    expect(checkPointAgainstCommune({ latitude: 17.8964, longitude: -62.8498 }, { postalCode: "97133" }).status).toBe("unchecked");
    expect(checkPointAgainstCommune({ latitude: 18.0708, longitude: -63.0501 }, { communeCode: "97801", postalCode: "97150" }).status).toBe("unchecked");
    expect(areaOfCommune({ communeCode: "2A004" })).toMatchObject({ name: "en France métropolitaine" });
  });

  it("checks the distance to the commune when a finer source is plugged in", () => {
    const locate: LocateCommune = (code) => (code === "02408" ? { center: { latitude: 49.5641, longitude: 3.6199 }, radiusKm: 15 } : null);
    expect(checkPointAgainstCommune({ latitude: 49.57, longitude: 3.63 }, LAON, locate).status).toBe("ok");
    // Marseille: in mainland France, but 700 km from Laon.
    expect(checkPointAgainstCommune({ latitude: 43.2965, longitude: 5.3698 }, LAON, locate)).toMatchObject({ status: "far", why: expect.stringMatching(/^Le point \(43.2965, 5.3698\) est à 7\d\d km de la commune \(Laon\)$/) });
    // Paris–Lyon as the crow flies: about 392 km.
    expect(distanceKm({ latitude: 48.8566, longitude: 2.3522 }, { latitude: 45.764, longitude: 4.8357 })).toBeCloseTo(391.5, 0);
  });
});

describe("readCheckedPoint", () => {
  it("reads a pair, decimal commas included", () => {
    expect(readCheckedPoint({ latitude: "49,5641", longitude: "3.6199" }, LAON)).toEqual({
      point: { latitude: 49.5641, longitude: 3.6199 },
      issues: [{ column: "latitude", value: "49,5641", why: "Virgule décimale : lue comme un point.", level: "warning" }],
    });
    expect(readCheckedPoint({ latitude: "", longitude: "" }, LAON)).toEqual({ point: null, issues: [] });
  });

  it("never keeps half a pair: an unreadable or missing latitude drops the longitude too, and says so", () => {
    const unreadable = readCheckedPoint({ latitude: "49°33'N", longitude: "3.6199" }, LAON);
    expect(unreadable.point).toBeNull();
    expect(unreadable.issues).toEqual([
      { column: "latitude", value: "49°33'N", why: "Coordonnée illisible (nombre attendu, ex. 45.7640) : les coordonnées du lieu ne sont pas importées.", level: "warning" },
    ]);
    const missing = readCheckedPoint({ latitude: "", longitude: "3.6199" }, LAON);
    expect(missing).toEqual({
      point: null,
      issues: [{ column: "latitude", value: "", why: "Latitude absente alors que la longitude est donnée : les coordonnées du lieu ne sont pas importées.", level: "warning" }],
    });
  });

  it("swaps a swapped pair back with a warning, and drops a far one with the reason", () => {
    expect(readCheckedPoint({ latitude: "3.6199", longitude: "49.5641" }, LAON)).toEqual({
      point: { latitude: 49.5641, longitude: 3.6199 },
      issues: [
        {
          column: "latitude",
          value: "3.6199",
          why: "Latitude et longitude inversées (3.6199, 49.5641 n'est pas dans la commune) : remises dans l'ordre (49.5641, 3.6199).",
          level: "warning",
        },
      ],
    });
    expect(readCheckedPoint({ latitude: "45.5", longitude: "-8" }, LAON)).toEqual({
      point: null,
      issues: [
        {
          column: "latitude",
          value: "45.5",
          why: "Le point (45.5, -8) n'est pas en France métropolitaine, où se trouve la commune (Laon) : les coordonnées du lieu ne sont pas importées.",
          level: "warning",
        },
      ],
    });
  });
});

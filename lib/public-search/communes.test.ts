import { describe, expect, it } from "vitest";
import { communeIndex, indexLetter } from "./communes";
import type { Commune } from "./filters";

const commune = (name: string, postalCode = "02400"): Commune => ({ code: `${name}-${postalCode}`, name, postalCode, latitude: null, longitude: null });

describe("the communes' index by first letter", () => {
  it("files a commune under its first letter, accents set aside", () => {
    expect(indexLetter("Étampes-sur-Marne")).toBe("E");
    expect(indexLetter("l'Isle-Adam")).toBe("L");
    expect(indexLetter("  Œuilly")).toBe("#");
    expect(indexLetter("1er Arrondissement")).toBe("#");
  });

  it("lists the letters in order with their counts, and the communes of the letter asked for, sorted", () => {
    const communes = [commune("Château-Thierry"), commune("Brasles"), commune("Étrépilly"), commune("Chézy-sur-Marne"), commune("Bézu-le-Guéry"), commune("Essômes-sur-Marne")];
    const index = communeIndex(communes, "c");
    expect(index.letters).toEqual([
      { letter: "B", count: 2 },
      { letter: "C", count: 2 },
      { letter: "E", count: 2 },
    ]);
    expect(index.letter).toBe("C");
    expect(index.communes.map((item) => item.name)).toEqual(["Château-Thierry", "Chézy-sur-Marne"]);
  });

  it("shows the first letter when none, or one without communes, is asked for", () => {
    const communes = [commune("Viels-Maisons"), commune("Azy-sur-Marne")];
    expect(communeIndex(communes, undefined).letter).toBe("A");
    expect(communeIndex(communes, "Z").letter).toBe("A");
    expect(communeIndex(communes, ["V"]).letter).toBe("A");
    expect(communeIndex([], "A")).toEqual({ letters: [], letter: null, communes: [] });
  });

  it("keeps a commune's several postal codes apart, in order", () => {
    const index = communeIndex([commune("Reims", "51100"), commune("Reims", "51051")], "R");
    expect(index.communes.map((item) => item.postalCode)).toEqual(["51051", "51100"]);
  });
});

import { describe, expect, it } from "vitest";
import { communeSuggestions, parseSearchFilters, resolveCommune, searchQuery, type Commune } from "./filters";

describe("parseSearchFilters", () => {
  it("reads every filter of a well-formed URL", () => {
    const { filters, ignored } = parseSearchFilters({
      q: "  refaire mon CV ",
      besoin: "impots",
      commune: "02400",
      distance: "10",
      public: "jeunes",
      age: "19",
      acces: ["sans-rendez-vous", "a-distance"],
      posture: "faire-avec",
      ouvert: "maintenant",
      gratuit: "1",
      creneau: "semaine",
      page: "2",
      lang: "ar",
    });
    expect(ignored).toEqual([]);
    expect(filters).toEqual({
      q: "refaire mon CV",
      besoin: "impots",
      commune: "02400",
      distance: 10,
      public: "jeunes",
      age: 19,
      acces: ["sans-rendez-vous", "a-distance"],
      posture: "faire-avec",
      ouvert: "maintenant",
      gratuit: true,
      creneau: "semaine",
      page: 2,
      lang: "ar",
    });
  });

  it("gives the defaults for an empty URL", () => {
    expect(parseSearchFilters({})).toEqual({
      filters: { q: "", besoin: null, commune: null, distance: null, public: null, age: null, acces: [], posture: null, ouvert: null, gratuit: false, creneau: null, page: 1, lang: "fr" },
      ignored: [],
    });
  });

  it("drops absurd and hostile values and says which", () => {
    const { filters, ignored } = parseSearchFilters({
      q: "<script>alert(1)</script>",
      besoin: "'; DROP TABLE offer; --",
      distance: "1e308",
      age: "-3",
      page: "-5",
      public: "admins",
      acces: ["sans-rendez-vous", "<b>"],
      posture: "x".repeat(10_000),
      ouvert: "toujours",
      gratuit: "oui",
      lang: "xx",
    });
    expect(filters).toMatchObject({ besoin: null, distance: null, age: null, page: 1, public: null, acces: ["sans-rendez-vous"], posture: null, ouvert: null, gratuit: false, lang: "fr" });
    // The text is kept as typed: React escapes it when shown; the search only reads its words.
    expect(filters.q).toBe("<script>alert(1)</script>");
    expect(ignored.map(({ filter, reason }) => `${filter}:${reason}`).sort()).toEqual(
      ["acces:unknown", "age:range", "besoin:unknown", "distance:range", "gratuit:unknown", "ouvert:unknown", "page:range", "posture:unknown", "public:unknown"].sort(),
    );
  });

  it("refuses numbers that are not plain integers in range", () => {
    for (const page of ["0", "501", "1.5", "0x10", "2e2", " ", "99999999999999999999", "NaN", "Infinity"]) {
      expect(parseSearchFilters({ page }).filters.page).toBe(1);
    }
    for (const distance of ["0", "51", "-10", "1e308"]) expect(parseSearchFilters({ distance }).filters.distance).toBeNull();
    expect(parseSearchFilters({ page: "500" }).filters.page).toBe(500);
  });

  it("bounds huge text and strips control characters and broken UTF-16", () => {
    const { filters } = parseSearchFilters({ q: `mdp\u0000\u202e${"a".repeat(10_000)}\ud800`, commune: "x".repeat(10_000) });
    expect(filters.q.length).toBeLessThanOrEqual(200);
    expect(filters.q.startsWith("mdp ")).toBe(true);
    expect(filters.q).not.toMatch(/[\u0000\u202e\ud800]/);
    expect(filters.commune).toBeNull();
  });

  it("takes the first value of a repeated parameter and survives non-strings", () => {
    expect(parseSearchFilters({ page: ["3", "4"], q: ["cv", "mdp"] }).filters).toMatchObject({ page: 3, q: "cv" });
    expect(parseSearchFilters({ q: 42 as unknown as string, acces: {} as unknown as string }).filters).toMatchObject({ q: "", acces: [] });
  });
});

describe("resolveCommune", () => {
  const communes: Commune[] = [
    { code: "02168", name: "Château-Thierry", postalCode: "02400", latitude: 49.0464, longitude: 3.403 },
    { code: "02290", name: "Essômes-sur-Marne", postalCode: "02400", latitude: 49.03, longitude: 3.3745 },
    { code: "02163", name: "Charly-sur-Marne", postalCode: "02310", latitude: null, longitude: null },
  ];
  const codes = (typed: string) => resolveCommune(typed, communes).map(({ code }) => code);

  it("finds a commune by INSEE code, postal code or name, without accents or case", () => {
    expect(codes("02163")).toEqual(["02163"]);
    expect(codes("02400")).toEqual(["02168", "02290"]);
    expect(codes("charly sur marne")).toEqual(["02163"]);
    expect(codes("CHATEAU")).toEqual(["02168"]);
    expect(codes(" 02 400 ")).toEqual(["02168", "02290"]);
  });

  it("finds nothing for unknown or hostile input", () => {
    expect(codes("75001")).toEqual([]);
    expect(codes("\uFFFD")).toEqual([]);
    expect(codes("<script>")).toEqual([]);
    expect(codes("a")).toEqual([]); // in several names: not one commune
  });
});

describe("searchQuery", () => {
  it("writes only the filters that are set, and changes some", () => {
    const { filters } = parseSearchFilters({ q: "cv", acces: ["sans-rendez-vous", "a-distance"], gratuit: "1", lang: "en", page: "2" });
    expect(searchQuery(filters)).toBe("q=cv&acces=sans-rendez-vous&acces=a-distance&gratuit=1&page=2&lang=en");
    expect(searchQuery(filters, { page: 1, gratuit: false })).toBe("q=cv&acces=sans-rendez-vous&acces=a-distance&lang=en");
    expect(searchQuery(filters, { page: 1, gratuit: false, creneau: "semaine" })).toBe("q=cv&acces=sans-rendez-vous&acces=a-distance&creneau=semaine&lang=en");
    expect(parseSearchFilters({ creneau: "demain" })).toMatchObject({ filters: { creneau: null }, ignored: [{ filter: "creneau", reason: "unknown" }] });
  });
});

describe("communeSuggestions", () => {
  const commune = (code: string, name: string, postalCode: string): Commune => ({ code, name, postalCode, latitude: null, longitude: null });
  const communes = [
    commune("02168", "Château-Thierry", "02400"),
    commune("02290", "Essômes-sur-Marne", "02400"),
    commune("51454", "Reims", "51100"),
    commune("02673", "Saint-Gengoulph", "02810"),
    commune("02680", "Saint-Quentin", "02100"),
    commune("02691", "Saulchery", "02310"),
  ];
  const names = (typed: string) => communeSuggestions(typed, communes).map(({ name }) => name);

  it("offers the communes a name with a typo or two may have meant, closest first", () => {
    expect(names("chateau tiery")).toEqual(["Château-Thierry"]);
    expect(names("Rheims")).toEqual(["Reims"]);
  });

  it("offers every commune holding an ambiguous part of a name, and those whose postal code starts with the digits typed", () => {
    expect(names("saint")).toEqual(["Saint-Gengoulph", "Saint-Quentin"]);
    expect(names("024")).toEqual(["Château-Thierry", "Essômes-sur-Marne"]);
  });

  it("offers nothing for what is far from every name, and at most the number asked", () => {
    expect(names("Marseille")).toEqual([]);
    expect(names("")).toEqual([]);
    expect(communeSuggestions("0", communes, 3)).toHaveLength(3);
  });
});

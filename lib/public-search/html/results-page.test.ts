import { describe, expect, it } from "vitest";
import { parseSearchFilters } from "../filters";
import { findNeed } from "../needs";
import type { SearchOutcome, SearchResult } from "../queries";
import { resultsPage } from "./results-page";

// A fixed instant: the cards' "open now" texts depend on it, never on the clock.
const now = new Date("2026-03-10T10:00:00Z");
const hostile = `"><script>alert('x')</script>\n&`;
const territory = { id: "t1", slug: "val-de-lise", name: `Val ${hostile}`, country: "FR" as const, timeZone: "Europe/Paris", staleAfterMonths: 12, searchVersion: 1 };
const result = (id: string, extra: Partial<SearchResult> = {}): SearchResult => ({
  id,
  title: `Titre ${hostile}`,
  description: "",
  structureName: `Structure ${hostile}`,
  phone: null,
  minAge: null,
  maxAge: null,
  feeDetails: `Tarif ${hostile}`,
  publics: [],
  accessModes: ["sans-rendez-vous"],
  postures: [],
  free: false,
  places: [{ name: `Lieu ${hostile}`, address: "1 rue", postalCode: "75001", communeName: "Paris" }],
  remote: false,
  opening: { status: { open: true, closesAt: new Date("2026-03-10T16:00:00Z"), appointmentOnly: false }, closedUntil: { date: "2026-03-20", label: `Travaux ${hostile}` } },
  stale: false,
  lastVerifiedAt: null,
  unconfirmedSince: null,
  ...extra,
});
const outcome = (extra: Partial<SearchOutcome> = {}): SearchOutcome => ({
  territory,
  communeMatches: [],
  communeSuggestions: [],
  needs: [{ need: findNeed("trouver-un-emploi")!, score: 1 }],
  textFallback: false,
  results: [result("o1"), result("o2")],
  total: 30,
  page: 2,
  pageCount: 3,
  ignored: [],
  truncated: false,
  ...extra,
});
const query = { q: hostile, commune: hostile, acces: ["sans-rendez-vous"], page: "2", lang: "en" };
const attributeValues = (markup: string, name: string) => [...markup.matchAll(new RegExp(` ${name}="([^"]*)"`, "g"))].map((match) => match[1]!);
const unescaped = (markup: string) => markup.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

describe("resultsPage", () => {
  for (const [name, found] of [
    ["with results", outcome()],
    ["without result", outcome({ results: [], total: 0, page: 1, pageCount: 0 })],
  ] as const) {
    it(`escapes what people typed and what the offers say, ${name}`, () => {
      const { filters, ignored } = parseSearchFilters(query);
      const { main } = resultsPage(found, filters, ignored, now);
      expect(main.value).not.toContain("<script");
      expect(main.value).not.toContain("alert('x')");
      expect(main.value).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    });

    it(`writes every link and the form's action through safeUrl: the site's paths, the query encoded, ${name}`, () => {
      const { filters, ignored } = parseSearchFilters(query);
      const { main } = resultsPage(found, filters, ignored, now);
      const urls = [...attributeValues(main.value, "href"), ...attributeValues(main.value, "action")].map(unescaped);
      expect(urls.length).toBeGreaterThan(5);
      for (const url of urls) {
        expect(url, url).toMatch(/^(\/t\/val-de-lise(\/|\?|$)|#)/);
        expect(url, url).not.toMatch(/[\s"'<>\\]/);
      }
      // What was typed comes back, intact, from the links' queries.
      const paged = urls.filter((url) => url.includes("q="));
      expect(paged.length).toBeGreaterThan(0);
      for (const url of paged) expect(new URL(url, "https://toile.invalid").searchParams.get("q")).toBe(filters.q);
    });
  }

  it("links each card to its offer in the page's language, and marks the offers' words French", () => {
    const { filters } = parseSearchFilters(query);
    const { main } = resultsPage(outcome(), filters, [], now);
    expect(attributeValues(main.value, "href")).toContain("/t/val-de-lise/offres/o1?lang=en");
    expect(main.value).toMatch(/<a href="\/t\/val-de-lise\/offres\/o1\?lang=en" class="text-accent underline" lang="fr">Titre /);
  });

  it("offers the communes that were perhaps meant when the one typed names none, each a link keeping the other filters", () => {
    const { filters, ignored } = parseSearchFilters({ q: "cv", commune: "chateau tiery", lang: "en" });
    const suggestion = { code: "02168", name: "Château-Thierry", postalCode: "02400", latitude: null, longitude: null };
    const { main } = resultsPage(outcome({ ignored: [{ filter: "commune", reason: "unknown" }], communeSuggestions: [suggestion] }), filters, ignored, now);
    expect(main.value).toContain("Did you mean:");
    expect(main.value).toContain('<a href="/t/val-de-lise/recherche?q=cv&amp;commune=02168&amp;lang=en" class="inline-block min-h-11 py-2 text-accent underline" lang="fr">Château-Thierry (02400)</a>');
  });
});

import { describe, expect, it } from "vitest";
import type { Commune } from "../filters";
import { homePage } from "./home-page";

const territory = { slug: "grand-territoire", name: "Grand territoire", country: "FR" as const };
const communes = (count: number): Commune[] =>
  Array.from({ length: count }, (_, index) => ({ code: `02${String(index).padStart(3, "0")}`, name: `Commune ${index}`, postalCode: "02400", latitude: null, longitude: null }));
const addresses = { canonical: "https://toile.example/t/grand-territoire" };

describe("a territory's home", () => {
  it("lists a small territory's communes, each a link to its results", () => {
    const html = homePage(territory, communes(3), "fr", addresses).main.value;
    expect(html.match(/href="\/t\/grand-territoire\/recherche\?commune=/g)).toHaveLength(3);
    expect(html).not.toContain("/communes");
  });

  it("stays light for a large one: one link to the communes' index, not a link per commune", () => {
    const html = homePage(territory, communes(986), "fr", addresses).main.value;
    expect(html).not.toContain("recherche?commune=");
    expect(html).toContain('href="/t/grand-territoire/communes"');
    expect(html).toContain("Toutes les communes (986)");
    expect(html.length).toBeLessThan(20_000);
  });

  it("keeps the page's language in its links, and says what the page is for search engines", () => {
    const page = homePage(territory, communes(40), "ar", addresses);
    expect(page.main.value).toContain('href="/t/grand-territoire/communes?lang=ar"');
    expect(page.main.value).toContain("?besoin=demarches-administratives&amp;lang=ar");
    expect(page.head.description).toMatch(/Grand territoire/);
    expect(page.head.canonical).toBe(addresses.canonical);
  });
});

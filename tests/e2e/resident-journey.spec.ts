/**
 * Issue 5's journey, whole, as a resident does it on a phone: from the territory's home, "refaire
 * mon CV" near a commune, the offer, when it is open, and the checklist printed — with JavaScript
 * and without, in French and in English.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

const OFFER = "Accompagnement vers l'emploi et la formation des 16-25 ans";
const WORDS = {
  fr: { need: "Votre besoin, avec vos mots", commune: "Votre commune ou code postal", search: "Chercher", details: `Voir le détail : ${OFFER}`, today: "Aujourd'hui", status: /Ouvert maintenant|ouvre/, documents: "Documents à apporter" },
  en: { need: "Your need, in your own words", commune: "Your town or postal code", search: "Search", details: `See the details: ${OFFER}`, today: "Today", status: /Open now|opens/, documents: "Documents to bring" },
} as const;

async function journey(browser: Browser, checker: Page, locale: "fr" | "en", javaScriptEnabled: boolean) {
  const words = WORDS[locale];
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 }, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  const check = () => (javaScriptEnabled ? expectAccessible(page) : expectAccessibleWithoutScript(page, checker));

  await page.goto(`/t/val-de-lise${locale === "fr" ? "" : `?lang=${locale}`}`);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await check();
  await page.getByLabel(words.need).fill("refaire mon CV");
  await page.getByLabel(words.commune).fill("02400");
  await page.getByRole("button", { name: words.search, exact: true }).click();

  await expect(page).toHaveURL(/\/recherche\?.*q=refaire/);
  await check();
  await page.getByRole("link", { name: words.details }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(OFFER);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  // Open now, or closed and when it opens next: either way, said at the top.
  await expect(page.getByRole("region", { name: words.today })).toContainText(words.status);
  await check();

  await page.emulateMedia({ media: "print" });
  const checklist = page.getByRole("region", { name: words.documents });
  await expect(checklist).toBeVisible();
  await expect(checklist.getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("navigation").first()).toBeHidden();
  await context.close();
}

for (const locale of ["fr", "en"] as const) {
  for (const javaScriptEnabled of [true, false]) {
    test(`a resident finds help to write a CV near their commune, reads when it is open and prints what to bring (${locale}, JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, page }) => {
      test.slow(); // three pages, each checked by axe, in a second browser
      await journey(browser, page, locale, javaScriptEnabled);
    });
  }
}

/**
 * The residents' side is HTML (issue 22): every public page comes without Next's runtime, with
 * its icons, its description, its canonical address and, where worth finding, schema.org data;
 * a large territory's communes are an index by letter; the fiche is found by its code; and the
 * offer page's small enhancement (print, copy, share) shows only where scripts run.
 */
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { withDatabase } from "./outbox";

test.use({ viewport: { width: 390, height: 844 } });

const home = `/t/${DEMO_TERRITORY_SLUG}`;
const CCAS = "Démarches en ligne faites pour vous, à partir de 60 ans";

const ids = () =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ offerId: string; structureId: string; placeId: string }>(
      `select o.id as "offerId", o."structureId", op."placeId" from "Offer" o join "OfferPlace" op on op."offerId" = o.id where o.title = $1 limit 1`,
      [CCAS],
    );
    return rows[0]!;
  });

test("every public page is HTML without Next's runtime: its icons, its words for search engines, its one small script at most", async ({ page, request }) => {
  const { offerId, structureId, placeId } = await ids();
  const pages = [
    { path: "/", indexed: true },
    { path: home, indexed: true },
    { path: `${home}?lang=ar`, indexed: true },
    { path: `${home}/communes`, indexed: true },
    { path: `${home}/recherche?besoin=demarches-administratives`, indexed: false },
    { path: `${home}/offres/${offerId}`, indexed: true, enhanced: true, data: "GovernmentService" },
    { path: `${home}/structures/${structureId}/programme`, indexed: true, enhanced: true, data: "Organization" },
    { path: `${home}/lieux/${placeId}/programme`, indexed: true, enhanced: true, data: "Place" },
    { path: `${home}/donnees`, indexed: true },
    { path: "/fiche", indexed: false },
  ];
  for (const { path, indexed, enhanced, data } of pages) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    // No React, no Next.js runtime: the page's only script is the deferred enhancement, and data.
    expect(html, path).not.toContain("/_next/");
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts, path).toEqual([...(enhanced ? ['<script src="/scripts/enhance.js" defer>'] : []), ...(data ? ['<script type="application/ld+json">'] : [])]);
    expect(html, path).toMatch(/<meta name="description" content="[^"]{40,}">/);
    expect(html, path).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32">');
    expect(html, path).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png">');
    if (indexed) {
      expect(html, path).not.toContain('name="robots"');
      expect(html, path).toMatch(/<link rel="canonical" href="http:\/\/localhost:\d+\//);
    } else {
      expect(html, path).toContain('<meta name="robots" content="noindex">');
    }
    if (data) {
      const json = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
      expect(json["@type"], path).toBe(data);
    }
  }

  // The offer page in English names itself and its other languages for search engines.
  const english = await (await request.get(`${home}/offres/${offerId}?lang=en`)).text();
  expect(english).toMatch(new RegExp(`<link rel="canonical" href="http://localhost:\\d+${home}/offres/${offerId}\\?lang=en">`));
  for (const locale of ["fr", "en", "ar"]) expect(english).toContain(`<link rel="alternate" hreflang="${locale}"`);

  // The place's programme as schema.org reads it: the Place, its hours, the services held there.
  const programme = await (await request.get(`${home}/lieux/${placeId}/programme`)).text();
  const place = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(programme)![1]!);
  expect(place.address).toMatchObject({ streetAddress: "17 avenue du Général de Gaulle" });
  expect(place.openingHoursSpecification).toContainEqual(expect.objectContaining({ dayOfWeek: "https://schema.org/Tuesday", opens: "13:00", closes: "17:00" }));
  expect(place.makesOffer.map((offer: { itemOffered: { name: string } }) => offer.itemOffered.name)).toContain(CCAS);

  // The icons themselves, kept a day by caches.
  for (const [icon, type] of [
    ["/favicon.ico", "image/x-icon"],
    ["/icon.svg", "image/svg+xml"],
    ["/apple-touch-icon.png", "image/png"],
    ["/scripts/enhance.js", "application/javascript"],
  ]) {
    const response = await request.get(icon!);
    expect(response.status(), icon).toBe(200);
    expect(response.headers()["content-type"], icon).toContain(type!);
    expect(response.headers()["cache-control"], icon).toBe("public, max-age=86400");
  }

  // A browser finds no missing file, no error in the console.
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto("/");
  await page.goto(`${home}/offres/${offerId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CCAS);
  expect(problems).toEqual([]);
});

test("a territory's communes by first letter: a letter, then a commune, then its offers", async ({ page }) => {
  await page.goto(`${home}/communes`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Les communes — /);
  const letters = page.getByRole("navigation", { name: "Première lettre de la commune" });
  // The first letter by default: the demo's communes are Charly, Château-Thierry and Essômes.
  await expect(letters.locator('[aria-current="page"]')).toHaveText("C");
  await expect(page.getByRole("heading", { name: "Communes commençant par C" })).toBeVisible();
  await expectAccessible(page);
  await letters.getByRole("link", { name: "E", exact: true }).click();
  await expect(page).toHaveURL(/\/communes\?lettre=E$/);
  await expect(page.getByRole("link", { name: "Essômes-sur-Marne (02400)" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Château-Thierry/ })).toHaveCount(0);
  await letters.getByRole("link", { name: "C", exact: true }).click();
  await page.getByRole("link", { name: "Château-Thierry (02400)" }).click();
  await expect(page).toHaveURL(/\/recherche\?commune=02168$/);
  await expect(page.getByRole("article").first()).toBeVisible();

  // In Arabic, right to left, the letters and the communes' names as they are.
  await page.goto(`${home}/communes?lettre=C&lang=ar`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("link", { name: "Château-Thierry (02400)" })).toHaveAttribute("href", /commune=02168&lang=ar$/);
  await expectAccessible(page);

  // A commune typed with mistakes in the search box: the communes it may mean, as links.
  await page.goto(home);
  await page.getByLabel("Votre besoin, avec vos mots").fill("impôts");
  await page.getByLabel("Votre commune ou code postal").fill("chateau tiery");
  await page.getByRole("button", { name: "Chercher" }).click();
  await expect(page.getByText("Vouliez-vous dire :")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Château-Thierry (02400)" }).click();
  await expect(page).toHaveURL(/\/recherche\?q=imp%C3%B4ts&commune=02168$/);
  await expect(page.getByText("Vouliez-vous dire :")).toHaveCount(0);
});

test("the offer page's buttons that need a script appear with one only: copy the address, print", async ({ browser, page }) => {
  const { offerId } = await ids();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`${home}/offres/${offerId}`);
  await page.getByRole("button", { name: "Copier l'adresse" }).click();
  await expect(page.getByText("Adresse copiée.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/offres/${offerId}$`));
  await expect(page.getByRole("button", { name: "Imprimer cette page" })).toBeVisible();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(`${test.info().project.use.baseURL}${home}/offres/${offerId}`);
  await expect(noScript.getByLabel("Adresse de la page (à copier)")).toHaveValue(new RegExp(`/offres/${offerId}$`));
  await expect(noScript.getByRole("button")).toHaveText(["Envoyer le signalement"]);
  await expectAccessibleWithoutScript(noScript, page);
  await context.close();
});

test("a report posted from another site is refused, and nothing is saved", async ({ request }) => {
  const { offerId } = await ids();
  const count = () => withDatabase(async (client) => (await client.query(`select 1 from "ErrorReportEntry"`)).rowCount);
  const before = await count();
  const response = await request.post(`${home}/offres/${offerId}`, {
    headers: { origin: "https://ailleurs.example" },
    form: { offerId, lang: "fr", subject: "phone", message: "Forgé ailleurs." },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await count()).toBe(before);
});

test("a person types the code printed on their fiche and finds it again; a wrong code says so and keeps what was typed", async ({ page }) => {
  await page.goto("/fiche");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Retrouver une fiche de transfert");
  await expectAccessible(page);
  await page.getByLabel("Le code de votre fiche").fill("TR-ZZZZ-99");
  await page.getByRole("button", { name: "Voir la fiche" }).click();
  await expect(page).toHaveURL(/\/fiche\/TR-ZZZZ-99$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fiche introuvable");
  await expect(page.getByLabel("Le code de votre fiche")).toHaveValue("TR-ZZZZ-99");
  await expectAccessible(page);

  // One of the demo's transfers, closed: its fiche says so.
  const code = await withDatabase(
    async (client) => (await client.query<{ code: string }>(`select code from "Transfer" where status = 'completed' order by "sentAt" desc limit 1`)).rows[0]!.code,
  );
  await page.getByLabel("Le code de votre fiche").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Voir la fiche" }).click();
  await expect(page.locator(".fiche-code")).toHaveText(code);
  await expect(page.getByText("Ce transfert est clos.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Où aller" })).toBeVisible();
});

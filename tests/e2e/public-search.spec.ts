import { DEMO_TERRITORY_NAME, DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";

// A resident on a phone.
const phone = { width: 390, height: 844 };
test.use({ viewport: phone });

const home = `/t/${DEMO_TERRITORY_SLUG}`;
const STATUS = /Ouvert maintenant|Fermé|Pas d'ouverture prévue/;

test("a resident searches 'refaire mon CV' near their commune, then filters drop-in and free", async ({ page }) => {
  await page.goto(home);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_TERRITORY_NAME);
  await expect(page.getByRole("heading", { name: "De quoi avez-vous besoin ?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Déclarer ses impôts en ligne" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Château-Thierry (02400)" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Votre besoin, avec vos mots").fill("refaire mon CV");
  await page.getByLabel("Votre commune ou code postal").fill("02400");
  await page.getByRole("button", { name: "Chercher" }).click();
  await expect(page).toHaveURL(/\/recherche\?q=refaire\+mon\+CV&commune=02400$/);
  await expect(page.getByText("Nous cherchons : Chercher un emploi, faire son CV")).toBeVisible();
  const results = page.getByRole("article");
  await expect(results.filter({ hasText: "Accompagnement numérique des moins de 26 ans" })).toBeVisible();
  await expect(results.filter({ hasText: "Accompagnement vers l'emploi et la formation des 16-25 ans" })).toContainText("Sur rendez-vous");
  for (const result of await results.all()) await expect(result).toContainText(STATUS);
  await expect(results.filter({ hasText: "Fabrication numérique" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("checkbox", { name: "Sans rendez-vous" }).check();
  await page.getByRole("checkbox", { name: "Gratuit seulement" }).check();
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/acces=sans-rendez-vous/);
  await expect(page).toHaveURL(/gratuit=1/);
  await expect(results.first()).toBeVisible();
  for (const result of await results.all()) {
    await expect(result).toContainText("Sans rendez-vous");
    await expect(result).toContainText("Gratuit");
  }
  await expect(results.filter({ hasText: "Accompagnement vers l'emploi et la formation des 16-25 ans" })).toHaveCount(0);
  // Each result leads to its offer page, in the same language.
  await expect(results.first().getByRole("link").first()).toHaveAttribute("href", new RegExp(`^/t/${DEMO_TERRITORY_SLUG}/offres/[0-9a-f-]{36}$`));
  await expectAccessible(page);

  // In English, the filters stay.
  await page.getByRole("navigation", { name: "Langue" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/lang=en/);
  await expect(page).toHaveURL(/acces=sans-rendez-vous/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Matching help");
  await expect(page.getByRole("checkbox", { name: "No appointment needed" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Free only" })).toBeChecked();
  await expect(page.getByLabel("Your need, in your own words")).toHaveValue("refaire mon CV");
  await expect(results.first()).toContainText(/Open now|Closed|No opening planned/);
  // Offer data stays in French, marked as such.
  await expect(results.first().locator("h3 a")).toHaveAttribute("lang", "fr");
  await expect(results.first().getByRole("link").first()).toHaveAttribute("href", /\?lang=en$/);
});

test("every filter lives in the URL, and a page beyond the last shows the last", async ({ page }) => {
  await page.goto(`${home}/recherche?besoin=impots&ouvert=aujourdhui&public=seniors&age=67&posture=faire-a-la-place&distance=10&commune=Château-Thierry`);
  await expect(page.getByLabel("Besoin", { exact: true })).toHaveValue("impots");
  await expect(page.getByRole("radio", { name: "Ouvert aujourd'hui" })).toBeChecked();
  await expect(page.getByLabel("Pour qui", { exact: true })).toHaveValue("seniors");
  await expect(page.getByLabel("Âge de la personne")).toHaveValue("67");
  await expect(page.getByLabel("Autour de la commune")).toHaveValue("10");
  await expect(page.getByRole("status")).toContainText(/aide|Aucune/);
  await expectAccessible(page);

  await page.goto(`${home}/recherche?page=400`);
  await expect(page.getByRole("article").first()).toBeVisible();
  const pages = page.getByRole("navigation", { name: "Pages de résultats" });
  if ((await pages.count()) > 0) {
    await expect(pages.getByRole("link", { name: "Page suivante" })).toHaveCount(0);
    await pages.getByRole("link", { name: "Page précédente" }).click();
    await expect(page).toHaveURL(/page=|recherche$/);
  }
});

test("without JavaScript, a resident searches, filters and switches language", async ({ browser, page }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
  const noScript = await context.newPage();
  await noScript.goto(home);
  await noScript.getByRole("link", { name: "Retrouver un mot de passe ou un compte" }).click();
  await expect(noScript).toHaveURL(/besoin=mot-de-passe/);
  await expect(noScript.getByRole("article").first()).toContainText(STATUS);
  await expectAccessibleWithoutScript(noScript, page);

  await noScript.getByRole("checkbox", { name: "Gratuit seulement" }).check();
  await noScript.getByRole("radio", { name: "Ouvert aujourd'hui" }).check();
  await noScript.getByRole("button", { name: "Filtrer" }).click();
  await expect(noScript).toHaveURL(/besoin=mot-de-passe/);
  await expect(noScript).toHaveURL(/gratuit=1/);
  await expect(noScript).toHaveURL(/ouvert=aujourdhui/);
  await expect(noScript.getByRole("radio", { name: "Ouvert aujourd'hui" })).toBeChecked();

  await noScript.getByRole("link", { name: "العربية" }).click();
  await expect(noScript.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(noScript.locator("html")).toHaveAttribute("lang", "ar");
  await expect(noScript.getByRole("heading", { level: 1 })).toHaveText("المساعدات المطابقة");
  await expect(noScript.getByRole("checkbox", { name: "المجاني فقط" })).toBeChecked();
  await expect(noScript).toHaveURL(/gratuit=1/);
  await expectAccessibleWithoutScript(noScript, page);
  await context.close();
});

test("no result: the page offers to remove each filter, and shows the needs", async ({ page }) => {
  await page.goto(`${home}/recherche?q=zzqxw&acces=sans-rendez-vous`);
  await expect(page.getByRole("heading", { name: "Aucune aide ne correspond à tous ces critères." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Chercher un emploi, faire son CV" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /^Enlever\s:\s“zzqxw”$/ }).click();
  await expect(page).toHaveURL(/\/recherche\?acces=sans-rendez-vous$/);
  await expect(page.getByRole("article").first()).toContainText("Sans rendez-vous");
});

test("hostile parameters give a normal page, with the text escaped and the filters explained", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  const response = await page.goto(
    `${home}/recherche?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&page=-5&distance=1e308&commune=%FF&age=${"9".repeat(40)}&acces=%27%20OR%201%3D1--&besoin=${"x".repeat(10_000)}`,
  );
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les aides qui correspondent");
  await expect(page.getByLabel("Votre besoin, avec vos mots")).toHaveValue("<script>alert(1)</script>");
  expect(await page.content()).not.toContain("<script>alert(1)</script>");
  await expect(page.getByRole("heading", { name: "Certains critères n'ont pas été pris en compte" })).toBeVisible();
  await expect(page.getByText("La valeur de « numéro de page » n'est pas possible : elle a été ignorée.")).toBeVisible();
  expect(dialogs).toBe(0);
});

test("an unknown territory answers a friendly not-found page, search included", async ({ page }) => {
  for (const path of ["/t/nulle-part", "/t/nulle-part/recherche?q=cv"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  }
});

test("a results list prints as a list to hand over: results and addresses, without filters or site header", async ({ page }) => {
  // A desktop width, where the screen layout puts the filters in a column beside the results.
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${home}/recherche?besoin=trouver-un-emploi`);
  const results = page.getByRole("article");
  await expect(results.first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("search")).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Langue" })).toBeHidden();
  await expect(results.first()).toBeVisible();
  // One column: the first result starts at the left margin, not beside an empty filter column.
  const result = await results.first().boundingBox();
  const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
  expect(Math.abs(result!.x - heading!.x)).toBeLessThan(2);
  // On screen, the same result sits beside the filters.
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("search")).toBeVisible();
  expect((await results.first().boundingBox())!.x).toBeGreaterThan(heading!.x + 200);
});

test("text zoomed to 200 % on a phone: the home, the results and a programme still fit the width", async ({ page }) => {
  const pages = [home, `${home}/recherche?besoin=trouver-un-emploi&commune=02400`, `${home}/recherche?q=zzzzzz`];
  await page.goto(`${home}/recherche?besoin=trouver-un-emploi`);
  await page.getByRole("article").first().getByRole("link").first().click();
  await page.getByRole("link", { name: /^Programme de la semaine/ }).first().click();
  pages.push(new URL(page.url()).pathname);
  for (const path of pages) {
    await page.goto(path);
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(phone.width);
  }
});

test("the results page is plain HTML: the site's stylesheet, the same as the other pages', and no script", async ({ page, request }) => {
  const response = await request.get(`${home}/recherche?besoin=trouver-un-emploi`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/html");
  const body = await response.text();
  expect(body).not.toMatch(/<script/i);
  const stylesheets = [...body.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((match) => match[1]!);
  expect(stylesheets.length).toBeGreaterThan(0);
  for (const href of stylesheets) {
    const stylesheet = await request.get(href);
    expect(stylesheet.status(), href).toBe(200);
    expect(stylesheet.headers()["content-type"], href).toContain("text/css");
  }
  // The territory home (a React page) links the same files: one download for both.
  await page.goto(home);
  const homeStylesheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
  expect(homeStylesheets).toEqual(stylesheets);
});

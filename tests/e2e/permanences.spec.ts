/**
 * Issue 17, point 4 — "Done when": Lucas Petit opens the next occurrence of his permanence at the
 * Centre social's Maison de quartier des Tilleuls, checks the printed sheet, adds five sign-ups
 * (two walk-ins); Nadia Haddad (the host) sees the same sheet; categories and outcomes are
 * recorded (on the last past occurrence: outcomes are noted from the day of the permanence); one
 * line becomes a transfer and then shows its code. A part without JavaScript adds a line and
 * records an outcome.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { signInFast } from "./auth";
import { withDatabase } from "./outbox";

test.describe.configure({ timeout: 180_000 });

const LUCAS = "informaticien@lien-numerique.exemple.org";
const NADIA = "accueil@tilleuls.exemple.org";
const PERMANENCE = "Permanence de l'informaticien public";
const PLACE = "Maison de quartier des Tilleuls";
const TARGET_OFFER = "Aide aux démarches administratives en ligne";

const ids = () =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ holder: string; host: string }>(
      `select o."structureId" as holder, p."structureId" as host from "Offer" o, "Place" p where o.title = $1 and p.name = $2`,
      [PERMANENCE, PLACE],
    );
    return rows[0]!;
  });

/** This spec's sheets start empty on every run, and leave nothing for other specs. */
const clearSheets = () =>
  withDatabase(async (client) => {
    await client.query(`delete from "PermanenceSheet" where "offerId" in (select id from "Offer" where title = $1)`, [PERMANENCE]);
  });
test.beforeAll(clearSheets);
test.afterAll(clearSheets);

const occurrence = (page: Page, region: string) => page.getByRole("region", { name: region }).getByRole("listitem").filter({ hasText: PLACE }).first();

async function openOccurrence(page: Page, structureId: string, region: string) {
  await page.goto(`/structures/${structureId}/permanences`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Permanences");
  const item = occurrence(page, region);
  const title = (await item.locator("p").first().textContent())!;
  await item.getByRole("button", { name: "Ouvrir la feuille" }).or(item.getByRole("link", { name: /^Ouvrir la feuille/ })).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feuille de permanence");
  await expect(page.getByText(title, { exact: true })).toBeVisible();
  return title;
}

async function addLine(page: Page, name: string, options: { slice?: number; walkIn?: boolean; request?: string }) {
  await page.getByLabel("Prénom ou surnom", { exact: true }).fill(name);
  if (options.slice !== undefined) await page.getByLabel("Heure", { exact: true }).selectOption({ index: options.slice });
  if (options.request) await page.getByLabel("Quelques mots sur la demande").fill(options.request);
  if (options.walkIn) await page.getByLabel("Sans inscription (venu·e sur place)").check();
  await page.getByRole("button", { name: "Inscrire" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} est inscrit·e sur la feuille.` })).toBeVisible();
}

const lineOf = (page: Page, name: string) => page.getByRole("listitem").filter({ has: page.getByText(name, { exact: true }) });

async function newPage(browser: Browser, email: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signInFast(page, email);
  return page;
}

test("the permanence's sheet: printed, five sign-ups, the host sees it, a line becomes a transfer, outcomes recorded", async ({ page, browser }) => {
  const { holder, host } = await ids();
  await signInFast(page, LUCAS);
  await page.goto(`/structures/${holder}`);
  await page.getByRole("link", { name: "Permanences", exact: true }).click();
  await expect(occurrence(page, "Les quatre prochaines semaines")).toContainText(/Tenue par vous, accueillie par Centre social des Tilleuls/);
  await expectAccessible(page);
  const title = await openOccurrence(page, holder, "Les quatre prochaines semaines");
  const sheetUrl = page.url();
  await expectAccessible(page);

  // The printed sheet: the three columns of seed 003, the slices, at least 12 rows.
  await page.getByRole("link", { name: "Version imprimable" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Feuille d'inscription — ${PERMANENCE}`);
  await expect(page.getByRole("columnheader")).toHaveText(["Prénom ou surnom", "Heure", "Quelques mots sur la demande"]);
  expect(await page.locator("tbody tr").count()).toBeGreaterThanOrEqual(12);
  await expect(page.locator("tbody tr").first()).toContainText("14 h");
  await expect(page.getByText(/Confidentialité/)).toBeVisible();
  await expectAccessible(page);

  await page.goto(sheetUrl);
  await addLine(page, "Mireille", { slice: 1, request: "Mot de passe Ameli oublié" });
  await addLine(page, "Jo", { slice: 2, request: "Installer WhatsApp" });
  await addLine(page, "Farid", { slice: 2 });
  await addLine(page, "Anna", { walkIn: true, request: "Imprimer une attestation" });
  await addLine(page, "Bob", { walkIn: true });
  await expect(page.getByRole("heading", { name: "Inscrits (5)" })).toBeVisible();
  await expect(lineOf(page, "Mireille")).toContainText("14 h");
  await expect(lineOf(page, "Anna")).toContainText("sans inscription");
  // A time outside the permanence is refused next to its field, and nothing is added.
  await page.getByLabel("Prénom ou surnom", { exact: true }).fill("Tard");
  await page.getByLabel("Autre heure (facultatif)").fill("18:30");
  await page.getByRole("button", { name: "Inscrire" }).click();
  await expect(page.getByLabel("Autre heure (facultatif)")).toHaveAccessibleDescription(/Choisissez une heure pendant la permanence/);
  await expect(page.getByRole("heading", { name: "Inscrits (5)" })).toBeVisible();

  // The printed sheet now shows the names in their slices.
  await page.goto(`${sheetUrl}/imprimer`);
  await expect(page.locator("tbody")).toContainText("Mireille");
  await expect(page.locator("tbody")).toContainText("Bob");

  // The host sees the same sheet.
  const nadia = await newPage(browser, NADIA);
  await nadia.goto(`/structures/${host}/permanences`);
  const hosted = occurrence(nadia, "Les quatre prochaines semaines");
  await expect(hosted).toContainText(title);
  await expect(hosted).toContainText("5 lignes sur la feuille");
  await hosted.getByRole("link", { name: /^Ouvrir la feuille/ }).click();
  await nadia.waitForURL(sheetUrl);
  for (const name of ["Mireille", "Jo", "Farid", "Anna", "Bob"]) await expect(lineOf(nadia, name)).toBeVisible();
  await expectAccessible(nadia);
  await nadia.context().close();

  // Orienting Mireille: a transfer prefilled from her line, then the line shows its code.
  await page.goto(sheetUrl);
  await page.getByRole("link", { name: "Créer un transfert pour Mireille" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Orienter Mireille");
  await expectAccessible(page);
  const value = await page.locator("#offre option", { hasText: TARGET_OFFER }).first().getAttribute("value");
  await page.getByLabel("Vers quelle offre ?").selectOption(value!);
  await page.getByRole("button", { name: "Créer un transfert" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Orienter une personne");
  await expect(page.getByLabel("Prénom ou surnom (facultatif)")).toHaveValue("Mireille");
  await expect(page.getByLabel("Nature de la demande")).toHaveValue("Mot de passe Ameli oublié");
  await expect(page.getByLabel("Au nom de quelle structure ?")).toHaveValue(holder);
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await page.waitForURL(/\/transferts\/[0-9a-f-]{36}$/);
  const code = await withDatabase(
    async (client) => (await client.query<{ code: string }>(`select code from "Transfer" where id = $1`, [new URL(page.url()).pathname.split("/")[2]])).rows[0]!.code,
  );
  await page.goto(sheetUrl);
  await expect(lineOf(page, "Mireille").getByRole("link", { name: code })).toBeVisible();
  await expect(page.getByRole("link", { name: "Créer un transfert pour Mireille" })).toHaveCount(0);

  // Outcomes, on the last past occurrence (a walk-in noted afterwards from the paper sheet).
  await openOccurrence(page, holder, "Les deux dernières semaines");
  await addLine(page, "Karl", { walkIn: true, request: "Trouver un logement social" });
  const karl = page.getByRole("form", { name: "Suite donnée pour Karl" });
  await karl.getByLabel("Catégorie de la demande").selectOption({ label: "Recherche de logement" });
  await karl.getByLabel("Ce qui s'est passé").selectOption({ label: "Orienté ailleurs" });
  await karl.getByLabel("Précisions (orienté vers…)").fill("CCAS");
  await karl.getByRole("button", { name: "Enregistrer la suite" }).click();
  await expect(karl.getByText("Suite enregistrée.")).toBeVisible();
  await expect(lineOf(page, "Karl")).toContainText("Recherche de logement · Orienté ailleurs : CCAS");
  await expectAccessible(page);
});

test("without JavaScript: a line is added and its outcome recorded", async ({ browser }) => {
  const { holder } = await ids();
  const page = await newPage(browser, LUCAS, false);
  const checker = await (await browser.newContext()).newPage();
  await openOccurrence(page, holder, "Les deux dernières semaines");
  await expectAccessibleWithoutScript(page, checker);
  await page.getByLabel("Prénom ou surnom", { exact: true }).fill("Lina");
  await page.getByLabel("Sans inscription (venu·e sur place)").check();
  await page.getByRole("button", { name: "Inscrire" }).click();
  await expect(page.getByText("Lina est inscrit·e sur la feuille.")).toBeVisible();
  await expect(lineOf(page, "Lina")).toBeVisible();
  const lina = page.getByRole("form", { name: "Suite donnée pour Lina" });
  await lina.getByLabel("Catégorie de la demande").selectOption({ label: "Opérations bancaires en ligne" });
  await lina.getByLabel("Ce qui s'est passé").selectOption({ label: "Résolu" });
  await lina.getByRole("button", { name: "Enregistrer la suite" }).click();
  await expect(lineOf(page, "Lina")).toContainText("Opérations bancaires en ligne · Résolu");
  await expectAccessibleWithoutScript(page, checker);
  await page.context().close();
  await checker.context().close();
});

test("the territory's lists: the coordinator adds a request category, is refused a duplicate, archives and restores it", async ({ page }) => {
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto("/territoires/val-de-lise");
  await page.getByRole("link", { name: "Listes du territoire" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Listes du territoire");
  const label = `Aide aux courses en ligne ${Date.now()}`;
  const add = page.locator("#ajouter-request_category");
  await add.fill("Recherche de logement");
  await page.getByRole("button", { name: "Ajouter" }).first().click();
  await expect(add).toHaveAccessibleDescription(/Ce libellé existe déjà/);
  await add.fill(label);
  await page.getByRole("button", { name: "Ajouter" }).first().click();
  await expect(page.getByText(`« ${label} » ajouté.`)).toBeVisible();
  await page.getByRole("button", { name: `Archiver « ${label} »` }).click();
  await expect(page.getByRole("button", { name: `Restaurer « ${label} »` })).toBeVisible();
  await page.getByRole("button", { name: `Restaurer « ${label} »` }).click();
  await expect(page.getByRole("button", { name: `Archiver « ${label} »` })).toBeVisible();
  await expectAccessible(page);
  await withDatabase((client) => client.query(`delete from "TerritoryListItem" where label = $1`, [label]));
});

test("a 60-line sheet prints every line and stays readable on a phone and on A4", async ({ page }) => {
  const { holder } = await ids();
  await signInFast(page, LUCAS);
  await openOccurrence(page, holder, "Les quatre prochaines semaines");
  const sheetId = new URL(page.url()).pathname.split("/")[2]!;
  await withDatabase(async (client) => {
    const { rows } = await client.query<{ startMinute: number }>(`select "startMinute" from "PermanenceSheet" where id = $1`, [sheetId]);
    for (let index = 0; index < 60; index++) {
      await client.query(
        `insert into "PermanenceSheetLine" (id, "sheetId", "personLabel", "timeMinute", request, "walkIn", "updatedAt") values (gen_random_uuid(), $1, $2, $3, $4, $5, now())`,
        [sheetId, `Personne${index}`, index % 4 === 0 ? null : rows[0]!.startMinute + (index % 9) * 20, "Une demande assez longue pour voir si elle tient dans sa colonne sur le papier", index % 4 === 0],
      );
    }
  });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/feuilles/${sheetId}/imprimer`);
  for (const index of [0, 17, 42, 59]) await expect(page.getByRole("cell", { name: `Personne${index}`, exact: true })).toBeVisible();
  expect(await page.locator("tbody tr").count()).toBeGreaterThanOrEqual(64);
  // On a phone, the page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(page);
  // On paper (A4 portrait, about 180 mm of text width): no site header, the table within the page's width, no row cut.
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 680, height: 1000 });
  await expect(page.getByRole("banner")).toBeHidden();
  const table = await page.locator(".permanence-sheet table").boundingBox();
  expect(table!.width).toBeLessThanOrEqual(680);
  expect(await page.locator(".permanence-sheet-row").first().evaluate((row) => getComputedStyle(row).breakInside)).toBe("avoid");
});

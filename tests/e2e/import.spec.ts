import { writeFile } from "node:fs/promises";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { HINAURA_V0_JSON, LMN_EXAMPLE_CSV } from "../support/fixtures";
import { signInFast } from "./auth";
import { withDatabase } from "./outbox";

const HINAURA = HINAURA_V0_JSON;
const EXAMPLE = LMN_EXAMPLE_CSV;
const SLUG = "import-hinaura";
const COORDINATOR = "coordination@import-hinaura.exemple.fr";

test.beforeAll(async () => {
  // A territory of its own, so that 687 places do not change what other tests see.
  await withDatabase(async (client) => {
    await client.query(
      `insert into "Territory" (id, slug, name, country, "updatedAt") values (gen_random_uuid(), $1, 'Réseau Hinaura (essai)', 'FR', now()) on conflict (slug) do nothing`,
      [SLUG],
    );
    await client.query(`insert into "User" (id, email, "updatedAt") values (gen_random_uuid(), $1, now()) on conflict (email) do nothing`, [COORDINATOR]);
    await client.query(
      `insert into "TerritoryCoordinator" ("userId", "territoryId") select u.id, t.id from "User" u, "Territory" t where u.email = $1 and t.slug = $2 on conflict do nothing`,
      [COORDINATOR, SLUG],
    );
  });
});

test.afterAll(async () => {
  // Hundreds of structures would weigh on other tests' pages that list every structure (/structures).
  await withDatabase(async (client) => {
    await client.query(`delete from "Structure" where "territoryId" = (select id from "Territory" where slug = $1)`, [SLUG]);
    await client.query(`delete from "Territory" where slug = $1`, [SLUG]);
  });
});

test("a coordinator imports the Hinaura file: preview with its report, confirmation, summary", async ({ page }) => {
  test.setTimeout(240_000);
  await signInFast(page, COORDINATOR);
  await page.goto(`/territoires/${SLUG}`);
  await page.getByRole("link", { name: "Importer des données" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importer des données");
  await expectAccessible(page);

  await page.getByLabel("Fichier (CSV, JSON ou XLSX, 20 Mo au plus)").setInputFiles(HINAURA);
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByRole("heading", { name: "Aperçu de « lieux-mediation-numerique-hinaura-v0.json »" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Format : Lieux de médiation numérique, JSON v0.")).toBeVisible();
  await expect(page.getByText(/^\d{3} à créer \(\d+ nouvelles structures\)$/)).toBeVisible();
  const skipped = page.getByRole("table", { name: "Ignorées" });
  await expect(skipped.getByRole("row").filter({ hasText: "Doublon de la ligne" }).first()).toBeVisible();
  // The row-level report: the two hour strings Toile cannot read, by row and column.
  const report = page.getByRole("table", { name: "Remarques ligne par ligne" });
  await expect(report.getByRole("row").filter({ hasText: "Fr 19:00-11:00" })).toHaveCount(2);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Confirmer l'import" }).click();
  await expect(page.getByRole("heading", { name: "Import terminé" })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole("status")).toContainText(/\d{3} lieux créés \(\d+ nouvelles structures\), 0 mis à jour, 0 inchangé, \d+ lignes ignorées\./);
  const places = await withDatabase(async (client) =>
    Number((await client.query(`select count(*) from "Place" p join "Structure" s on s.id = p."structureId" join "Territory" t on t.id = s."territoryId" where t.slug = $1`, [SLUG])).rows[0].count),
  );
  expect(places).toBeGreaterThan(600);

  // The same file again: nothing to import.
  await page.getByLabel("Fichier (CSV, JSON ou XLSX, 20 Mo au plus)").setInputFiles(HINAURA);
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByText("Rien à importer : aucune ligne à créer ni à mettre à jour.")).toBeVisible({ timeout: 60_000 });
});

test("a file that is not CSV, JSON or XLSX is refused with a clear message", async ({ page }) => {
  await signInFast(page, COORDINATOR);
  await page.goto(`/territoires/${SLUG}/import`);
  await page.getByLabel("Fichier (CSV, JSON ou XLSX, 20 Mo au plus)").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\u0000binaire") });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByRole("table", { name: "Remarques ligne par ligne" })).toContainText("Ce fichier n'est ni un CSV, ni un JSON, ni un XLSX");
  await expect(page.getByRole("button", { name: "Confirmer l'import" })).toHaveCount(0);
});

test("without JavaScript, the standard's example is previewed and imported", async ({ browser, page: checker }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInFast(page, COORDINATOR);
  await page.goto(`/territoires/${SLUG}/import`);
  await page.getByLabel("Fichier (CSV, JSON ou XLSX, 20 Mo au plus)").setInputFiles(EXAMPLE);
  await page.getByLabel("Format").selectOption({ label: "Lieux de médiation numérique (v1 ou v0.1, CSV ou JSON)" });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByRole("heading", { name: "Aperçu de « exemple-valide-v1.0.1.csv »" })).toBeVisible();
  await expect(page.getByRole("table", { name: "À créer" })).toContainText("Anonymal");
  await expectAccessibleWithoutScript(page, checker);
  await page.getByRole("button", { name: "Confirmer l'import" }).click();
  await expect(page.getByRole("status")).toHaveText("1 lieu créé (1 nouvelle structure), 0 mis à jour, 0 inchangé, 0 ligne ignorée.");
  await context.close();
});

test("a 50 MB file is refused with the reason: next to the field with JavaScript, on the page without", async ({ browser, page }, testInfo) => {
  // Playwright takes files this big from disk only.
  const tooBig = testInfo.outputPath("tout-le-pays.csv");
  await writeFile(tooBig, Buffer.alloc(50 * 1024 * 1024, "a"));
  await signInFast(page, COORDINATOR);
  await page.goto(`/territoires/${SLUG}/import`);
  const field = page.getByLabel("Fichier (CSV, JSON ou XLSX, 20 Mo au plus)");
  await field.setInputFiles(tooBig);
  await expect(page.getByText("Fichier trop volumineux : 20 Mo au plus.")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  let posted = false;
  page.on("request", (request) => {
    if (request.method() === "POST") posted = true;
  });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page).toHaveURL(new RegExp(`/territoires/${SLUG}/import$`));
  expect(posted).toBe(false);
  await expectAccessible(page);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await signInFast(noScript, COORDINATOR);
  await noScript.goto(`/territoires/${SLUG}/import`);
  await noScript.getByLabel("Fichier (CSV, JSON ou XLSX, 20 Mo au plus)").setInputFiles(tooBig);
  await noScript.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(noScript).toHaveURL(/\?erreur=volumineux$/);
  await expect(noScript.getByText("Fichier trop volumineux : 20 Mo au plus. Découpez-le, par exemple par département.")).toBeVisible();
  await context.close();
});

test("a structure member, or another territory's coordinator, gets 404", async ({ page }) => {
  await signInFast(page, "accueil@franceservices.exemple.fr");
  expect((await page.goto(`/territoires/${SLUG}/import`))?.status()).toBe(404);
  expect((await page.goto("/territoires/val-de-lise/import"))?.status()).toBe(404);
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  expect((await page.goto(`/territoires/${SLUG}/import`))?.status()).toBe(404);
});

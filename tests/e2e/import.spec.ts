import { writeFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
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

test("a coordinator imports the Hinaura file: upload, the job previewed, confirmation, summary, abandon", async ({ page }) => {
  test.setTimeout(240_000);
  await signInFast(page, COORDINATOR);
  await page.goto(`/territoires/${SLUG}`);
  await page.getByRole("link", { name: "Importer des données" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importer des données");
  await expectAccessible(page);

  await page.getByLabel("Fichier (CSV, JSON ou XLSX, 20 Mo au plus)").setInputFiles(HINAURA);
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  // The upload returns with the job's page; the worker reads the file meanwhile and the page refreshes itself.
  await expect(page).toHaveURL(new RegExp(`/territoires/${SLUG}/import\\?import=[0-9a-f-]{36}$`), { timeout: 30_000 });
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
  await expectAccessible(page);
  const { places, bytes } = await withDatabase(async (client) => ({
    places: Number((await client.query(`select count(*) from "Place" p join "Structure" s on s.id = p."structureId" join "Territory" t on t.id = s."territoryId" where t.slug = $1`, [SLUG])).rows[0].count),
    // Done: the job keeps its counts, not the file.
    bytes: (await client.query(`select content from "ImportJob" j join "Territory" t on t.id = j."territoryId" where t.slug = $1 and j.status = 'done'`, [SLUG])).rows.map((row) => row.content),
  }));
  expect(places).toBeGreaterThan(600);
  expect(bytes).toEqual([null]);

  // The same file again: nothing to import; the person abandons it.
  await page.getByLabel("Fichier (CSV, JSON ou XLSX, 20 Mo au plus)").setInputFiles(HINAURA);
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByText("Rien à importer : aucune ligne à créer ni à mettre à jour.")).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Abandonner", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Import abandonné : le fichier a été effacé, rien n'a été enregistré.");
  await expectAccessible(page);
});

test("a running job's page says where it is in plain words, refreshes itself, and can be abandoned", async ({ page }) => {
  // A job a worker holds (its lease runs for an hour), halfway through reading: as the page shows it at that moment.
  const jobId = await withDatabase(async (client) =>
    (
      await client.query(
        `insert into "ImportJob" (id, "territoryId", "actorId", "fileName", format, content, status, phase, "progressDone", "progressTotal", "claimToken", "leaseUntil", attempts, "updatedAt", "expiresAt")
         select gen_random_uuid(), t.id, u.id, 'lieux.json', 'auto', '\\x5b5d', 'analysing', 'reading', 350, 687, gen_random_uuid(), now() + interval '1 hour', 1, now(), now() + interval '2 hours'
         from "Territory" t, "User" u where t.slug = $1 and u.email = $2 returning id`,
        [SLUG, COORDINATOR],
      )
    ).rows[0].id as string,
  );
  await signInFast(page, COORDINATOR);
  await page.goto(`/territoires/${SLUG}/import?import=${jobId}`);
  await expect(page.getByRole("heading", { name: "Analyse de « lieux.json »" })).toBeVisible();
  const status = page.getByRole("status");
  await expect(status).toHaveText("Lecture du fichier : 350 lignes sur 687");
  await expect(page.getByRole("progressbar", { name: "Avancement" })).toHaveAttribute("value", "51");
  await expect(page.getByRole("link", { name: "Actualiser" })).toHaveAttribute("href", `/territoires/${SLUG}/import?import=${jobId}`);
  await expectAccessible(page);

  // The worker moves on: the page follows by itself, in place (no reload: the same document).
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await withDatabase((client) => client.query(`update "ImportJob" set "progressDone" = 500 where id = $1`, [jobId]));
  await expect(status).toHaveText("Lecture du fichier : 500 lignes sur 687", { timeout: 10_000 });
  await withDatabase((client) => client.query(`update "ImportJob" set phase = 'matching', "progressDone" = 687 where id = $1`, [jobId]));
  await expect(status).toHaveText("Comparaison avec les données du territoire (687 lignes)…", { timeout: 10_000 });
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Abandonner l'analyse" }).click();
  await expect(page.getByRole("status")).toHaveText("Import abandonné : le fichier a été effacé, rien n'a été enregistré.");
  expect(await withDatabase(async (client) => (await client.query(`select id from "ImportJob" where id = $1`, [jobId])).rowCount)).toBe(0);
  // The abandoned job's address now says it is gone.
  await page.goto(`/territoires/${SLUG}/import?import=${jobId}`);
  await expect(page.getByText("Cet import n'existe plus")).toHaveAttribute("role", "alert");
});

test("a file that is not CSV, JSON or XLSX is refused with a clear message", async ({ page }) => {
  await signInFast(page, COORDINATOR);
  await page.goto(`/territoires/${SLUG}/import`);
  await page.getByLabel("Fichier (CSV, JSON ou XLSX, 20 Mo au plus)").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\u0000binaire") });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByRole("table", { name: "Remarques ligne par ligne" })).toContainText("Ce fichier n'est ni un CSV, ni un JSON, ni un XLSX", { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Confirmer l'import" })).toHaveCount(0);
});

/** Without JavaScript, a person follows a running job with the page's "Actualiser" link. */
async function refreshUntilVisible(page: Page, target: Locator) {
  await expect(async () => {
    if (!(await target.isVisible())) {
      await expect(page.getByRole("status")).toBeVisible({ timeout: 1_000 });
      await page.getByRole("link", { name: "Actualiser" }).click();
    }
    await expect(target).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
}

test("without JavaScript, the standard's example goes through the whole flow, with the « Actualiser » link", async ({ browser, page: checker }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInFast(page, COORDINATOR);
  await page.goto(`/territoires/${SLUG}/import`);
  await page.getByLabel("Fichier (CSV, JSON ou XLSX, 20 Mo au plus)").setInputFiles(EXAMPLE);
  await page.getByLabel("Format").selectOption({ label: "Lieux de médiation numérique (v1 ou v0.1, CSV ou JSON)" });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  const preview = page.getByRole("heading", { name: "Aperçu de « exemple-valide-v1.0.1.csv »" });
  await refreshUntilVisible(page, preview);
  await expect(page.getByRole("table", { name: "À créer" })).toContainText("Anonymal");
  await expectAccessibleWithoutScript(page, checker);
  await page.getByRole("button", { name: "Confirmer l'import" }).click();
  await refreshUntilVisible(page, page.getByRole("heading", { name: "Import terminé" }));
  await expect(page.getByRole("status")).toHaveText("1 lieu créé (1 nouvelle structure), 0 mis à jour, 0 inchangé, 0 ligne ignorée.");
  await expectAccessibleWithoutScript(page, checker);
  await context.close();
});

test("without JavaScript, a template row naming an ambiguous commune is asked in the preview, and the commune picked is imported", async ({ browser, page: checker }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInFast(page, COORDINATOR);
  await page.goto(`/territoires/${SLUG}/import`);
  const template = "\uFEFFQui;Quoi;Besoins;Où;Transferts\r\nMédiathèque de Valence;Ateliers;Maîtrise des outils numériques du quotidien;1 place de la Liberté, Valence;non\r\n";
  await page.getByLabel("Fichier (CSV, JSON ou XLSX, 20 Mo au plus)").setInputFiles({ name: "modele-valence.csv", mimeType: "text/csv", buffer: Buffer.from(template) });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await refreshUntilVisible(page, page.getByRole("heading", { name: "Communes à préciser" }));
  await expect(page.getByText("0 à créer (0 nouvelle structure)")).toBeVisible();
  await expectAccessibleWithoutScript(page, checker);
  await page.getByLabel("Ligne 2 : « 1 place de la Liberté, Valence »").selectOption({ label: "Valence (26000, Drôme (26))" });
  await page.getByRole("button", { name: "Relire le fichier avec ces communes" }).click();
  await refreshUntilVisible(page, page.getByText("1 à créer (1 nouvelle structure)"));
  await expect(page.getByRole("heading", { name: "Communes à préciser" })).toHaveCount(0);
  await page.getByRole("button", { name: "Confirmer l'import" }).click();
  await refreshUntilVisible(page, page.getByRole("heading", { name: "Import terminé" }));
  const communes = await withDatabase(async (client) =>
    (await client.query(`select p."communeCode" from "Place" p join "Structure" s on s.id = p."structureId" where s.name = 'Médiathèque de Valence'`)).rows.map((row) => row.communeCode),
  );
  expect(communes).toEqual(["26362"]);
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

/**
 * "Rejoindre une structure": someone who just created an account looks for the structure they work
 * for — a search by name, commune or postal code, in pages, that works without JavaScript.
 */
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { signInFast } from "./auth";
import { withDatabase } from "./outbox";

const OTHER_TERRITORY = "e2e-rejoindre";

/** A second territory with 25 published associations (two pages) and a draft nobody outside may see. */
test.beforeAll(async () => {
  await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `insert into "Territory" (id, slug, name, country, "updatedAt") values (gen_random_uuid(), $1, 'Pays de la Pagination', 'FR', now())
       on conflict (slug) do update set slug = excluded.slug returning id`,
      [OTHER_TERRITORY],
    );
    const territoryId = rows[0]!.id;
    const { rowCount } = await client.query(`select 1 from "Structure" where "territoryId" = $1`, [territoryId]);
    if (rowCount) return;
    for (let index = 1; index <= 25; index++) {
      await client.query(
        `insert into "Structure" (id, "territoryId", name, status, "updatedAt") values (gen_random_uuid(), $1, $2, 'published', now())`,
        [territoryId, `Association Pagination ${String(index).padStart(2, "0")}`],
      );
    }
    await client.query(
      `insert into "Structure" (id, "territoryId", name, status, "updatedAt") values (gen_random_uuid(), $1, 'Association Pagination brouillon', 'draft', now())`,
      [territoryId],
    );
  });
});

test("a new account searches every territory once it types something, by commune, postal code or name", async ({ page }) => {
  await signInFast(page, "cherche.sa.structure@exemple.fr");
  await page.goto("/structures");
  await expect(page.getByText("Tapez le nom de votre structure, sa commune ou son code postal")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Demander à rejoindre" })).toHaveCount(0);
  await expectAccessible(page);

  // Without accents, case or hyphens.
  await page.getByLabel("Nom, commune ou code postal").fill("ESSOMES sur marne");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/\/structures\?q=ESSOMES\+sur\+marne&territoire=$/);
  const results = page.getByRole("region", { name: /structures? dans tous les territoires/ });
  await expect(results.getByRole("heading", { level: 3 })).toHaveText(["Centre social des Tilleuls", "Espace public numérique d'Essômes-sur-Marne"]);
  await expect(results.getByRole("listitem").first()).toContainText("Communauté de communes du Val de Lise — Essômes-sur-Marne (02400)");

  await page.getByLabel("Nom, commune ou code postal").fill("02310");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(results.getByRole("heading", { level: 3 })).toHaveText(["Repair café du Val de Lise"]);

  await page.getByLabel("Nom, commune ou code postal").fill("mediatheque");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(results.getByRole("heading", { level: 3 })).toHaveText(["Médiathèque Jean-de-La-Fontaine"]);

  // Another territory's draft is not found; its published structures are.
  await page.getByLabel("Nom, commune ou code postal").fill("brouillon");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("Aucune structure trouvée");
  await expect(page.getByText("Rien ne correspond à « brouillon » dans tous les territoires.")).toBeVisible();
  await expectAccessible(page);
});

test("the results come in pages that keep the search, and a request to join is sent from page 2", async ({ page }) => {
  await signInFast(page, "pagination.e2e@exemple.fr");
  await page.goto("/structures");
  await page.getByLabel("Nom, commune ou code postal").fill("association pagination");
  await page.getByLabel("Territoire", { exact: true }).selectOption({ label: "Pays de la Pagination" });
  await page.getByRole("button", { name: "Rechercher" }).click();

  const pages = page.getByRole("navigation", { name: "Pages de résultats" });
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("25 structures dans le territoire Pays de la Pagination");
  await expect(pages).toContainText("Page 1 sur 2");
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(20);
  await expect(pages.getByRole("link", { name: /précédente/ })).toHaveCount(0);
  await expectAccessible(page);

  await pages.getByRole("link", { name: /Page suivante/ }).click();
  await expect(page).toHaveURL(/q=association\+pagination&territoire=e2e-rejoindre&page=2$/);
  await expect(pages).toContainText("Page 2 sur 2");
  await expect(page.getByRole("heading", { level: 3 })).toHaveText([21, 22, 23, 24, 25].map((number) => `Association Pagination ${number}`));
  await expect(page.getByLabel("Nom, commune ou code postal")).toHaveValue("association pagination");
  await expect(page.getByLabel("Territoire", { exact: true })).toHaveValue(OTHER_TERRITORY);

  const wanted = page.getByRole("listitem").filter({ hasText: "Association Pagination 23" });
  await wanted.getByText("Demander à rejoindre").click();
  await wanted.getByLabel("Quelques mots pour vous présenter (facultatif)").fill("Je suis bénévole le mardi.");
  await wanted.getByRole("button", { name: /Envoyer ma demande/ }).click();
  await expect(wanted).toContainText("Demande envoyée, en attente de réponse.");
  await expect(pages).toContainText("Page 2 sur 2");
  await expectAccessible(page);

  await pages.getByRole("link", { name: /Page précédente/ }).click();
  await expect(pages).toContainText("Page 1 sur 2");
});

test("a member finds their own territory's structures without typing, and where they stand with them", async ({ page }) => {
  await signInFast(page, "direction@franceservices.exemple.fr");
  await page.goto("/structures");
  await expect(page.getByLabel("Territoire", { exact: true })).toHaveValue("");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(/structures dans votre territoire \(Communauté de communes du Val de Lise\)$/);
  await expect(page.getByRole("listitem").filter({ hasText: "Espace France Services du Val de Lise" })).toContainText("Vous en faites partie.");
  await expect(page.getByText("Association Pagination 01")).toHaveCount(0);
  await expectAccessible(page);
});

test("without JavaScript: search, next page and a request to join", async ({ browser, page: checker }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInFast(page, "sans.javascript.rejoindre@exemple.fr");
  await page.goto("/structures");
  await page.getByLabel("Nom, commune ou code postal").fill("Association Pagination");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/q=Association\+Pagination/);
  await expect(page.getByRole("navigation", { name: "Pages de résultats" })).toContainText("Page 1 sur 2");
  await expectAccessibleWithoutScript(page, checker);

  await page.getByRole("link", { name: /Page suivante/ }).click();
  await expect(page.getByRole("navigation", { name: "Pages de résultats" })).toContainText("Page 2 sur 2");
  const wanted = page.getByRole("listitem").filter({ hasText: "Association Pagination 24" });
  await wanted.getByText("Demander à rejoindre").click();
  await wanted.getByRole("button", { name: /Envoyer ma demande/ }).click();
  // The page comes back on the same page of results, the structure now waiting for its answer.
  await expect(wanted).toContainText("Demande envoyée, en attente de réponse.");
  await expect(page.getByRole("navigation", { name: "Pages de résultats" })).toContainText("Page 2 sur 2");
  const requests = await withDatabase(async (client) =>
    (
      await client.query(
        `select 1 from "JoinRequest" r join "User" u on u.id = r."userId" join "Structure" s on s.id = r."structureId"
         where u.email = 'sans.javascript.rejoindre@exemple.fr' and s.name = 'Association Pagination 24' and r.status = 'pending'`,
      )
    ).rowCount,
  );
  expect(requests).toBe(1);
  await expectAccessibleWithoutScript(page, checker);
  await context.close();
});

import { DEMO_TERRITORY_NAME, DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { expect, expectAccessible, test } from "./fixtures";

test("a resident finds the demo territory's offers from the home page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Qui fait quoi, près de chez vous ?");
  await expectAccessible(page);

  await page.getByRole("link", { name: DEMO_TERRITORY_NAME }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${DEMO_TERRITORY_SLUG}$`));
  await expectAccessible(page);

  // The territory home leads to every offer of the matrix of seed 001, with where and when.
  await page.getByRole("link", { name: "Voir toutes les aides du territoire" }).click();
  const franceServices = page.getByRole("article").filter({ hasText: "Espace France Services" }).first();
  await expect(franceServices).toBeVisible();
  await expect(franceServices).toContainText("3 avenue de la Gare");
  await expect(franceServices).toContainText(/Ouvert maintenant|Fermé/);
  await expect(page.getByRole("article").filter({ hasText: "CCAS" }).first()).toBeVisible();
  // Stale information is flagged, not hidden.
  await expect(page.getByText(/À vérifier : ces informations n'ont pas été confirmées récemment/).first()).toBeVisible();
});

test("an unknown territory answers a clear not-found page", async ({ page }) => {
  const response = await page.goto("/t/nulle-part");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
});

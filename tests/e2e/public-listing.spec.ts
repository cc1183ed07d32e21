import { DEMO_TERRITORY_NAME, DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { expect, expectAccessible, test } from "./fixtures";

test("a resident finds the demo territory's offers from the home page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Qui fait quoi, près de chez vous ?");
  await expectAccessible(page);

  await page.getByRole("link", { name: DEMO_TERRITORY_NAME }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${DEMO_TERRITORY_SLUG}$`));

  // The matrix of seed 001 is there, with its real conditions and hours.
  const franceServices = page.getByRole("article").filter({ hasText: "Espace France Services" }).first();
  await expect(franceServices).toBeVisible();
  await expect(franceServices).toContainText("3 avenue de la Gare");
  await expect(franceServices).toContainText("jeudi : 10 h – 17 h");
  await expect(page.getByRole("article").filter({ hasText: "CCAS" }).first()).toContainText("mardi : 13 h – 17 h");
  // Stale information is flagged, not hidden.
  await expect(page.getByText(/À vérifier — informations confirmées le/).first()).toBeVisible();
});

test("an unknown territory answers a clear not-found page", async ({ page }) => {
  const response = await page.goto("/t/nulle-part");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
});

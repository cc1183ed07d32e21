import { expect, expectAccessible, test } from "./fixtures";
import { signInFast } from "./auth";

test("a coordinator filters the matrix, keeps the filters in the URL and exports it", async ({ page }) => {
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto("/territoires/val-de-lise");
  await page.getByRole("link", { name: "Matrice" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Matrice de la médiation numérique");
  await expectAccessible(page);
  for (const column of ["Qui ?", "Quoi ?", "Comment ?", "Où ?", "Quand ?", "Autres"]) {
    await expect(page.getByRole("columnheader", { name: column })).toBeVisible();
  }
  // Seed 001's row for the CCAS, flagged as stale.
  const ccas = page.getByRole("row").filter({ hasText: "CCAS de Saint-Aubin-sur-Lise" });
  await expect(ccas).toContainText("les mardi et jeudi de 13 h à 17 h ; fermé les jours fériés");
  await expect(ccas).toContainText("À vérifier");

  await page.getByLabel("Posture").selectOption({ label: "Faire à la place" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/posture=/);
  await expect(page.getByRole("row")).toHaveCount(4); // header + 3 offers
  await expect(page.getByText("Fabrication numérique")).toHaveCount(0);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("matrice-val-de-lise.csv");
  const csv = (await (await file.createReadStream()).toArray()).join("");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toContain("Qui;Quoi;Besoins;Posture");
  expect(lines).toHaveLength(4);
});

test("the coverage view shows the needs nobody answers", async ({ page }) => {
  await signInFast(page, "direction@franceservices.exemple.fr");
  await page.goto("/territoires/val-de-lise/couverture");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Couverture du territoire");
  await expectAccessible(page);
  const parenting = page.getByRole("row").filter({ hasText: "Parentalité et éducation avec le numérique" }).first();
  await expect(parenting.getByRole("cell").first()).toContainText("Aucun acteur");
});

test("someone outside the territory cannot see its matrix or export it", async ({ page }) => {
  await signInFast(page, "hors.territoire@exemple.fr");
  expect((await page.goto("/territoires/val-de-lise/matrice"))?.status()).toBe(404);
  expect((await page.goto("/territoires/val-de-lise/couverture"))?.status()).toBe(404);
  const exported = await page.request.get("/territoires/val-de-lise/matrice/export");
  expect(exported.status()).toBe(404);
});

test("a structure admin confirms in one click that an offer has not changed; the history says who", async ({ page }) => {
  await signInFast(page, "direction@franceservices.exemple.fr");
  await page.goto("/territoires/val-de-lise/matrice");
  // Only their own structure's offers carry the button.
  await expect(page.getByRole("button", { name: /^Rien n'a changé/ })).toHaveCount(2);
  const row = page.getByRole("row").filter({ hasText: "Aide aux démarches administratives en ligne" });
  await row.getByRole("button", { name: "Rien n'a changé : Aide aux démarches administratives en ligne" }).click();
  await expect(row).toContainText(/vérifiée le \d\d\/\d\d\/\d{4} par Karim Benali/);

  await page.goto("/compte");
  await page.getByRole("link", { name: "Espace France Services du Val de Lise" }).click();
  await page.getByRole("link", { name: "Historique" }).click();
  await expect(page.getByRole("list")).toContainText(
    "« Aide aux démarches administratives en ligne » confirmée à jour, sans changement, par Karim Benali",
  );
  await expectAccessible(page);
});

test("a structure member sees the matrix but cannot confirm offers", async ({ page }) => {
  await signInFast(page, "accueil@franceservices.exemple.fr");
  await page.goto("/territoires/val-de-lise/matrice");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Matrice de la médiation numérique");
  await expect(page.getByRole("button", { name: /^Rien n'a changé/ })).toHaveCount(0);
});

/**
 * Issue 17, point 8 and the activity counts: a mediator gets the secret address of their agenda
 * on their account page and any calendar application reads it (no personal data in it); a
 * coordinator reads the territory's counts of appointments, sheets and workshops.
 */
import { signInFast } from "./auth";
import { expect, expectAccessible, test } from "./fixtures";

test("a mediator gets their agenda's address, and it answers a calendar without personal data", async ({ page }) => {
  await signInFast(page, "accueil@franceservices.exemple.fr");
  await page.goto("/compte");
  await expect(page.getByRole("heading", { name: "Mes rendez-vous dans mon agenda" })).toBeVisible();
  const get = page.getByRole("button", { name: "Obtenir l'adresse de mon agenda" });
  if (await get.isVisible()) await get.click();
  const link = page.getByRole("link", { name: /\/calendrier\/[A-Za-z0-9_-]{32}\.ics$/ });
  await expect(link).toBeVisible();
  await expectAccessible(page);
  const address = (await link.getAttribute("href"))!;
  const response = await page.request.get(new URL(address).pathname);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const body = await response.text();
  expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(body).not.toMatch(/José|@exemple\.fr/);

  // A new address revokes the old one.
  await page.getByRole("button", { name: "Changer d'adresse (l'ancienne cesse de fonctionner)" }).click();
  await expect(page.getByRole("status")).toContainText("Nouvelle adresse créée");
  expect((await page.request.get(new URL(address).pathname)).status()).toBe(404);
});

test("the coordinator reads the territory's activity of appointments, permanences and workshops, counts only", async ({ page }) => {
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto("/territoires/val-de-lise");
  await page.getByRole("link", { name: "Rendez-vous, permanences et ateliers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rendez-vous, permanences et ateliers" })).toBeVisible();
  await expect(page.getByText("Taux d'absence sans prévenir")).toBeVisible();
  await page.getByLabel("Période").selectOption("90j");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(/periode=90j/);
  await expect(page.getByRole("table", { name: "Séances et places" })).toBeVisible();
  await expectAccessible(page);
});

test("someone else's appointment file is a 404", async ({ page }) => {
  await signInFast(page, "informaticien@lien-numerique.exemple.org");
  expect((await page.request.get("/calendrier/rendez-vous/00000000-0000-4000-8000-000000000000.ics")).status()).toBe(404);
  expect((await page.request.get("/calendrier/pas-un-secret.ics")).status()).toBe(404);
});

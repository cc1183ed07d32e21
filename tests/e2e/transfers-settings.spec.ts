import { randomUUID } from "node:crypto";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { signInFast } from "./auth";
import { withDatabase } from "./outbox";

/**
 * The transfer timers of a territory, set by its coordinator. Each test makes its own Belgian
 * territory and coordinator, so the demo territory's timers (and other tests) are untouched.
 */
async function newTerritory() {
  const slug = `reglages-${randomUUID().slice(0, 8)}`;
  const coordinator = `coordination-${slug}@exemple.be`;
  await withDatabase(async (client) => {
    await client.query(
      `insert into "User" (id, email, "updatedAt") values (gen_random_uuid(), $1, now()) on conflict (email) do nothing`,
      [coordinator],
    );
    await client.query(
      `insert into "Territory" (id, slug, name, country, "timeZone", "updatedAt")
       values (gen_random_uuid(), $1, 'Pays de Herve', 'BE', 'Europe/Brussels', now())`,
      [slug],
    );
    await client.query(
      `insert into "TerritoryCoordinator" ("userId", "territoryId")
       select u.id, t.id from "User" u, "Territory" t where u.email = $1 and t.slug = $2`,
      [coordinator, slug],
    );
  });
  return { slug, coordinator, path: `/territoires/${slug}/transferts/reglages` };
}

const timersOf = (slug: string) =>
  withDatabase(async (client) => {
    const { rows } = await client.query(
      `select "transferAckReminderWorkingDays" as ack, "transferAcceptReminderWorkingDays" as accept,
              "transferExpiryDays" as expiry, "transferRetentionDays" as retention
       from "Territory" where slug = $1`,
      [slug],
    );
    return rows[0];
  });

const ACK = "Rappel « Bien reçu », en jours ouvrés";
const ACCEPT = "Rappel d'acceptation, en jours ouvrés";
const EXPIRY = "Expiration, en jours";
const RETENTION = "Conservation des données de la personne, en jours";

test("the coordinator changes the territory's timers; a bad value is shown at its field and nothing is saved", async ({ page }) => {
  const territory = await newTerritory();
  await signInFast(page, territory.coordinator);
  await page.goto(territory.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Réglages des transferts");
  await expect(page.getByLabel(ACK)).toHaveValue("2");
  await expect(page.getByLabel(ACCEPT)).toHaveValue("5");
  await expect(page.getByLabel(EXPIRY)).toHaveValue("14");
  await expect(page.getByLabel(RETENTION)).toHaveValue("90");
  await expect(page.getByText(/hors jours fériés belges/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Conservation des données et RGPD" })).toBeVisible();
  await expectAccessible(page);

  // A value out of bounds: the message is next to the field, checked as it is left.
  await page.getByLabel(ACCEPT).fill("25");
  await page.getByLabel(EXPIRY).click();
  const acceptError = page.locator("#acceptReminderWorkingDays-erreur");
  await expect(acceptError).toHaveText("Indiquez un nombre entier de jours ouvrés entre 1 et 20.");
  await expect(page.getByLabel(ACCEPT)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(ACCEPT)).toHaveAttribute("aria-describedby", /acceptReminderWorkingDays-erreur/);
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
  await expect(acceptError).toBeVisible();
  await expectAccessible(page);
  expect(await timersOf(territory.slug)).toEqual({ ack: 2, accept: 5, expiry: 14, retention: 90 });

  await page.getByLabel(ACK).fill("3");
  await page.getByLabel(ACCEPT).fill("6");
  await page.getByLabel(EXPIRY).fill("21");
  await page.getByLabel(RETENTION).fill("60");
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
  await expect(page.getByRole("status")).toHaveText("Réglages enregistrés : ils s'appliquent dès maintenant aux transferts du territoire.");
  expect(await timersOf(territory.slug)).toEqual({ ack: 3, accept: 6, expiry: 21, retention: 60 });

  // A second save from the same page is based on the version just saved.
  await page.getByLabel(RETENTION).fill("45");
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
  // The status still says the first save: wait for the second one to be stored before reloading
  // (a reload too soon would cut the request short). A stale version would be refused: no 45.
  await expect.poll(() => timersOf(territory.slug)).toEqual({ ack: 3, accept: 6, expiry: 21, retention: 45 });
  await expect(page.getByRole("status")).toHaveText("Réglages enregistrés : ils s'appliquent dès maintenant aux transferts du territoire.");
  await page.reload();
  await expect(page.getByLabel(RETENTION)).toHaveValue("45");
  await expect(page.getByLabel(EXPIRY)).toHaveValue("21");
  expect(await timersOf(territory.slug)).toEqual({ ack: 3, accept: 6, expiry: 21, retention: 45 });
});

test("without JavaScript, the server checks the form and keeps what was typed", async ({ browser, page }) => {
  const territory = await newTerritory();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await signInFast(noScript, territory.coordinator);
  await noScript.goto(territory.path);
  await noScript.getByLabel(ACCEPT).fill("5");
  await noScript.getByLabel(EXPIRY).fill("6");
  await noScript.getByLabel(RETENTION).fill("400");
  await noScript.getByRole("button", { name: "Enregistrer les réglages" }).click();

  await expect(noScript.locator("#retentionDays-erreur")).toHaveText("Indiquez un nombre entier de jours entre 7 et 365.");
  await expect(noScript.locator("#expiryDays-erreur")).toHaveText(
    "Le transfert expirerait avant ou pendant le rappel d'acceptation (5 jours ouvrés, soit environ 7 jours) : indiquez au moins 8 jours.",
  );
  await expect(noScript.getByLabel(RETENTION)).toHaveValue("400");
  await expect(noScript.getByLabel(RETENTION)).toHaveAttribute("aria-invalid", "true");
  await expect(noScript.getByLabel(EXPIRY)).toHaveValue("6");
  expect(await timersOf(territory.slug)).toEqual({ ack: 2, accept: 5, expiry: 14, retention: 90 });
  await expectAccessibleWithoutScript(noScript, page);

  await noScript.getByLabel(EXPIRY).fill("10");
  await noScript.getByLabel(RETENTION).fill("30");
  await noScript.getByRole("button", { name: "Enregistrer les réglages" }).click();
  await expect(noScript.getByRole("status")).toHaveText("Réglages enregistrés : ils s'appliquent dès maintenant aux transferts du territoire.");
  expect(await timersOf(territory.slug)).toEqual({ ack: 2, accept: 5, expiry: 10, retention: 30 });
  await context.close();
});

test("only the territory's coordinators see the page: a structure member or another territory's coordinator gets 404", async ({ page }) => {
  const territory = await newTerritory();
  await signInFast(page, "accueil@franceservices.exemple.fr");
  expect((await page.goto(territory.path))?.status()).toBe(404);
  expect((await page.goto("/territoires/val-de-lise/transferts/reglages"))?.status()).toBe(404);

  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  expect((await page.goto(territory.path))?.status()).toBe(404);
  expect((await page.goto("/territoires/val-de-lise/transferts/reglages"))?.status()).toBe(200);
  await expect(page.getByLabel(ACK)).toHaveValue("2");
  await expectAccessible(page);
});

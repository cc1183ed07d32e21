import { expect, expectAccessible, test } from "./fixtures";
import { signInFast } from "./auth";
import { withDatabase } from "./outbox";

const userCount = (email: string) =>
  withDatabase(async (client) => (await client.query(`select 1 from "User" where email = $1`, [email])).rowCount);

test("a person deletes their account after confirming, and is told what happens", async ({ page }) => {
  const email = "quitte.toile@exemple.fr";
  await signInFast(page, email);
  await page.goto("/compte");
  await expectAccessible(page);
  await expect(page.getByRole("main")).toContainText("Ce que vous avez saisi pour vos structures (lieux, offres, horaires) reste");

  await page.getByRole("button", { name: "Supprimer mon compte" }).click();
  await expect(page.getByText("Cochez la case pour confirmer la suppression.")).toBeVisible();
  expect(await userCount(email)).toBe(1);

  await page.getByLabel("Je comprends, je veux supprimer mon compte.").check();
  await page.getByRole("button", { name: "Supprimer mon compte" }).click();
  await expect(page).toHaveURL(/\/\?compte=supprime$/);
  expect(await userCount(email)).toBe(0);
});

test("a server action after the session ended is refused and asks to sign in again", async ({ page }) => {
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto("/territoires/val-de-lise");
  await page.getByRole("link", { name: "Bureau Information Jeunesse" }).click();
  await page.getByRole("link", { name: "Membres" }).click();
  await page.context().clearCookies();
  await page.getByLabel("Adresse courriel").fill("apres.deconnexion@exemple.fr");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText("Votre session a expiré : reconnectez-vous.")).toBeVisible();
  await expect(page.getByLabel("Adresse courriel")).toHaveValue("apres.deconnexion@exemple.fr");
  const invitations = await withDatabase(async (client) =>
    (await client.query(`select 1 from "Invitation" where email = 'apres.deconnexion@exemple.fr'`)).rowCount,
  );
  expect(invitations).toBe(0);
});

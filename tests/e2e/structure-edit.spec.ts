import { expect, expectAccessible, test } from "./fixtures";
import { signInFast } from "./auth";
import { withDatabase } from "./outbox";

const structureId = (name: string) =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`select id from "Structure" where name like $1`, [`%${name}%`]);
    return rows[0]!.id;
  });

test("a structure admin corrects the structure's identity; errors show at the field, nothing is lost", async ({ page }) => {
  await signInFast(page, "direction@franceservices.exemple.fr");
  await page.goto(`/structures/${await structureId("France Services")}/membres`);
  await page.getByRole("link", { name: "Modifier la fiche" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modifier : Espace France Services du Val de Lise");
  await expectAccessible(page);

  await page.getByLabel("Téléphone").fill("03 23 41 20 11");
  await page.getByLabel("SIRET").fill("999 990 001 00012");
  await page.getByLabel("Site web").click(); // leaving the field checks it
  await expect(page.getByText("Ce SIRET n'existe pas : vérifiez les chiffres (clé de contrôle).")).toBeVisible();
  await expect(page.getByLabel("SIRET")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel("SIRET").fill("999 990 001 00011");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Téléphone")).toHaveValue("03 23 41 20 11");

  await page.goto(`/structures/${await structureId("France Services")}/historique`);
  await expect(page.getByRole("list")).toContainText("Identité modifiée : téléphone, par Karim Benali");
});

test("two people saving the same structure: the second is told, nothing is overwritten", async ({ page, browser }) => {
  const id = await structureId("Mission locale");
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  const other = await (await browser.newContext()).newPage();
  await signInFast(other, "coordination@val-de-lise.exemple.fr");
  await page.goto(`/structures/${id}/modifier`);
  await other.goto(`/structures/${id}/modifier`);

  await page.getByLabel("Nom de la structure").fill("Mission locale du Val de Lise et des Tisserands");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();

  await other.getByLabel("Téléphone").fill("03 23 41 50 51");
  await other.getByRole("button", { name: "Enregistrer" }).click();
  const conflict = other.getByText(/^Quelqu'un d'autre a enregistré cette fiche/);
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Champs qui diffèrent de votre saisie : nom, téléphone.");
  await expect(other.getByLabel("Téléphone")).toHaveValue("03 23 41 50 51");
});

test("without JavaScript, the form is filled in, checked by the server, and keeps what was typed", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInFast(page, "direction@franceservices.exemple.fr");
  await page.goto(`/structures/${await structureId("France Services")}/modifier`);
  await expect(page.getByLabel("Nom de la structure")).toHaveValue("Espace France Services du Val de Lise");
  await page.getByLabel("Présentation").fill("Un guichet unique pour vos démarches.");
  await page.getByLabel("Courriel de contact").fill("pas une adresse");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Cette adresse courriel n'est pas valide.")).toBeVisible();
  await expect(page.getByLabel("Présentation")).toHaveValue("Un guichet unique pour vos démarches.");
  await expect(page.getByLabel("Courriel de contact")).toHaveValue("pas une adresse");
});

test("only the structure's admins and the coordinators may open its form", async ({ page }) => {
  const franceServices = await structureId("France Services");
  await signInFast(page, "accueil@franceservices.exemple.fr");
  expect((await page.goto(`/structures/${franceServices}/modifier`))?.status()).toBe(404);
  await signInFast(page, "direction@franceservices.exemple.fr");
  expect((await page.goto(`/structures/${await structureId("CCAS")}/modifier`))?.status()).toBe(404);
});

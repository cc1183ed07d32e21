import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { signInFast } from "./auth";
import { withDatabase } from "./outbox";

const structureId = (name: string) =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`select id from "Structure" where name like $1`, [`%${name}%`]);
    return rows[0]!.id;
  });

/** A demo place of a structure (the demo is loaded once; these tests only read it). */
const placeOf = (structureName: string) =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; structureId: string }>(
      `select p.id, p."structureId" from "Place" p join "Structure" s on s.id = p."structureId" where s.name like $1 order by p.name limit 1`,
      [`%${structureName}%`],
    );
    return rows[0]!;
  });

/** Each run creates its own places, so the tests never depend on one another. */
const unique = (name: string) => `${name} ${Math.random().toString(36).slice(2, 7)}`;

test("the coordinator creates a place, is told at the field what is wrong, then edits it", async ({ page }) => {
  const fablab = await structureId("Fablab");
  const name = unique("Salle du Moulin");
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto(`/structures/${fablab}/lieux/nouveau`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nouveau lieu");
  await expectAccessible(page);

  await page.getByLabel("Nom du lieu").fill(name);
  await page.getByLabel("Numéro et voie").fill("2 rue du Moulin");
  await page.getByLabel("Code postal").fill("02130");
  await page.getByLabel("Commune").click(); // leaving the postal code suggests its communes
  await expect(page.getByText(/^Communes de ce code postal : .*Fère-en-Tardenois/)).toBeVisible();
  await page.getByLabel("Commune").fill("Saint-Quentin");
  await page.getByRole("button", { name: "Créer le lieu" }).click();
  await expect(page.locator("#commune-erreur")).toContainText("« Saint-Quentin » n'a pas le code postal 02130. Communes de ce code postal :");
  await expect(page.getByLabel("Commune")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel("Commune").fill("Fère-en-Tardenois");
  await expect(page.locator("#commune-erreur")).toHaveCount(0); // the server's message goes once the field is changed
  // Swapped coordinates: in the Gulf of Guinea, not in France.
  await page.getByLabel("Latitude").fill("3,52");
  await page.getByLabel("Longitude").fill("49,2");
  await page.getByRole("button", { name: "Créer le lieu" }).click();
  await expect(page.locator("#latitude-erreur")).toHaveText(/^Ces coordonnées ne sont pas en France/);
  await expect(page.getByLabel("Latitude")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Latitude").fill("49,2");
  await page.getByLabel("Longitude").fill("3,52");
  await page.getByLabel("Oui").check();
  await page.getByRole("button", { name: "Créer le lieu" }).click();
  await expect(page).toHaveURL(new RegExp(`/structures/${fablab}/lieux/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Lieu : ${name}`);
  await expect(page.getByLabel("Commune")).toHaveValue("Fère-en-Tardenois");
  await expect(page.getByLabel("Latitude")).toHaveValue("49,2");
  const placeUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("link", { name: "Horaires du lieu" })).toHaveAttribute("href", `${placeUrl}/horaires`);
  await expect(page.getByText("Aucune autre structure ne tient de permanence dans ce lieu.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Complément d'adresse (facultatif)").fill("Premier étage");
  await page.getByLabel("Précisions sur l'accessibilité (facultatif)").fill("Ascenseur au fond du hall");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Complément d'adresse (facultatif)")).toHaveValue("Premier étage");
  await expect(page.getByLabel("Oui")).toBeChecked();

  await page.goto(`/structures/${fablab}/historique`);
  await expect(page.getByRole("list")).toContainText(`Lieu « ${name} » modifié : complément d'adresse, précisions sur l'accessibilité`);
  await expect(page.getByRole("list")).toContainText(`Lieu ajouté : ${name} (Fère-en-Tardenois)`);
});

test("without JavaScript, the server checks the place and keeps what was typed", async ({ browser, page: checker }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const fablab = await structureId("Fablab");
  const name = unique("Local associatif");
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto(`/structures/${fablab}/lieux/nouveau`);
  await page.getByLabel("Nom du lieu").fill(name);
  await page.getByLabel("Numéro et voie").fill("5 place de l'Église");
  await page.getByLabel("Code postal").fill("02130");
  await page.getByLabel("Commune").fill("Essômes-sur-Marne");
  await page.getByLabel("Latitude").fill("49,2");
  await page.getByLabel("Longitude").fill("3,52");
  await page.getByRole("button", { name: "Créer le lieu" }).click();

  await expect(page.locator("#commune-erreur")).toContainText("« Essômes-sur-Marne » n'a pas le code postal 02130.");
  await expect(page.getByRole("alert")).toHaveText("Corrigez les champs signalés.");
  await expect(page.getByLabel("Nom du lieu")).toHaveValue(name);
  await expect(page.getByLabel("Numéro et voie")).toHaveValue("5 place de l'Église");
  await expect(page.getByLabel("Commune")).toHaveValue("Essômes-sur-Marne");
  await expect(page.getByLabel("Latitude")).toHaveValue("49,2");
  await expectAccessibleWithoutScript(page, checker);

  // Typed without accents or hyphens: the server finds the commune.
  await page.getByLabel("Commune").fill("fere en tardenois");
  await page.getByRole("button", { name: "Créer le lieu" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Lieu : ${name}`);
  await expect(page.getByLabel("Commune")).toHaveValue("Fère-en-Tardenois");
  await context.close();
});

test("a place is deleted only when confirmed, and not while offers are held there", async ({ page }) => {
  const fablab = await structureId("Fablab");
  await signInFast(page, "coordination@val-de-lise.exemple.fr");

  const busy = await placeOf("France Services");
  await page.goto(`/structures/${busy.structureId}/lieux/${busy.id}`);
  await expect(page.getByText("Ce lieu ne peut pas être supprimé tant que des offres s'y tiennent :")).toBeVisible();
  await expect(page.getByRole("button", { name: "Supprimer ce lieu" })).toHaveCount(0);

  const name = unique("Ancienne poste");
  await page.goto(`/structures/${fablab}/lieux/nouveau`);
  await page.getByLabel("Nom du lieu").fill(name);
  await page.getByLabel("Numéro et voie").fill("1 rue de la Poste");
  await page.getByLabel("Code postal").fill("02130");
  await page.getByLabel("Commune").fill("Saponay");
  await page.getByRole("button", { name: "Créer le lieu" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Lieu : ${name}`);

  await page.getByRole("button", { name: "Supprimer ce lieu" }).click();
  await expect(page.getByText("Cochez la case pour confirmer la suppression.")).toBeVisible();
  await page.getByLabel(/^Je confirme : supprimer le lieu/).check();
  await page.getByRole("button", { name: "Supprimer ce lieu" }).click();
  await expect(page).toHaveURL(`/structures/${fablab}/historique`);
  await expect(page.getByRole("list")).toContainText(`Lieu supprimé : ${name} (Saponay)`);
});

test("only the structure's admins and the coordinators may open a place", async ({ page }) => {
  const fablabPlace = await placeOf("Fablab");
  const franceServicesPlace = await placeOf("France Services");

  // The admin of another structure.
  await signInFast(page, "direction@franceservices.exemple.fr");
  expect((await page.goto(`/structures/${fablabPlace.structureId}/lieux/${fablabPlace.id}`))?.status()).toBe(404);
  expect((await page.goto(`/structures/${fablabPlace.structureId}/lieux/nouveau`))?.status()).toBe(404);
  // Their own structure's id with another structure's place: still not found.
  expect((await page.goto(`/structures/${franceServicesPlace.structureId}/lieux/${fablabPlace.id}`))?.status()).toBe(404);
  expect((await page.goto(`/structures/${franceServicesPlace.structureId}/lieux/${franceServicesPlace.id}`))?.status()).toBe(200);
  // The demo's communes are fictional: a demo place saves all the same, its commune kept as stored.
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Rien n'a changé : le lieu est déjà à jour.")).toBeVisible();

  // A plain member of the structure.
  await signInFast(page, "accueil@franceservices.exemple.fr");
  expect((await page.goto(`/structures/${franceServicesPlace.structureId}/lieux/${franceServicesPlace.id}`))?.status()).toBe(404);
});

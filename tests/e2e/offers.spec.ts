import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { signInFast } from "./auth";
import { withDatabase } from "./outbox";

const structureId = (name: string) =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`select id from "Structure" where name = $1`, [name]);
    return rows[0]!.id;
  });

const offerOf = (structure: string, title: string) =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`select id from "Offer" where "structureId" = $1 and title = $2`, [structure, title]);
    return rows[0]!.id;
  });

const REPAIR_CAFE = "Repair café du Val de Lise";
const FABLAB = "Fablab des Tisserands";

test("a coordinator creates an offer, sees what it lacks to be published, completes it and publishes it", async ({ page }) => {
  test.slow(); // a long journey over the offer form's many fields, checked by axe on each page
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto(`/structures/${await structureId(REPAIR_CAFE)}`);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ajouter une offre" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle offre");
  await expectAccessible(page);

  await page.getByLabel("Intitulé de l'offre").fill("Réparer son smartphone ensemble");
  await page.getByLabel("Documents à apporter").fill("Son téléphone et son chargeur\nLe code de déverrouillage");
  await page.getByRole("group", { name: "Langues parlées par l'équipe" }).getByLabel("arabe").check();
  await page.getByLabel("Ce qui n'est pas proposé").fill("Vente de pièces détachées");
  await page.getByLabel("Précision", { exact: true }).fill("Voir les magasins de la zone commerciale");
  await page.getByRole("button", { name: "Créer l'offre (brouillon)" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Offre : Réparer son smartphone ensemble");
  await expect(page.getByText("Offre créée en brouillon.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Statut : Brouillon/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Publier l'offre" }).click();
  await expect(page.getByText(/^Pas encore prête à publier : Cochez au moins un besoin/)).toBeVisible();

  const services = page.getByRole("group", { name: "Besoins auxquels l'offre répond" });
  await services.getByLabel("Maîtrise des outils numériques du quotidien").check();
  await page.getByRole("group", { name: "Comment venir" }).getByLabel("Sans rendez-vous").check();
  await page.getByRole("group", { name: "Posture d'accompagnement" }).getByLabel("Faire avec").check();
  await page.getByRole("group", { name: "Lieux où l'offre est proposée" }).getByLabel(/^Salle des fêtes de Charly/).check();
  await page.getByRole("button", { name: "Enregistrer l'offre" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();

  await page.getByRole("button", { name: "Publier l'offre" }).click();
  await expect(page.getByText("« Réparer son smartphone ensemble » est publiée")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Statut : Publiée/ })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Documents à apporter")).toHaveValue("Son téléphone et son chargeur\nLe code de déverrouillage");
  await expect(page.getByRole("group", { name: "Langues parlées par l'équipe" }).getByLabel("arabe")).toBeChecked();
  await expect(page.getByLabel("Ce qui n'est pas proposé").first()).toHaveValue("Vente de pièces détachées");

  await page.getByRole("link", { name: `← ${REPAIR_CAFE}` }).click();
  await page.getByRole("link", { name: "Historique" }).click();
  await page.waitForURL(/\/historique$/);
  await expect(page.getByRole("list")).toContainText("Offre « Réparer son smartphone ensemble » publiée");
});

test("errors show next to their fields, with JavaScript and without, and nothing is created", async ({ page, browser }) => {
  test.slow(); // two browsers, each page checked by axe
  const repairCafe = await structureId(REPAIR_CAFE);
  const offers = () => withDatabase(async (client) => (await client.query(`select 1 from "Offer" where "structureId" = $1`, [repairCafe])).rowCount);
  const before = await offers();
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto(`/structures/${repairCafe}/offres/nouvelle`);
  await page.getByLabel("Intitulé de l'offre").fill("<b>Atelier</b>");
  await page.getByLabel("Âge minimum").fill("30");
  await page.getByLabel("Âge maximum").fill("20");
  await page.getByRole("button", { name: "Créer l'offre (brouillon)" }).click();
  await expect(page.getByText("Intitulé : les signes < et > ne sont pas acceptés.")).toBeVisible();
  await expect(page.getByText("L'âge maximum doit être supérieur ou égal à l'âge minimum.")).toBeVisible();
  await expect(page.getByLabel("Âge maximum")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await signInFast(noScript, "coordination@val-de-lise.exemple.fr");
  await noScript.goto(`/structures/${repairCafe}/offres/nouvelle`);
  await noScript.getByLabel("Intitulé de l'offre").fill("Atelier réparation");
  await noScript.getByRole("group", { name: "Comment venir" }).getByLabel("Sur rendez-vous").check();
  await noScript.getByLabel("Délai habituel de prise en charge").fill("deux semaines");
  await noScript.getByLabel("Ce qui n'est pas proposé").fill("");
  await noScript.getByLabel("Précision", { exact: true }).fill("Voir la mairie");
  await noScript.getByRole("button", { name: "Créer l'offre (brouillon)" }).click();
  await expect(noScript.getByText("Délai de prise en charge : indiquez un nombre entier.")).toBeVisible();
  await expect(noScript.getByText("Dites ce qui n'est pas proposé ici")).toBeVisible();
  await expect(noScript.getByLabel("Intitulé de l'offre")).toHaveValue("Atelier réparation");
  await expect(noScript.getByRole("group", { name: "Comment venir" }).getByLabel("Sur rendez-vous")).toBeChecked();
  await expect(noScript.getByLabel("Précision", { exact: true }).first()).toHaveValue("Voir la mairie");
  await expectAccessibleWithoutScript(noScript, page);
  expect(await offers()).toBe(before);

  // Corrected, it is created, still without JavaScript.
  await noScript.getByLabel("Délai habituel de prise en charge").fill("14");
  await noScript.getByLabel("Ce qui n'est pas proposé").first().fill("Démarches administratives");
  await noScript.getByRole("button", { name: "Créer l'offre (brouillon)" }).click();
  await expect(noScript.getByRole("heading", { level: 1 })).toHaveText("Offre : Atelier réparation");
  expect(await offers()).toBe(before! + 1);
  await context.close();
});

test("two people saving the same offer: the second is told what differs, nothing is overwritten", async ({ page, browser }) => {
  const fablab = await structureId(FABLAB);
  const offerId = await offerOf(fablab, "Formation à la modélisation 3D");
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  const other = await (await browser.newContext()).newPage();
  await signInFast(other, "coordination@val-de-lise.exemple.fr");
  await page.goto(`/structures/${fablab}/offres/${offerId}`);
  await other.goto(`/structures/${fablab}/offres/${offerId}`);

  await page.getByLabel("Précisions sur le tarif").fill("Adhésion 5 € par an");
  await page.getByRole("button", { name: "Enregistrer l'offre" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();

  await other.getByLabel("Autres conditions").fill("Venir avec son matériel");
  await other.getByRole("button", { name: "Enregistrer l'offre" }).click();
  const conflict = other.getByText(/^Quelqu'un d'autre a enregistré cette offre/);
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Champs qui diffèrent de votre saisie : autres conditions, précisions sur le tarif.");
  await expect(other.getByLabel("Autres conditions")).toHaveValue("Venir avec son matériel");
  await other.reload();
  await expect(other.getByLabel("Précisions sur le tarif")).toHaveValue("Adhésion 5 € par an");
});

test("only the structure's admins and the territory's coordinators may edit its offers", async ({ page }) => {
  const fablab = await structureId(FABLAB);
  const offerId = await offerOf(fablab, "Formation à la modélisation 3D");
  await signInFast(page, "direction@franceservices.exemple.fr");
  expect((await page.goto(`/structures/${fablab}/offres/${offerId}`))?.status()).toBe(404);
  expect((await page.goto(`/structures/${fablab}/offres/nouvelle`))?.status()).toBe(404);
  // Its own structure's page shows no way to edit another one's offer, and a member sees no edit links.
  await signInFast(page, "accueil@franceservices.exemple.fr");
  await page.goto(`/structures/${await structureId("Espace France Services du Val de Lise")}`);
  await expect(page.getByRole("link", { name: "Ajouter une offre" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Offres" })).toBeVisible();
});

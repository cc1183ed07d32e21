/**
 * Issue 21: a structure not yet in the matrix asks to join from the public site (without
 * JavaScript, a wrong SIRET said next to its field), nothing of it is public; the coordinator
 * validates it; a second request resembling a demo structure is shown as a likely duplicate and
 * merged with it.
 */
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { signInFast } from "./auth";
import { emailsSince, outboxMark } from "./outbox";

test("a newcomer asks to join; one request is validated, one is detected as a duplicate and merged", async ({ page, browser }) => {
  const mark = await outboxMark();
  const noScript = await (await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" })).newPage();
  await noScript.goto("/t/val-de-lise");
  await noScript.getByRole("link", { name: "Votre structure n'est pas dans l'annuaire ? Demandez à y apparaître" }).click();
  await expect(noScript.getByRole("heading", { level: 1 })).toHaveText("Votre structure n'est pas dans l'annuaire ?");
  await noScript.getByLabel("Nom de la structure").fill("Les Petits Débrouillards de l'Aisne");
  await noScript.getByLabel("SIRET ou numéro RNA (facultatif)").fill("123 456 789 00010");
  await noScript.getByLabel("Adresse (numéro et rue)").fill("5 rue Neuve");
  await noScript.getByLabel("Code postal").fill("02400");
  await noScript.getByLabel("Commune").fill("Château-Thierry");
  await noScript.getByLabel("Ce que vous proposez").fill("Ateliers numériques pour les 8-14 ans le mercredi.");
  await noScript.getByLabel("Nom de la personne à contacter").fill("Inès Roussel");
  await noScript.getByLabel("Son courriel").fill("ines@debrouillards.exemple.org");
  await noScript.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(noScript.getByText("Ce SIRET n'existe pas : vérifiez les chiffres (clé de contrôle).")).toBeVisible();
  await expect(noScript.getByText("Cochez la case pour que la coordination puisse vous contacter.")).toBeVisible();
  await expect(noScript.getByLabel("Ce que vous proposez")).toHaveValue("Ateliers numériques pour les 8-14 ans le mercredi.");
  await expectAccessibleWithoutScript(noScript, page);
  await noScript.getByLabel("SIRET ou numéro RNA (facultatif)").fill("W021004567");
  await noScript.getByLabel(/J'accepte que la coordination/).check();
  await noScript.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(noScript.getByText("Merci : votre demande est envoyée.")).toBeVisible();

  // A second request, with JavaScript: the Repair café, which is already in the matrix.
  const withScript = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await withScript.goto("/t/val-de-lise/rejoindre");
  await withScript.getByLabel("Nom de la structure").fill("Repair Café");
  await withScript.getByLabel("Adresse (numéro et rue)").fill("Salle des fêtes");
  await withScript.getByLabel("Code postal").fill("02310");
  await withScript.getByLabel("Commune").fill("Charly-sur-Marne");
  await withScript.getByLabel("Ce que vous proposez").fill("Réparation d'ordinateurs un samedi par mois.");
  await withScript.getByLabel("Nom de la personne à contacter").fill("Paul Morel");
  await withScript.getByLabel("Son courriel").fill("benevole@repair.exemple.org");
  await withScript.getByLabel(/J'accepte que la coordination/).check();
  await withScript.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(withScript.getByText("Merci : votre demande est envoyée.")).toBeVisible();

  // Nothing public before a decision.
  await withScript.goto("/t/val-de-lise/recherche?q=D%C3%A9brouillards");
  await expect(withScript.getByText("Les Petits Débrouillards")).toHaveCount(0);

  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto("/territoires/val-de-lise");
  await page.getByRole("link", { name: "Nouvelles structures (2 en attente)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelles structures");
  await expectAccessible(page);

  const repair = page.getByRole("article", { name: "Repair Café" });
  await expect(repair.getByTestId("doublons")).toContainText("Repair café du Val de Lise : nom proche");
  await repair.getByLabel("C'est la structure existante").selectOption({ label: "Repair café du Val de Lise" });
  await repair.getByRole("button", { name: "Rapprocher" }).click();
  await expect(page.getByRole("status")).toContainText("Demande rapprochée de la structure existante.");
  await expect(page.getByRole("article", { name: "Repair Café" })).toHaveCount(0);

  await page.getByRole("article", { name: "Les Petits Débrouillards de l'Aisne" }).getByRole("button", { name: "Valider « Les Petits Débrouillards de l'Aisne »" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les Petits Débrouillards de l'Aisne");
  await expect(page.getByText("Demande validée : la structure est créée avec son premier lieu")).toBeVisible();
  await expectAccessible(page);

  const invitations = await emailsSince(mark, `subject like 'Invitation%'`);
  expect(invitations.map((email) => email.to).sort()).toEqual(["benevole@repair.exemple.org", "ines@debrouillards.exemple.org"]);
});

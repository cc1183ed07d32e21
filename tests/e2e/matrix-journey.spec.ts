/**
 * Issue 4's whole journey, as a coordinator does it in a browser: a new structure, its place, an
 * offer with its hours and a closure, published, then found in the matrix, in the coverage view
 * and in the export — and out of reach of another structure's admin.
 */
import { readXlsx } from "@/lib/spreadsheet/xlsx";
import { expect, expectAccessible, test } from "./fixtures";
import { signInFast } from "./auth";

const STRUCTURE = "Atelier numérique des Coteaux";
const OFFER = "Démarches en ligne faites avec vous, pour les séniors";

test("a coordinator builds a structure's offer from nothing, publishes it, and finds it everywhere", async ({ page, browser }) => {
  test.setTimeout(240_000); // six forms, each checked by axe, on a two-core machine
  await signInFast(page, "coordination@val-de-lise.exemple.fr");

  // 1. The structure.
  await page.goto("/territoires/val-de-lise");
  await page.getByRole("link", { name: "Ajouter une structure" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ajouter une structure");
  await expectAccessible(page);
  await page.getByLabel("Nom de la structure").fill(STRUCTURE);
  await page.getByLabel("Téléphone").fill("03 23 82 10 10");
  await page.getByLabel("SIRET").fill("732 829 320 00075");
  await page.getByLabel("Présentation").click();
  await expect(page.getByText("Ce SIRET n'existe pas : vérifiez les chiffres (clé de contrôle).")).toBeVisible();
  await page.getByLabel("SIRET").fill("732 829 320 00074");
  await page.getByLabel("Type de structure").selectOption({ label: "Associations" });
  await page.getByLabel("Conseillers numériques").check();
  await page.getByRole("button", { name: "Créer la structure" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(STRUCTURE);
  await expect(page.getByText("Structure créée.")).toBeVisible();
  await expect(page.getByText("Associations, Conseillers numériques")).toBeVisible();
  const structureUrl = new URL(page.url()).pathname;
  await expect(page.getByText(/^Fiche vérifiée le .* par Claire Martin\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Rien n'a changé sur la fiche" }).click();
  await expect(page.getByText("La fiche de la structure est confirmée à jour.")).toBeVisible();
  await expectAccessible(page);

  // 2. Its place.
  await page.getByRole("link", { name: "Ajouter un lieu" }).click();
  await page.getByLabel("Nom du lieu").fill("Salle des Coteaux");
  await page.getByLabel("Numéro et voie").fill("4 rue des Vignes");
  await page.getByLabel("Code postal").fill("02130");
  await page.getByLabel("Commune").fill("Fère-en-Tardenois");
  await page.getByRole("button", { name: "Créer le lieu" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lieu : Salle des Coteaux");
  const placeUrl = new URL(page.url()).pathname;

  // 3. The offer.
  await page.goto(structureUrl);
  await page.getByRole("link", { name: "Ajouter une offre" }).click();
  await page.getByLabel("Intitulé de l'offre").fill(OFFER);
  await page.getByRole("group", { name: "Besoins auxquels l'offre répond" }).getByLabel("Aide aux démarches administratives").check();
  await page.getByRole("group", { name: "Posture d'accompagnement" }).getByLabel("Faire avec").check();
  await page.getByRole("group", { name: "Publics" }).getByLabel("Séniors").check();
  await page.getByRole("group", { name: "Comment venir" }).getByLabel("Sur rendez-vous").check();
  await page.getByRole("group", { name: "Lieux où l'offre est proposée" }).getByLabel(/^Salle des Coteaux/).check();
  await page.getByLabel("Documents à apporter").fill("Pièce d'identité\nIdentifiants FranceConnect");
  await page.getByRole("button", { name: "Créer l'offre (brouillon)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Offre : ${OFFER}`);
  const offerUrl = new URL(page.url()).pathname;

  // 4. Its own hours at the place, with a closure.
  await page.getByRole("link", { name: "Horaires de l'offre" }).click();
  await page.getByRole("link", { name: "Modifier les horaires de l'offre à « Salle des Coteaux »" }).click();
  await page.getByLabel("Horaires propres à cette offre").check();
  await page.getByLabel("Mardi, créneau 1, ouverture", { exact: true }).fill("09:00");
  await page.getByLabel("Mardi, créneau 1, fermeture", { exact: true }).fill("12:00");
  await page.getByLabel("Jeudi, créneau 1, ouverture", { exact: true }).fill("14:00");
  await page.getByLabel("Jeudi, créneau 1, fermeture", { exact: true }).fill("17:00");
  await page.getByLabel("Exception 1, premier jour", { exact: true }).fill("2027-08-02");
  await page.getByLabel("Exception 1, dernier jour", { exact: true }).fill("2027-08-20");
  await page.getByLabel("Exception 1, motif", { exact: true }).fill("congés d'été");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Enregistrer les horaires" }).click();
  await expect(page.getByText("Horaires enregistrés.")).toBeVisible();

  // 5. Published.
  await page.goto(offerUrl);
  await page.getByRole("button", { name: "Publier l'offre" }).click();
  await expect(page.getByText(`« ${OFFER} » est publiée`)).toBeVisible();

  // 6. In the matrix, with its hours in plain French, and in the export.
  await page.goto("/territoires/val-de-lise/matrice");
  const row = page.getByRole("row").filter({ hasText: OFFER });
  await expect(row).toContainText(STRUCTURE);
  await expect(row).toContainText("le mardi de 9 h à 12 h ; le jeudi de 14 h à 17 h");
  await expect(row).toContainText("4 rue des Vignes, Fère-en-Tardenois");
  await page.getByLabel("Structure").selectOption({ label: STRUCTURE });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("row")).toHaveCount(2);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en XLSX (Excel, LibreOffice)" }).click();
  const [sheet] = await readXlsx(Buffer.concat(await (await (await download).createReadStream()).toArray()));
  expect(sheet!.rows).toHaveLength(2);
  expect(sheet!.rows[1]!.slice(0, 2)).toEqual([STRUCTURE, OFFER]);

  // 7. In the coverage view: one offer now answers administrative procedures for seniors.
  await page.goto("/territoires/val-de-lise/couverture");
  const publics = page.getByRole("region", { name: "Besoins × publics" });
  const header = await publics.getByRole("columnheader").allTextContents();
  const seniors = header.indexOf("Séniors");
  expect(seniors).toBeGreaterThan(0);
  const cell = publics.getByRole("row").filter({ hasText: "Aide aux démarches administratives" }).getByRole("cell").nth(seniors - 1);
  await expect(cell).not.toContainText("Aucun acteur");

  // 8. Another structure's admin may not edit any of it.
  const other = await (await browser.newContext()).newPage();
  await signInFast(other, "direction@franceservices.exemple.fr");
  for (const path of [`${structureUrl}/modifier`, `${structureUrl}/offres/nouvelle`, offerUrl, `${offerUrl}/horaires`, placeUrl, `${placeUrl}/horaires`]) {
    expect((await other.goto(path))?.status(), path).toBe(404);
  }
  await other.context().close();
});

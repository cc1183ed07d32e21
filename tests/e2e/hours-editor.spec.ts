import type { Page } from "@playwright/test";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { signInFast } from "./auth";
import { withDatabase } from "./outbox";

// A week of slots and exceptions is a large form: axe takes a while on it on a busy machine.
test.describe.configure({ timeout: 90_000 });

const COORDINATOR = "coordination@val-de-lise.exemple.fr";

/** A demo place's hours page, by the place's name. */
const placeHoursPage = (placeName: string) =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; structureId: string }>(`select id, "structureId" from "Place" where name = $1`, [placeName]);
    return `/structures/${rows[0]!.structureId}/lieux/${rows[0]!.id}/horaires`;
  });

const offerHoursPage = (title: string) =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; structureId: string }>(`select id, "structureId" from "Offer" where title = $1`, [title]);
    return `/structures/${rows[0]!.structureId}/offres/${rows[0]!.id}/horaires`;
  });

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const saved = (page: Page) => page.getByTestId("horaires-enregistres");

test("a coordinator sets a place's week, a closure and the holiday rule; they read back in plain French", async ({ page }) => {
  await signInFast(page, COORDINATOR);
  await page.goto(await placeHoursPage("Salle des fêtes de Charly"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Horaires : Salle des fêtes de Charly");
  await expect(saved(page)).toHaveText("le samedi de 9 h 30 à 12 h 30 ; fermé les jours fériés");
  await expectAccessible(page);

  await field(page, "Mardi, créneau 1, ouverture").fill("10:00");
  await field(page, "Mardi, créneau 1, fermeture").fill("12:00");
  await page.getByRole("button", { name: "Ajouter un créneau le mardi" }).click();
  await field(page, "Mardi, créneau 2, ouverture").fill("14:00");
  await field(page, "Mardi, créneau 2, fermeture").fill("17:00");
  await field(page, "Jeudi, créneau 1, ouverture").fill("10:00");
  await field(page, "Jeudi, créneau 1, fermeture").fill("17:00");
  await field(page, "Vendredi, créneau 1, ouverture").fill("09:00");
  await field(page, "Vendredi, créneau 1, fermeture").fill("11:00");
  await field(page, "Vendredi, créneau 1, sur rendez-vous").check();
  await field(page, "Exception 1, premier jour").fill("2027-03-01");
  await field(page, "Exception 1, dernier jour").fill("2027-03-05");
  await field(page, "Exception 1, motif").fill("travaux");
  await page.getByLabel("Ouvert les jours fériés, aux horaires habituels").check();

  const expected =
    "le mardi de 10 h à 12 h et de 14 h à 17 h ; le jeudi de 10 h à 17 h ; le samedi de 9 h 30 à 12 h 30 ; " +
    "le vendredi de 9 h à 11 h sur rendez-vous ; ouvert aussi les jours fériés ; fermé du 1er au 5 mars (travaux)";
  await expect(page.getByTestId("apercu")).toHaveText(expected);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Enregistrer les horaires" }).click();
  await expect(page.getByText("Horaires enregistrés.")).toBeVisible();

  // A second save from the same page starts from the version the first one made.
  await field(page, "Jeudi, créneau 1, fermeture").fill("17:30");
  await page.getByRole("button", { name: "Enregistrer les horaires" }).click();
  await expect(page.getByText("Horaires enregistrés.")).toBeVisible();
  await expect(page.getByText(/Quelqu'un d'autre a modifié/)).toHaveCount(0);

  await page.reload();
  await expect(saved(page)).toHaveText(expected.replace("le jeudi de 10 h à 17 h", "le jeudi de 10 h à 17 h 30"));
  await expect(field(page, "Vendredi, créneau 1, sur rendez-vous")).toBeChecked();
  await expect(field(page, "Exception 1, motif")).toHaveValue("travaux");
});

test("two overlapping slots: the error shows at the later one and nothing is saved", async ({ page }) => {
  await signInFast(page, COORDINATOR);
  await page.goto(await placeHoursPage("Bureau Information Jeunesse"));
  const before = await saved(page).textContent();

  await field(page, "Dimanche, créneau 1, ouverture").fill("10:00");
  await field(page, "Dimanche, créneau 1, fermeture").fill("12:00");
  await page.getByRole("button", { name: "Ajouter un créneau le dimanche" }).click();
  await field(page, "Dimanche, créneau 2, ouverture").fill("11:00");
  await field(page, "Dimanche, créneau 2, fermeture").fill("13:00");
  await page.getByRole("button", { name: "Enregistrer les horaires" }).click();

  const opens = field(page, "Dimanche, créneau 2, ouverture");
  await expect(opens).toHaveAttribute("aria-invalid", "true");
  const errorId = await opens.getAttribute("aria-describedby");
  await expect(page.locator(`#${errorId}`)).toHaveText(
    "Ce créneau chevauche celui de 10 h à 12 h du dimanche : corrigez l'un des deux, ou réunissez-les en un seul créneau.",
  );
  await expect(field(page, "Dimanche, créneau 1, ouverture")).not.toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.reload();
  await expect(saved(page)).toHaveText(before!);
  await expect(field(page, "Dimanche, créneau 1, ouverture")).toHaveValue("");
});

test("with JavaScript, a field error the server finds shows next to its field, and nothing is saved", async ({ page }) => {
  await signInFast(page, COORDINATOR);
  await page.goto(await placeHoursPage("Bureau Information Jeunesse"));
  const before = await saved(page).textContent();
  const closes = field(page, "Lundi, créneau 1, fermeture");
  await expect(field(page, "Lundi, créneau 1, ouverture")).toHaveValue("10:00");
  // The browser's check sees what was typed through the page's events; a value set without them
  // (an out-of-date page, an extension) reaches only the server: its answer must land on the field.
  await closes.evaluate((input: HTMLInputElement) => {
    input.value = "09:00";
  });
  await page.getByRole("button", { name: "Enregistrer les horaires" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Corrigez les champs signalés." })).toBeVisible();
  await expect(closes).toHaveAttribute("aria-invalid", "true");
  await expect(closes).toHaveAccessibleDescription(/^La fermeture doit être après l'ouverture\. Pour une ouverture qui passe minuit/);
  await expect(field(page, "Lundi, créneau 1, ouverture")).not.toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.reload();
  await expect(saved(page)).toHaveText(before!);
  await expect(field(page, "Lundi, créneau 1, fermeture")).toHaveValue("12:00");
});

test("a day's hours are copied onto the following days", async ({ page }) => {
  await signInFast(page, COORDINATOR);
  await page.goto(await placeHoursPage("Bureau Information Jeunesse"));
  await field(page, "Lundi, créneau 1, fermeture").fill("12:30");
  await page.getByRole("button", { name: "Copier ces horaires sur les jours suivants (du mardi au vendredi)" }).click();
  await expect(field(page, "Vendredi, créneau 1, fermeture")).toHaveValue("12:30");
  await expect(field(page, "Vendredi, créneau 2, ouverture")).toHaveValue("14:00");
  await expect(page.getByTestId("apercu")).toHaveText("du lundi au vendredi de 10 h à 12 h 30 et de 14 h à 18 h ; fermé les jours fériés");
});

test("without JavaScript, the editor is filled in, checked by the server, keeps what was typed, and saves", async ({ browser, page: checker }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInFast(page, COORDINATOR);
  await page.goto(await placeHoursPage("Maison de quartier des Tilleuls"));
  await expect(field(page, "Lundi, créneau 1, ouverture")).toHaveValue("09:00");
  await expect(page.getByRole("button", { name: /Ajouter un créneau/ })).toHaveCount(0);

  await field(page, "Samedi, créneau 1, ouverture").fill("14:00");
  await field(page, "Samedi, créneau 1, fermeture").fill("12:00");
  await field(page, "Exception 1, premier jour").fill("2027-07-14");
  await field(page, "Exception 1, fermé ou horaires spéciaux").selectOption("special");
  await field(page, "Exception 1, ouverture spéciale").fill("10:00");
  await field(page, "Exception 1, fermeture spéciale").fill("12:00");
  await field(page, "Exception 1, motif").fill("horaires d'été");
  await page.getByRole("button", { name: "Enregistrer les horaires" }).click();

  await expect(page.getByText(/^La fermeture doit être après l'ouverture\. Pour une ouverture qui passe minuit/)).toBeVisible();
  await expect(field(page, "Samedi, créneau 1, fermeture")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Samedi, créneau 1, fermeture")).toHaveAccessibleDescription(/^La fermeture doit être après l'ouverture\./);
  await expect(field(page, "Samedi, créneau 1, ouverture")).toHaveValue("14:00");
  await expect(field(page, "Exception 1, motif")).toHaveValue("horaires d'été");
  await expectAccessibleWithoutScript(page, checker);

  await field(page, "Samedi, créneau 1, fermeture").fill("17:00");
  await page.getByRole("button", { name: "Enregistrer les horaires" }).click();
  await expect(page.getByText("Horaires enregistrés.")).toBeVisible();
  await expect(saved(page)).toContainText("le samedi de 14 h à 17 h");
  await expect(saved(page)).toContainText("le 14 juillet : de 10 h à 12 h (horaires d'été)");
  await context.close();
});

test("a structure admin may not open another structure's hours", async ({ page }) => {
  await signInFast(page, "direction@franceservices.exemple.fr");
  expect((await page.goto(await placeHoursPage("Salle des fêtes de Charly")))?.status()).toBe(404);
  expect((await page.goto(await offerHoursPage("Ordinateurs en accès libre")))?.status()).toBe(404);
  // Their own structure's place opens.
  expect((await page.goto(await placeHoursPage("Espace France Services")))?.status()).toBe(200);
});

test("an offer gets its own hours at its place, instead of the place's", async ({ page }) => {
  await signInFast(page, COORDINATOR);
  await page.goto(await offerHoursPage("Ordinateurs en accès libre"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Horaires : Ordinateurs en accès libre");
  const block = page.getByRole("listitem").filter({ hasText: "Espace public numérique" });
  await expect(block).toContainText("Mêmes horaires que le lieu : le mercredi de 14 h à 18 h");
  await expectAccessible(page);

  await block.getByRole("link", { name: "Modifier les horaires de l'offre à « Espace public numérique »" }).click();
  await page.getByLabel("Horaires propres à cette offre").check();
  // The week starts from the place's hours.
  await expect(field(page, "Mercredi, créneau 1, ouverture")).toHaveValue("14:00");
  await field(page, "Mercredi, créneau 1, ouverture").fill("15:00");
  await field(page, "Mercredi, créneau 1, fermeture").fill("17:00");
  await page.getByRole("button", { name: "Retirer le créneau 1 du samedi" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Enregistrer les horaires" }).click();
  await expect(page.getByText("Horaires enregistrés.")).toBeVisible();

  await page.getByRole("link", { name: "Retour aux horaires de l'offre" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Espace public numérique" })).toContainText(
    "Horaires propres à cette offre : le mercredi de 15 h à 17 h ; fermé les jours fériés",
  );
});

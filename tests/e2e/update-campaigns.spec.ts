/**
 * Issue 21: an update campaign on the demo territory, end to end. The coordinator launches it; the
 * structures answer through the link in their email, without an account (one without
 * JavaScript); one never answers, is reminded, and is flagged on the public page when the
 * campaign is closed; the campaign's counts match. And the later of two saves of one offer —
 * the coordinator in the workspace, the structure through its link — is refused with both versions.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { signInFast } from "./auth";
import { emailsSince, outboxMark, withDatabase, type OutboxMark } from "./outbox";

const COORDINATOR = "coordination@val-de-lise.exemple.fr";

// Journeys across three or four browsers, each page checked by axe: 28 s here, 33 s on CI's machine.
test.describe.configure({ timeout: 120_000 });

async function launch(page: Page, title: string, structures: string[]) {
  await page.goto("/territoires/val-de-lise/campagnes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Campagnes de mise à jour");
  await page.getByLabel("Titre de la campagne").fill(title);
  await page.getByLabel("Celles que je coche ci-dessous").check();
  for (const name of structures) await page.getByLabel(name, { exact: true }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Lancer la campagne" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Campagne : ${title}`);
}

/** The review link each structure received (by address), waiting for the campaign worker. */
async function reviewLinks(mark: OutboxMark, count: number, subject = "Mise à jour de vos informations") {
  for (let attempt = 0; attempt < 100; attempt++) {
    const emails = await emailsSince(mark, `subject like $2`, [`${subject}%`]);
    if (emails.length >= count) {
      return new Map(emails.map((email) => [email.to, email.text.match(/https?:\/\/\S+\/mise-a-jour\/[0-9a-f]{64}/)![0]]));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The campaign's emails were not written.");
}

async function withoutAccount(browser: Browser, javaScriptEnabled = true) {
  return (await browser.newContext({ javaScriptEnabled, locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
}

test("a campaign: one structure answers « rien n'a changé » for all, one corrects its hours, one is reminded then flagged; the counts match", async ({ page, browser }) => {
  await signInFast(page, COORDINATOR);
  const mark = await outboxMark();
  await launch(page, "Mise à jour de printemps", ["Repair café du Val de Lise", "Centre social des Tilleuls", "Bureau Information Jeunesse"]);
  await expect(page.getByRole("status").first()).toContainText("3 structures interrogées");
  const links = await reviewLinks(mark, 3);

  // The Repair café, on a phone without JavaScript: everything is still true.
  const repair = await withoutAccount(browser, false);
  await repair.goto(links.get("repaircafe@val-de-lise.exemple.org")!);
  await expect(repair.getByRole("heading", { level: 1 })).toHaveText("Mise à jour : Repair café du Val de Lise");
  await expectAccessibleWithoutScript(repair, await withoutAccount(browser));
  await repair.getByRole("button", { name: "Tout le reste est à jour : rien n'a changé" }).first().click();
  await expect(repair.getByTestId("progression")).toHaveText(/^(\d+) éléments sur \1 vérifiés\.$/);

  // The centre social corrects a place's hours with the hours editor, then confirms the rest.
  const tilleuls = await withoutAccount(browser);
  await tilleuls.goto(links.get("accueil@centre-social-tilleuls.exemple.org")!);
  await expectAccessible(tilleuls);
  await tilleuls.getByRole("link", { name: "Corriger les horaires : le lieu « Maison de quartier des Tilleuls »" }).click();
  await expect(tilleuls.getByRole("heading", { level: 1 })).toHaveText("Horaires : Maison de quartier des Tilleuls");
  await tilleuls.getByLabel("Dimanche, créneau 1, ouverture", { exact: true }).fill("10:00");
  await tilleuls.getByLabel("Dimanche, créneau 1, fermeture", { exact: true }).fill("12:00");
  await tilleuls.getByRole("button", { name: "Enregistrer les horaires" }).click();
  await expect(tilleuls.getByText("Merci : horaires enregistrés.")).toBeVisible();
  await tilleuls.getByRole("link", { name: /Retour à la mise à jour/ }).click();
  const place = tilleuls.getByRole("article", { name: "Maison de quartier des Tilleuls", exact: true });
  await expect(place.getByTestId("reponse")).toContainText("Corrigé le");
  await expect(place).toContainText("le dimanche de 10 h à 12 h");
  await tilleuls.getByRole("button", { name: "Tout le reste est à jour : rien n'a changé" }).first().click();
  await expect(tilleuls.getByTestId("progression")).toHaveText(/^(\d+) éléments sur \1 vérifiés\.$/);
  await expectAccessible(tilleuls);

  // The BIJ never answers: the coordinator reminds it, then closes the campaign.
  await page.reload();
  const counts = page.getByTestId("campagne-comptes");
  await expect(counts).toContainText("Structures interrogées3");
  await expect(counts).toContainText("Ont répondu2");
  await expect(counts).toContainText("… avec des changements1");
  await expect(counts).toContainText("… rien n'a changé1");
  await expect(counts).toContainText("Pas de réponse1");
  await expect(page.getByRole("row", { name: /Bureau Information Jeunesse/ })).toContainText("Pas de réponse");
  await expectAccessible(page);
  const beforeReminder = await outboxMark();
  await page.getByRole("button", { name: "Relancer maintenant les structures sans réponse complète" }).click();
  await expect(page.getByText("Relance envoyée à 1 structure sans réponse complète.")).toBeVisible();
  const reminders = await reviewLinks(beforeReminder, 1, "Rappel");
  expect([...reminders.keys()]).toEqual(["bij@saint-aubin-sur-lise.exemple.fr"]);
  await page.reload();
  await expect(page.getByRole("row", { name: /Bureau Information Jeunesse/ })).toContainText("1 relance");
  await page.getByRole("button", { name: "Clore la campagne" }).click();
  await expect(page.getByText(/Campagne close : les liens ne fonctionnent plus\. \d+ offres? non confirmées? (sont signalées|est signalée)/)).toBeVisible();

  // The BIJ's link now says so in plain words; its offer is flagged for residents.
  const bij = await withoutAccount(browser);
  await bij.goto(reminders.get("bij@saint-aubin-sur-lise.exemple.fr")!);
  await expect(bij.getByRole("heading", { level: 1 })).toHaveText("Cette campagne de mise à jour est terminée");
  await expectAccessible(bij);
  const offerId = await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `select o.id from "Offer" o join "Structure" s on s.id = o."structureId" where s.name = 'Bureau Information Jeunesse' and o.status = 'published' limit 1`,
    );
    return rows[0]!.id;
  });
  await bij.goto(`/t/val-de-lise/offres/${offerId}`);
  await expect(bij.getByText(/Informations non vérifiées depuis le .+ : la structure ne les a pas confirmées/)).toBeVisible();
});

test("the coordinator and the structure edit one offer at once: the later save is refused with both versions shown", async ({ page, browser }) => {
  await signInFast(page, COORDINATOR);
  const mark = await outboxMark();
  await launch(page, "Vérification des tarifs", ["Médiathèque Jean-de-La-Fontaine"]);
  const [link] = [...(await reviewLinks(mark, 1)).values()];

  const structure = await withoutAccount(browser);
  await structure.goto(link!);
  await structure.getByRole("link", { name: /^Corriger l'offre/ }).first().click();
  await structure.waitForURL(/\/offres\/[0-9a-f-]{36}$/);
  const offerPath = structure.url();
  const offerId = offerPath.split("/").at(-1)!;
  const structureId = await withDatabase(async (client) => (await client.query<{ structureId: string }>(`select "structureId" from "Offer" where id = $1`, [offerId])).rows[0]!.structureId);

  await page.goto(`/structures/${structureId}/offres/${offerId}`);
  await page.getByLabel("Précisions sur le tarif").fill("Gratuit pour les abonnés");
  await page.getByRole("button", { name: "Enregistrer l'offre" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();

  await structure.getByLabel("Précisions sur le tarif").fill("2 € la séance");
  await structure.getByRole("button", { name: "Enregistrer la correction" }).click();
  await expect(structure.getByRole("alert").first()).toContainText("Quelqu'un d'autre a enregistré cette offre pendant que vous la modifiiez");
  const versions = structure.getByRole("table", { name: "Les deux versions" });
  await expect(versions.getByRole("row", { name: /précisions sur le tarif/ })).toContainText("Gratuit pour les abonnés");
  await expect(versions.getByRole("row", { name: /précisions sur le tarif/ })).toContainText("2 € la séance");
  // Nothing was lost: the form still holds what the structure typed.
  await expect(structure.getByLabel("Précisions sur le tarif")).toHaveValue("2 € la séance");
  await expectAccessible(structure);
});

test("a summer campaign: a structure gives a place's hours for the period, which become a dated exception", async ({ page, browser }) => {
  await signInFast(page, COORDINATOR);
  const mark = await outboxMark();
  // A period a month ahead, on the machine's calendar (the server's too).
  const day = (offset: number) => new Date(Date.now() + offset * 24 * 3_600_000).toISOString().slice(0, 10);
  await page.goto("/territoires/val-de-lise/campagnes");
  await page.getByLabel("Titre de la campagne").fill("Horaires d'été");
  await page.getByLabel("Celles que je coche ci-dessous").check();
  await page.getByLabel(/^CCAS de Château-Thierry/).check();
  await page.getByLabel(/Demander les horaires d'une période/).check();
  await page.getByLabel("Du", { exact: true }).fill(day(30));
  await page.getByLabel("Au (inclus)", { exact: true }).fill(day(60));
  await page.getByRole("button", { name: "Lancer la campagne" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Campagne : Horaires d'été");
  const [link] = [...(await reviewLinks(mark, 1)).values()];

  const ccas = await withoutAccount(browser);
  await ccas.goto(link!);
  const place = ccas.getByRole("article", { name: "CCAS", exact: true });
  await place.getByLabel("Horaires particuliers, chaque jour d'ouverture :").check();
  await place.getByLabel("Ouverture", { exact: true }).fill("09:00");
  await place.getByLabel("Fermeture", { exact: true }).fill("08:00");
  await place.getByRole("button", { name: /Enregistrer les horaires de la période/ }).click();
  await expect(place.getByText("La fermeture doit venir après l'ouverture.")).toBeVisible();
  await expectAccessible(ccas);
  await place.getByLabel("Fermeture", { exact: true }).fill("12:00");
  await place.getByRole("button", { name: /Enregistrer les horaires de la période/ }).click();
  await expect(ccas.getByRole("article", { name: "CCAS", exact: true })).toContainText(": de 9 h à 12 h (Horaires d'été)");
  await expect(ccas.getByRole("article", { name: "CCAS", exact: true }).getByTestId("reponse")).toContainText("Horaires de la période indiqués");
});

test("a link that is not one says so, and saves nothing", async ({ page }) => {
  await page.goto(`/mise-a-jour/${"0".repeat(64)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce lien n'est pas valable");
  await expectAccessible(page);
});

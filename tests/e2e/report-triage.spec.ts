/**
 * Issue 21: the public's error reports triaged. Two residents report the same offer (one without
 * JavaScript); the coordinator finds one case with both reports in the territory's queue, takes it,
 * marks it fixed — the resident who left an address is thanked, with nothing personal —; a
 * rejection needs its reason; a structure's admin sees only their structure's queue.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { signInFast } from "./auth";
import { emailsSince, outboxMark, withDatabase } from "./outbox";

const REPAIR = "Réparer ensemble ordinateurs et smartphones";

const idsOf = (title: string) =>
  withDatabase(async (client) => (await client.query<{ id: string; structureId: string }>(`select id, "structureId" from "Offer" where title = $1`, [title])).rows[0]!);

/**
 * Other tests report errors too, from the same address (127.0.0.1), on this offer among others
 * (faults.spec.ts): this test starts with a fresh budget and no open case on its offer.
 */
const freshStart = (offerId: string) =>
  withDatabase(async (client) => {
    await client.query(`delete from "RateLimitHit" where key like 'offer-report:%'`);
    await client.query(`update "ErrorReport" set status = 'rejected', note = 'Essai d''un autre test' where "offerId" = $1 and status in ('new', 'in_progress')`, [offerId]);
  });

async function report(page: Page, subject: string, message: string, email = "") {
  await page.getByLabel(subject).check();
  await page.getByLabel("Précisez (facultatif)").fill(message);
  if (email) await page.getByLabel("Votre courriel, si vous voulez une réponse (facultatif)").fill(email);
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByText("Merci : votre signalement a été transmis.")).toBeVisible();
}

async function resident(browser: Browser, javaScriptEnabled: boolean) {
  return (await browser.newContext({ javaScriptEnabled, locale: "fr-FR" })).newPage();
}

test("two reports on one offer make one case; the coordinator takes it and marks it fixed; the reporter is thanked", async ({ page, browser }) => {
  test.slow(); // several people, each in their own browser, each page checked by axe: near 30 s on a busy machine
  const offer = await idsOf(REPAIR);
  await freshStart(offer.id);
  const noScript = await resident(browser, false);
  await noScript.goto(`/t/val-de-lise/offres/${offer.id}`);
  await report(noScript, "Les horaires", "Fermé le samedi depuis la rentrée.", "habitant@exemple.fr");
  const withScript = await resident(browser, true);
  await withScript.goto(`/t/val-de-lise/offres/${offer.id}`);
  await report(withScript, "Le téléphone", "Le numéro sonne dans le vide.");

  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto("/territoires/val-de-lise");
  await page.getByRole("link", { name: "Erreurs signalées par le public" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erreurs signalées par le public");
  const item = page.getByRole("article", { name: new RegExp(REPAIR) });
  await expect(item).toContainText("Nouveau · 2 signalements");
  await expect(item).toContainText("les horaires — « Fermé le samedi depuis la rentrée. » (pour répondre : habitant@exemple.fr)");
  await expect(item).toContainText("le téléphone — « Le numéro sonne dans le vide. »");
  await expect(item.getByRole("link", { name: `Corriger l'offre « ${REPAIR} »` })).toHaveAttribute("href", `/structures/${offer.structureId}/offres/${offer.id}`);
  await expectAccessible(page);

  // A rejection needs its reason, said next to the field.
  await item.getByRole("button", { name: "Rejeter" }).click();
  await expect(item.getByText("Dites pourquoi ce signalement est rejeté")).toBeVisible();
  await expectAccessible(page);

  await item.getByRole("button", { name: "Prendre en charge" }).click();
  await expect(item).toContainText("En cours · 2 signalements");
  const mark = await outboxMark();
  await item.getByRole("button", { name: "Corrigé" }).click();
  await expect(page.getByRole("article", { name: new RegExp(REPAIR) })).toHaveCount(0);
  await page.getByLabel("Signalements").selectOption("fixed");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("article", { name: new RegExp(REPAIR) })).toContainText("Corrigé · 2 signalements");

  const thanks = await emailsSince(mark, `"to" = $2`, ["habitant@exemple.fr"]);
  expect(thanks).toHaveLength(1);
  expect(thanks[0]!.text).toContain(`/t/val-de-lise/offres/${offer.id}`);
  expect(thanks[0]!.text).not.toContain("coordination@");
  await expectAccessibleWithoutScript(noScript, withScript);
});

test("a structure's admin sees the queue of their structure only", async ({ page }) => {
  const repair = await idsOf(REPAIR);
  await signInFast(page, "direction@franceservices.exemple.fr");
  const franceServices = await withDatabase(async (client) => (await client.query<{ id: string }>(`select id from "Structure" where name like '%France Services%'`)).rows[0]!.id);
  await page.goto(`/structures/${franceServices}`);
  await page.getByRole("link", { name: /^Erreurs signalées/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erreurs signalées : Espace France Services du Val de Lise");
  await page.getByLabel("Signalements").selectOption("all");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByText(REPAIR)).toHaveCount(0);
  await expectAccessible(page);
  expect((await page.goto(`/structures/${repair.structureId}/signalements`))?.status()).toBe(404);
});

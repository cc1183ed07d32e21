/**
 * Issue 18, point 2 — "Done when": a mediator takes a call, fills the call sheet, redirects to a
 * partner with an accompanied transfer created from the sheet. Inès Garnier takes the calls of the
 * Réseau des espaces numériques' pre-diagnosis line: a new call, the request and its quick 3-A,
 * the assistant's suggestions, an accompanied transfer to France Services made from the sheet
 * (prefilled with the analysis), the sheet then showing the transfer's code, the call ended.
 * Without JavaScript, a request with a phone number is refused next to its field, what was typed kept;
 * and a caller is told to come to a permanence, the message sent by SMS only once consent is ticked.
 */
import { signInFast } from "./auth";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { withDatabase } from "./outbox";

test.describe.configure({ timeout: 180_000 });

const INES = "ligne@val-de-lise.exemple.fr";
const PARTNER_OFFER = "Aide aux démarches administratives en ligne"; // France Services, accepts transfers
const REQUEST = "Déclarer ses revenus en ligne";

const lineStructureId = () =>
  withDatabase(async (client) => (await client.query<{ id: string }>(`select "structureId" as id from "Offer" where "phoneLine" limit 1`)).rows[0]!.id);

const callAt = (url: string) =>
  withDatabase(async (client) => {
    const id = new URL(url).pathname.split("/")[4]!;
    const { rows } = await client.query(`select * from "PhoneCall" where id = $1`, [id]);
    return rows[0] as Record<string, unknown>;
  });

test("Inès takes a call, fills the call sheet and redirects the person with an accompanied transfer made from it", async ({ page, browser }) => {
  const structureId = await lineStructureId();
  await signInFast(page, INES);
  await page.goto(`/structures/${structureId}`);
  await page.getByRole("link", { name: "Appels (ligne téléphonique)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appels");
  await expect(page.getByRole("heading", { level: 2, name: /Ligne d'accueil numérique/ })).toBeVisible();
  await expect(page.getByText(/Permanence téléphonique en cours|Prochaine permanence téléphonique/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Nouvel appel" }).click();
  await page.waitForURL(/\/appels\/[0-9a-f-]{36}$/);
  const callUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fiche d'appel");
  await expect(page.getByText("Indiquez le besoin, ou quelques mots de la demande")).toBeVisible();
  await expectAccessible(page);

  // 1. Accueil and 2. Analyse.
  await page.getByLabel("La demande, en quelques mots").fill(REQUEST);
  await page.getByLabel("Catégorie de la demande").selectOption({ index: 1 });
  await page.getByLabel("Le besoin").selectOption("demarches-administratives");
  await page.getByLabel("Difficulté de la demande").selectOption("moderate");
  await page.getByLabel("Urgence").selectOption("urgent");
  await page.getByLabel("Aisance avec le numérique").selectOption("beginner");
  await page.getByLabel("Ce que la personne souhaite").selectOption("faire-avec");
  await page.getByLabel("Smartphone").check();
  await page.getByRole("button", { name: "Enregistrer et voir les suggestions" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Analyse enregistrée." })).toBeVisible();
  await expect(page.getByLabel("La demande, en quelques mots")).toHaveValue(REQUEST);

  // 3. Suggestions: the partner's offer, with why, one click from an accompanied transfer.
  const suggestion = page.getByRole("article", { name: new RegExp(PARTNER_OFFER) });
  await expect(suggestion).toBeVisible();
  await expect(suggestion.getByRole("heading", { name: "Pourquoi" })).toBeVisible();
  await expectAccessible(page);
  await suggestion.getByRole("link", { name: `Transfert accompagné vers ${PARTNER_OFFER}` }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Orienter une personne");
  await expect(page.getByLabel("Nature de la demande")).toHaveValue(REQUEST);
  await expect(page.getByLabel("Transfert accompagné")).toBeChecked();
  await expect(page.getByLabel("Urgent", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Smartphone")).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Envoyer le transfert" }).click();
  await page.waitForURL(/\/transferts\/[0-9a-f-]{36}$/);
  const transferId = new URL(page.url()).pathname.split("/")[2]!;
  const transfer = await withDatabase(async (client) => (await client.query(`select * from "Transfer" where id = $1`, [transferId])).rows[0] as Record<string, unknown>);
  expect(transfer).toMatchObject({ status: "sent", level: "accompanied", urgency: "urgent", fromStructureId: structureId, needDescription: REQUEST });

  // Back on the sheet: the transfer's code, the outcome "redirected"; then the call is ended.
  await page.goto(callUrl);
  await expect(page.getByRole("link", { name: transfer.code as string }).first()).toBeVisible();
  await expect(page.getByText(/Issue notée : Orientée vers un partenaire — Aide aux démarches administratives en ligne/)).toBeVisible();
  await page.getByRole("button", { name: "Terminer l'appel" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Appel terminé." })).toBeVisible();
  await expectAccessible(page);
  const call = await callAt(callUrl);
  expect(call).toMatchObject({ transferId, outcome: "redirected", request: REQUEST });
  expect(call.durationSeconds).not.toBeNull();

  await page.goto(`/structures/${structureId}/appels`);
  await expect(page.getByRole("row").filter({ hasText: `Orientée vers un partenaire (${transfer.code as string})` })).toBeVisible();

  // Without JavaScript: a phone number in the request is refused next to its field, the words kept.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await signInFast(noScript, INES);
  await noScript.goto(`/structures/${structureId}/appels`);
  await noScript.getByRole("button", { name: "Nouvel appel" }).click();
  await noScript.waitForURL(/\/appels\/[0-9a-f-]{36}$/);
  await noScript.getByLabel("La demande, en quelques mots").fill("Rappeler au 06 12 34 56 78");
  await noScript.getByRole("button", { name: "Enregistrer et voir les suggestions" }).click();
  await expect(noScript.getByLabel("La demande, en quelques mots")).toHaveAccessibleDescription(/ni nom, ni numéro, ni adresse/);
  await expect(noScript.getByLabel("La demande, en quelques mots")).toHaveValue("Rappeler au 06 12 34 56 78");
  await expectAccessibleWithoutScript(noScript, page);
  await context.close();
});

test("without JavaScript, Inès tells a caller to come to a permanence: the message to read aloud, sent by SMS only with consent", async ({ page, browser }) => {
  const structureId = await lineStructureId();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await signInFast(noScript, INES);
  await noScript.goto(`/structures/${structureId}/appels`);
  await noScript.getByRole("button", { name: "Nouvel appel" }).click();
  await noScript.waitForURL(/\/appels\/[0-9a-f-]{36}$/);
  const callUrl = noScript.url();
  await noScript.getByLabel("La demande, en quelques mots").fill("Renouveler sa carte Vitale");
  await noScript.getByLabel("Le besoin").selectOption("demarches-administratives");
  await noScript.getByRole("button", { name: "Enregistrer et voir les suggestions" }).click();
  await expect(noScript.getByRole("article", { name: new RegExp(PARTNER_OFFER) })).toBeVisible();

  // 4. Issue de l'appel: the offer chosen (a GET form), then the message to read, sent with consent.
  await noScript.getByLabel("Offre proposée à la personne").selectOption({ label: `Espace France Services du Val de Lise — ${PARTNER_OFFER} (suggérée)` });
  await noScript.getByRole("button", { name: "Choisir cette offre" }).click();
  await expect(noScript.getByRole("heading", { name: "À lire à la personne" })).toBeVisible();
  const message = noScript.getByLabel("Le message à lire ou à envoyer");
  await expect(message).toHaveValue(/^Venez à .+ Apportez : /);
  await noScript.getByLabel("Invitée à venir à une permanence").check();
  await noScript.getByLabel("Par SMS").check();
  await noScript.getByLabel("Numéro pour le SMS").fill("06 98 76 54 32");
  await noScript.getByRole("button", { name: "Enregistrer l'issue" }).click();
  const consent = noScript.getByLabel("La personne accepte de recevoir ce message à ce numéro ou à cette adresse.");
  await expect(consent).toHaveAccessibleDescription(/Demandez l'accord de la personne/);
  await expect(noScript.getByLabel("Numéro pour le SMS")).toHaveValue("06 98 76 54 32");
  await expectAccessibleWithoutScript(noScript, page);
  await consent.check();
  await noScript.getByRole("button", { name: "Enregistrer l'issue" }).click();
  await expect(noScript.getByRole("status").filter({ hasText: "Issue enregistrée, message envoyé." })).toBeVisible();

  const call = await callAt(callUrl);
  expect(call).toMatchObject({ outcome: "come_to_permanence", messageSentBy: "sms" });
  expect(call.messageText).toMatch(/^Venez à /);
  expect(JSON.stringify(call)).not.toContain("06 98 76 54 32");
  const sms = await withDatabase(async (client) => (await client.query(`select "to" from "OutboxSms" where "to" = $1`, ["06 98 76 54 32"])).rows);
  expect(sms).toHaveLength(1);
  await context.close();
  await page.goto("about:blank");
});

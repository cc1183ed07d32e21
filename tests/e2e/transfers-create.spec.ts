import type { Page } from "@playwright/test";
import { signInFast } from "./auth";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { emailsSince, outboxMark, withDatabase } from "./outbox";

const MEDIATOR = "informaticien@lien-numerique.exemple.org"; // Lucas Petit
const OFFER = "Aide aux démarches administratives en ligne"; // France Services, accepts transfers
const PERSON_PHONE = "07 55 44 33 22";

const offerId = () =>
  withDatabase(async (client) => (await client.query<{ id: string }>(`select id from "Offer" where title = $1`, [OFFER])).rows[0]!.id);

/** A day a week from now, as a date field takes it. */
const inAWeek = () => new Date(Date.now() + 7 * 24 * 60 * 60_000).toISOString().slice(0, 10);

const transferAt = (url: string) =>
  withDatabase(async (client) => {
    const id = new URL(url).pathname.split("/")[2]!;
    const { rows } = await client.query(`select * from "Transfer" where id = $1`, [id]);
    return rows[0] as Record<string, unknown> & { id: string; code: string };
  });

async function fillBasics(page: Page, need: string) {
  // Lucas belongs to two structures of the territory: he says on whose behalf he writes.
  await page.getByLabel("Au nom de quelle structure ?").selectOption({ label: "Association Lien numérique" });
  await page.getByLabel("Nature de la demande").fill(need);
}

test("Lucas orients José to France Services: an accompanied transfer with an appointment, sent, then the fiche navette printed", async ({ page, browser }) => {
  test.slow(); // several people, each in their own browser, each page checked by axe: near 30 s on a busy machine
  const id = await offerId();
  // Anonymous visitors see the public page exactly as before.
  await page.goto(`/t/val-de-lise/offres/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(OFFER);
  await expect(page.getByRole("link", { name: "Orienter une personne vers cette offre" })).toHaveCount(0);

  await signInFast(page, MEDIATOR);
  await page.goto(`/t/val-de-lise/offres/${id}`);
  await page.getByRole("link", { name: "Orienter une personne vers cette offre" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Orienter une personne");
  await expect(page.getByRole("region", { name: OFFER })).toContainText("3 avenue de la Gare");
  await expect(page.getByLabel("Transfert accompagné")).toBeChecked();

  await fillBasics(page, "Télé-candidature France Travail : refaire le CV");
  await page.getByLabel("Urgent", { exact: true }).check();
  await page.getByLabel("Échéance (facultatif)").fill(inAWeek());
  await page.getByLabel("Ordinateur").check();
  await page.getByRole("group", { name: "CV", exact: true }).getByLabel("Prêt").check();
  await page.getByRole("group", { name: "Lettre de motivation", exact: true }).getByLabel("À apporter").check();
  await page.getByRole("group", { name: "Mandat Aidants Connect", exact: true }).getByLabel("Pas nécessaire").check();
  await page.getByLabel("Prénom ou surnom (facultatif)").fill("José");
  await page.getByLabel("La personne accepte de partager avec le partenaire les informations cochées ci-dessous.").check();
  await page.getByLabel("Ses coordonnées (téléphone, courriel)").check();
  await page.getByLabel("Téléphone de la personne").fill(PERSON_PHONE);
  await page.getByLabel("Note pour le partenaire (facultatif)").fill("Première candidature en ligne : il a besoin d'être rassuré.");
  await expect(page.getByText(/\d+ \/ 500 caractères/)).toBeVisible();
  await page.getByLabel("Date", { exact: true }).fill(inAWeek());
  await page.getByLabel("Heure", { exact: true }).fill("10:30");
  await page.getByLabel("Lieu", { exact: true }).selectOption({ label: "Espace France Services (Château-Thierry)" });
  await page.getByLabel("À qui s'adresser (facultatif)").fill("L'accueil, de la part de Lucas");
  await expectAccessible(page);

  const since = await outboxMark();
  await page.getByRole("button", { name: "Envoyer le transfert" }).click();
  await page.waitForURL(/\/transferts\/[0-9a-f-]{36}$/);
  const transfer = await transferAt(page.url());
  expect(transfer).toMatchObject({ status: "sent", level: "accompanied", urgency: "urgent", personLabel: "José", askFor: "L'accueil, de la part de Lucas" });
  expect(transfer.appointmentAt).not.toBeNull();
  expect(JSON.stringify(transfer)).not.toContain(PERSON_PHONE);
  expect(transfer.documents).toContainEqual({ label: "CV", ready: true });
  expect(transfer.documents).not.toContainEqual(expect.objectContaining({ label: "Mandat Aidants Connect" }));
  const emails = await emailsSince(since, "subject like $2", [`%${transfer.code}%`]);
  // Every member of France Services (other specs may have invited more than the demo's two).
  const members = await withDatabase(
    async (client) =>
      (
        await client.query<{ email: string }>(
          `select lower(u.email) as email from "StructureMembership" m join "User" u on u.id = m."userId" join "Structure" s on s.id = m."structureId"
           where s.name = 'Espace France Services du Val de Lise' order by 1`,
        )
      ).rows,
  );
  expect(members.map((member) => member.email)).toEqual(expect.arrayContaining(["accueil@franceservices.exemple.fr", "direction@franceservices.exemple.fr"]));
  expect(emails.map((email) => email.to).sort()).toEqual(members.map((member) => member.email).sort());

  // The fiche navette: the code big, a QR code to the public page, the appointment, no phone number.
  await page.goto(`/transferts/${transfer.id}/fiche`);
  const fiche = page.locator(".fiche-navette");
  await expect(fiche.locator(".fiche-code")).toHaveText(transfer.code);
  await expect(fiche.locator(".fiche-qr svg")).toHaveCount(1);
  await expect(fiche.locator(".fiche-qr")).toHaveAttribute("data-qr-value", new RegExp(`/fiche/${transfer.code}$`));
  await expect(fiche).toContainText("Télé-candidature France Travail");
  await expect(fiche).toContainText(/Rendez-vous le \p{L}+ \d+ \p{L}+ \d{4} à 10 h 30/u);
  await expect(fiche).toContainText("Pour : José");
  await expect(fiche).toContainText("Demander : L'accueil, de la part de Lucas");
  await expect(fiche).not.toContainText(PERSON_PHONE);
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "Toile, accueil" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeHidden();
  await expect(fiche.locator(".fiche-code")).toBeVisible();
  await expect(fiche).not.toContainText(PERSON_PHONE);
  await page.emulateMedia({ media: "screen" });

  // The public page by code, without an account: practical information only.
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(`/fiche/${transfer.code.toLowerCase()}`);
  await expect(visitor.locator(".fiche-code")).toHaveText(transfer.code);
  await expect(visitor.getByRole("heading", { name: "Où aller" })).toBeVisible();
  await expect(visitor.locator("main")).toContainText("3 avenue de la Gare");
  await expect(visitor.locator("main")).not.toContainText("José");
  await expect(visitor.locator("main")).not.toContainText(PERSON_PHONE);
  expect(await visitor.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
  await expectAccessible(visitor);

  // A hostile code is a friendly "not found".
  const response = await visitor.goto(`/fiche/${encodeURIComponent("<script>alert(1)</script>")}`);
  expect(response?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Fiche introuvable");
  await expectAccessible(visitor);
  await anonymous.close();
});

test("without JavaScript: errors next to their fields, nothing typed lost, then the transfer is created", async ({ browser, page }) => {
  const id = await offerId();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await signInFast(noScript, MEDIATOR);
  await noScript.goto(`/transferts/nouveau?offre=${id}`);
  await noScript.getByLabel("Au nom de quelle structure ?").selectOption({ label: "Association Lien numérique" });
  await noScript.getByLabel("Prénom ou surnom (facultatif)").fill("Véro");
  // A phone number without the person's consent, and no description: refused.
  await noScript.getByLabel("Téléphone de la personne").fill(PERSON_PHONE);
  await noScript.getByRole("button", { name: "Envoyer le transfert" }).click();
  await expect(noScript.getByText("Corrigez les champs signalés.")).toBeVisible();
  await expect(noScript.getByLabel("Nature de la demande")).toHaveAccessibleDescription(/Décrivez la demande/);
  await expect(noScript.getByLabel("Téléphone de la personne")).toHaveAccessibleDescription(/Sans l'accord de la personne/);
  await expect(noScript.getByLabel("Prénom ou surnom (facultatif)")).toHaveValue("Véro");
  await expect(noScript.getByLabel("Téléphone de la personne")).toHaveValue(PERSON_PHONE);
  await expectAccessibleWithoutScript(noScript, page);

  await noScript.getByLabel("Téléphone de la personne").fill("");
  await noScript.getByLabel("Nature de la demande").fill("Bloquer un contact sur les réseaux sociaux");
  await noScript.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await noScript.waitForURL(/\/transferts\/[0-9a-f-]{36}$/);
  const transfer = await transferAt(noScript.url());
  expect(transfer).toMatchObject({ status: "draft", personLabel: "Véro", personalDetailsEncrypted: null, needDescription: "Bloquer un contact sur les réseaux sociaux" });
  await context.close();
});

/** How many transfers describe this need (nothing stored after a refusal). */
const transfersFor = (need: string) =>
  withDatabase(async (client) => Number((await client.query<{ n: string }>(`select count(*) as n from "Transfer" where "needDescription" = $1`, [need])).rows[0]!.n));

test("with JavaScript, a refusal only the server can make (a deadline already past) shows next to its field; nothing is stored", async ({ page }) => {
  const need = "Renouveler un titre de séjour en ligne";
  await signInFast(page, MEDIATOR);
  await page.goto(`/transferts/nouveau?offre=${await offerId()}`);
  await fillBasics(page, need);
  // A valid date for the schema; only the server knows the territory's today.
  await page.getByLabel("Échéance (facultatif)").fill("2001-01-15");
  await page.getByRole("button", { name: "Envoyer le transfert" }).click();

  const deadline = page.getByLabel("Échéance (facultatif)");
  await expect(page.getByRole("alert").filter({ hasText: "Corrigez les champs signalés." })).toBeVisible();
  await expect(deadline).toHaveAttribute("aria-invalid", "true");
  await expect(deadline).toHaveAccessibleDescription(/L'échéance est déjà passée : indiquez une date à venir\./);
  await expect(deadline).toHaveValue("2001-01-15");
  await expect(page.getByLabel("Nature de la demande")).toHaveValue(need);
  await expectAccessible(page);
  expect(await transfersFor(need)).toBe(0);

  // Corrected, it goes.
  await deadline.fill("");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await page.waitForURL(/\/transferts\/[0-9a-f-]{36}$/);
  expect(await transfersFor(need)).toBe(1);
});

test("without JavaScript, the server's refusal of a past appointment shows next to the date, with what was typed", async ({ browser, page }) => {
  const need = "Créer une adresse courriel";
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await signInFast(noScript, MEDIATOR);
  await noScript.goto(`/transferts/nouveau?offre=${await offerId()}`);
  await fillBasics(noScript, need);
  await noScript.getByLabel("Date", { exact: true }).fill("2001-01-15");
  await noScript.getByLabel("Heure", { exact: true }).fill("10:00");
  await noScript.getByRole("button", { name: "Envoyer le transfert" }).click();

  const date = noScript.getByLabel("Date", { exact: true });
  await expect(noScript.getByText("Corrigez les champs signalés.")).toBeVisible();
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(date).toHaveAccessibleDescription(/Ce rendez-vous est déjà passé/);
  await expect(date).toHaveValue("2001-01-15");
  await expect(noScript.getByLabel("Heure", { exact: true })).toHaveValue("10:00");
  await expect(noScript.getByLabel("Nature de la demande")).toHaveValue(need);
  await expectAccessibleWithoutScript(noScript, page);
  expect(await transfersFor(need)).toBe(0);
  await context.close();
});

test("a double click on « Envoyer » creates one transfer", async ({ page }) => {
  await signInFast(page, MEDIATOR);
  await page.goto(`/transferts/nouveau?offre=${await offerId()}`);
  const need = `Double clic ${Date.now()}`;
  await fillBasics(page, need);
  const key = await page.locator('input[name="idempotencyKey"]').inputValue();
  await page.getByRole("button", { name: "Envoyer le transfert" }).dblclick();
  await page.waitForURL(/\/transferts\/[0-9a-f-]{36}$/);
  const count = await withDatabase(
    async (client) => (await client.query<{ count: string }>(`select count(*) from "Transfer" where "needDescription" = $1 or "idempotencyKey" = $2`, [need, key])).rows[0]!.count,
  );
  expect(Number(count)).toBe(1);
});

test("from the matrix: warnings to confirm before sending, and only a simple transfer to an offer that does not take transfers", async ({ page }) => {
  await signInFast(page, MEDIATOR);
  await page.goto("/territoires/val-de-lise/matrice");
  // The CCAS offer: for people of 60 and over, not verified for 9 months.
  await page.getByRole("link", { name: "Orienter une personne vers « Démarches en ligne faites pour vous, à partir de 60 ans »" }).click();
  const warnings = page.getByRole("region", { name: "Avant d'envoyer" });
  await expect(warnings).toContainText("n'ont pas été vérifiées depuis plus de 6 mois");
  await fillBasics(page, "Déclarer ses revenus en ligne");
  await page.getByLabel("Tranche d'âge").selectOption({ label: "26 à 59 ans" });
  await expect(warnings).toContainText("réservée aux personnes à partir de 60 ans");
  await page.getByRole("button", { name: "Envoyer le transfert" }).click();
  await expect(page.getByLabel("Je transfère quand même")).toHaveAccessibleDescription(/cochez « Je transfère quand même »/);
  await expectAccessible(page);
  await page.getByLabel("Je transfère quand même").check();
  await page.getByRole("button", { name: "Envoyer le transfert" }).click();
  await page.waitForURL(/\/transferts\/[0-9a-f-]{36}$/);
  expect(await transferAt(page.url())).toMatchObject({ status: "sent", level: "accompanied" });

  // From the structure overview: each published offer of his own structure has the link too.
  const structureId = async (name: string) =>
    withDatabase(async (client) => (await client.query<{ id: string }>(`select id from "Structure" where name = $1`, [name])).rows[0]!.id);
  await page.goto(`/structures/${await structureId("Association Lien numérique")}`);
  await expect(page.getByRole("link", { name: "Orienter une personne vers « Permanence de l'informaticien public »" })).toBeVisible();

  // France Services' free-access computers do not take transfers: only a simple one.
  const libreAcces = await withDatabase(
    async (client) => (await client.query<{ id: string }>(`select id from "Offer" where title = 'Ordinateur, imprimante et scanner en libre accès'`)).rows[0]!.id,
  );
  await page.goto(`/transferts/nouveau?offre=${libreAcces}`);
  await expect(page.getByLabel("Transfert accompagné")).toBeDisabled();
  await expect(page.getByLabel("Transfert simple")).toBeChecked();
  await expect(page.getByRole("region", { name: "Avant d'envoyer" })).toContainText("seul un transfert simple est possible");
  await fillBasics(page, "Imprimer une attestation");
  await page.getByRole("button", { name: "Envoyer le transfert" }).click();
  await page.waitForURL(/\/transferts\/[0-9a-f-]{36}$/);
  expect(await transferAt(page.url())).toMatchObject({ status: "sent", level: "simple" });
});

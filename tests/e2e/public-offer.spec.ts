import type { Page } from "@playwright/test";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { emailsSince, outboxMark, withDatabase } from "./outbox";

test.use({ viewport: { width: 390, height: 844 } });

const offerId = (title: string) =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`select id from "Offer" where title = $1`, [title]);
    return rows[0]!.id;
  });
const CCAS = "Démarches en ligne faites pour vous, à partir de 60 ans";
const offerUrl = async (title = CCAS) => `/t/val-de-lise/offres/${await offerId(title)}`;

async function report(page: Page, subject: string, message: string) {
  await page.getByLabel(subject).check();
  await page.getByLabel("Précisez (facultatif)").fill(message);
  // Wait for the server action's answer.
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    page.getByRole("button", { name: "Envoyer le signalement" }).click(),
  ]);
  await expect(page.getByRole("button", { name: "Envoyer le signalement" })).toBeEnabled();
}

test("a resident on a phone reads an offer: when it opens, where, what to bring, whom to call; it prints", async ({ page }) => {
  await page.goto(await offerUrl());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CCAS);
  await expect(page).toHaveTitle(/Démarches en ligne faites pour vous.*CCAS de Château-Thierry/);
  // Open on Tuesday and Thursday afternoons only: the page says whether it is open, or when it opens.
  const today = page.getByRole("region", { name: "Aujourd'hui" });
  await expect(today).toContainText(/Ouvert maintenant, jusqu'à 17 h|Fermé.*ouvre (aujourd'hui|demain|mardi|jeudi).* à 13 h/);

  await expect(page.locator("address")).toContainText("17 avenue du Général de Gaulle");
  await expect(page.getByRole("link", { name: /Ouvrir le plan/ })).toHaveAttribute("href", /openstreetmap\.org\/\?mlat=49\.0445&mlon=3\.4062/);
  await expect(page.getByText("Pas accessible en fauteuil roulant.")).toBeVisible();

  const week = page.getByRole("table", { name: "Horaires des sept prochains jours, CCAS" });
  await expect(week.getByRole("row")).toHaveCount(8);
  await expect(week.getByRole("row", { name: /^mardi/ })).toContainText("13 h – 17 h");
  await expect(week.getByRole("row", { name: /^lundi/ })).toContainText("Fermé");
  await expect(page.getByText("Fermé les jours fériés.")).toBeVisible();

  const documents = page.getByRole("region", { name: "Documents à apporter" });
  await expect(documents.getByRole("listitem")).toHaveText(["Pièce d'identité", "Courrier ou identifiants de l'organisme concerné"]);
  await expect(page.getByRole("link", { name: "Appeler le 03 23 41 20 45" })).toHaveAttribute("href", "tel:0323412045");
  await expect(page.getByRole("link", { name: "Écrire à ccas@saint-aubin-sur-lise.exemple.fr" })).toHaveAttribute("href", "mailto:ccas@saint-aubin-sur-lise.exemple.fr");
  await expect(page.getByText("Informations vérifiées le")).toBeVisible();
  await expect(page.getByText(/^À vérifier/)).toBeVisible(); // verified 9 months ago, stale after 6
  await expect(page.getByRole("link", { name: "Envoyer par SMS" })).toHaveAttribute("href", /^sms:\?body=/);
  await expect(page.getByLabel("Adresse de la page (à copier)")).toHaveValue(/\/t\/val-de-lise\/offres\//);
  await expect(page.getByRole("button", { name: "Imprimer cette page" })).toBeVisible();

  // schema.org markup for other directories.
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({ "@type": "GovernmentService", name: CCAS, provider: { name: "CCAS de Château-Thierry" } });
  expect(jsonLd.availableChannel[0].serviceLocation.openingHoursSpecification).toContainEqual(
    expect.objectContaining({ dayOfWeek: "https://schema.org/Tuesday", opens: "13:00", closes: "17:00" }),
  );
  // No tracking: every script is the app's own.
  const scripts = await page.locator("script[src]").evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).src));
  expect(scripts.every((src) => src.startsWith(new URL(page.url()).origin))).toBe(true);
  await expectAccessible(page);

  // Text zoomed to 200 %: everything still fits the phone's width (no sideways scrolling).
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.evaluate(() => (document.documentElement.style.fontSize = ""));

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Langue" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Envoyer le signalement" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Toile, accueil" })).toBeHidden();
  await expect(documents).toBeVisible();
  const box = await documents.locator("li").first().evaluate((item) => getComputedStyle(item, "::before").borderTopStyle);
  expect(box).toBe("solid");
  await page.emulateMedia({ media: "screen" });
});

test("the offer page without JavaScript: reading, switching language, reporting an error", async ({ browser, page }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const noScript = await context.newPage();
  const url = await offerUrl();
  await noScript.goto(`${test.info().project.use.baseURL}${url}`);
  await expect(noScript.getByRole("heading", { level: 1 })).toHaveText(CCAS);
  await expect(noScript.getByRole("table", { name: "Horaires des sept prochains jours, CCAS" })).toBeVisible();
  await expect(noScript.getByRole("button", { name: "Imprimer cette page" })).toHaveCount(0);
  await expectAccessibleWithoutScript(noScript, page);

  // A report without a subject: the server says so next to the question, what was typed is kept.
  await noScript.getByLabel("Précisez (facultatif)").fill("Le numéro ne répond jamais.");
  await noScript.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(noScript.getByText("Choisissez ce qui ne va pas.")).toBeVisible();
  await expect(noScript.getByLabel("Précisez (facultatif)")).toHaveValue("Le numéro ne répond jamais.");
  await expectAccessibleWithoutScript(noScript, page);
  await noScript.getByLabel("Le téléphone").check();
  await noScript.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(noScript.getByText("Merci : votre signalement a été transmis.")).toBeVisible();

  await noScript.goto(`${test.info().project.use.baseURL}${url}`);
  await noScript.getByRole("link", { name: "English" }).click();
  await expect(noScript.getByRole("heading", { name: "Documents to bring" })).toBeVisible();
  await expect(noScript.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});

test("in English and in Arabic, right to left, the offer's own words kept in French", async ({ page }) => {
  const url = await offerUrl();
  await page.goto(`${url}?lang=en`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Where" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Hours for the next seven days, CCAS" }).getByRole("row", { name: /^Tuesday/ })).toContainText("13:00 – 17:00");
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("link", { name: /Back to everything offered/ })).toHaveAttribute("href", "/t/val-de-lise?lang=en");
  await expectAccessible(page);

  await page.goto(`${url}?lang=ar`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "الوثائق التي يجب إحضارها" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "الإبلاغ عن خطأ" })).toBeVisible();
  await expect(page.locator('input[name="lang"]')).toHaveValue("ar");
});

test("reporting an error without an account reaches the coordinator and the history; too many is politely refused", async ({ page }) => {
  const id = await offerId(CCAS);
  const since = await outboxMark();
  await page.goto(`/t/val-de-lise/offres/${id}`);
  await report(page, "Les horaires", "Fermé ce jeudi après-midi.");
  await expect(page.getByText("Merci : votre signalement a été transmis.")).toBeVisible();
  await expectAccessible(page);

  const emails = await emailsSince(since, "subject like 'Erreur signalée%'");
  const written = await withDatabase(async (client) => {
    const history = await client.query<{ summary: string }>(`select summary from "ChangeRecord" where "offerId" = $1 and action = 'offer.error_reported' order by "createdAt" desc`, [id]);
    return { emails, history: history.rows };
  });
  // The CCAS has no admin account: the territory's coordinator hears about it.
  expect(written.emails.map((email) => email.to)).toContain("coordination@val-de-lise.exemple.fr");
  expect(written.emails.find((email) => email.text.includes("Fermé ce jeudi après-midi."))).toBeTruthy();
  expect(written.history[0]!.summary).toMatch(/^Erreur signalée par le public : les horaires/);

  // 5 an hour from one address: the next ones are refused, kindly.
  const refusal = page.getByText(/Merci, nous avons bien reçu vos signalements\. Pour éviter les abus, réessayez dans \d+ minutes?\./);
  for (let attempt = 0; attempt < 6 && !(await refusal.isVisible()); attempt++) {
    await report(page, "Autre chose", `Essai ${attempt}`);
    await expect(page.getByRole("status").or(page.getByRole("alert")).first()).toContainText("Merci");
  }
  await expect(refusal).toBeVisible();
});

test("a draft offer, an unknown territory or a hostile address: a friendly 404 with the way back", async ({ page }) => {
  const response = await page.goto(await offerUrl("Formation à la modélisation 3D"));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page.getByRole("link", { name: "Voir toute l'offre du territoire" })).toHaveAttribute("href", "/t/val-de-lise");
  await expectAccessible(page);

  for (const path of ["/t/val-de-lise/offres/pas-un-identifiant", "/t/nulle-part/offres/6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f", "/t/val-de-lise/offres/%27%3B%20drop?lang[]=x", "/t/val-de-lise/lieux/x/programme?semaine=9999-99-99"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});

test("the week's programme of a place: days by morning, afternoon and evening, printable", async ({ page }) => {
  await page.goto(await offerUrl());
  await page.getByRole("link", { name: "Programme de la semaine : CCAS" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programme de la semaine : CCAS");
  const table = page.getByRole("table", { name: "Programme de la semaine, CCAS" });
  await expect(table.getByRole("columnheader")).toHaveText(["Matin", "Après-midi", "Soir"]);
  const tuesday = table.getByRole("row", { name: /^mardi/ });
  await expect(tuesday.getByRole("cell").nth(1)).toContainText(CCAS);
  await expect(tuesday.getByRole("cell").nth(1)).toContainText("13 h – 17 h");
  await expect(tuesday.getByRole("cell").nth(0)).not.toContainText(CCAS);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Semaine suivante" }).click();
  await expect(page).toHaveURL(/semaine=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole("table", { name: "Programme de la semaine, CCAS" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "Semaine suivante" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // The structure's programme, from "Proposé par" on the offer page.
  await page.goto(await offerUrl());
  await page.getByRole("link", { name: "CCAS de Château-Thierry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programme de la semaine : CCAS de Château-Thierry");
  await expect(page.getByRole("table", { name: "Programme de la semaine, CCAS de Château-Thierry" }).getByRole("row", { name: /^jeudi/ })).toContainText("13 h – 17 h");
});

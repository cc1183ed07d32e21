/**
 * The database stops answering for a while, and comes back: every route family says so in plain
 * words with a 503 and Retry-After (pages in the public pages' languages, the API as a problem in
 * JSON), a form keeps what was typed and writes nothing, and everything works again after.
 * The end-to-end server reaches its database through a gate these tests cut and open
 * (tests/support/database-gate.ts, scripts/e2e-server.ts).
 */
import type { APIRequestContext } from "@playwright/test";
import { E2E_DATABASE_GATE_PORT } from "../../playwright.config";
import { signInFast } from "./auth";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { withDatabase } from "./outbox";

const gate = (action: "cut" | "open") => fetch(`http://127.0.0.1:${E2E_DATABASE_GATE_PORT}/${action}`, { method: "POST" });
const TERRITORY = "/t/val-de-lise";
const REPAIR_CAFE_OFFER = "Réparer ensemble ordinateurs et smartphones";

async function offerIds(title: string) {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; structureId: string; documentsToBring: string[] }>(
      `select id, "structureId", "documentsToBring" from "Offer" where title = $1`,
      [title],
    );
    return rows[0]!;
  });
}

/** Waits until the app answers from its database again (its pool reconnects by itself). */
async function waitForRecovery(request: APIRequestContext) {
  await expect.poll(async () => (await request.get("/api/sante")).status(), { timeout: 20_000 }).toBe(200);
}

test.afterEach(async () => {
  await gate("open");
});

test("with the database cut, pages, the search, the API and sign-in answer 503 in plain words, then recover", async ({ page, request }) => {
  await gate("cut");

  const home = await page.goto(TERRITORY);
  expect(home?.status()).toBe(503);
  expect(home?.headers()["retry-after"]).toBe("30");
  expect(home?.headers()["cache-control"]).toBe("no-store");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Toile est momentanément indisponible");
  await expect(page.getByText("Réessayez dans une minute.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Réessayer" })).toHaveAttribute("href", TERRITORY);
  await expectAccessible(page);

  const arabic = await page.goto(`${TERRITORY}?lang=ar`);
  expect(arabic?.status()).toBe(503);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("توال غير متاح مؤقتًا");

  const search = await page.goto(`${TERRITORY}/recherche?q=ordinateur&lang=en`);
  expect(search?.status()).toBe(503);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Toile is temporarily unavailable");

  const api = await request.get(`/api/v1/territories`);
  expect(api.status()).toBe(503);
  expect(api.headers()["content-type"]).toContain("application/problem+json");
  expect(api.headers()["retry-after"]).toBe("30");
  expect(await api.json()).toMatchObject({ status: 503, title: "Service momentanément indisponible" });

  // Signing in writes a token and an email: the form gets the same plain page, not an empty 500.
  await page.goto("/connexion");
  await page.getByLabel("Adresse courriel").fill("marie@exemple.fr");
  const [signIn] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    page.getByRole("button", { name: "Recevoir mon lien de connexion" }).click(),
  ]);
  expect(signIn.status()).not.toBe(500);
  await expect(page.getByText(/momentanément indisponible/).first()).toBeVisible();

  // The health route says so too, in its own words.
  const health = await request.get("/api/sante");
  expect(health.status()).toBe(503);
  expect(await health.json()).toEqual({ ok: false });

  await gate("open");
  await waitForRecovery(request);
  const back = await page.goto(TERRITORY);
  expect(back?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Toile est momentanément indisponible");
  expect((await request.get(`/api/v1/territories`)).status()).toBe(200);
});

test("a form sent while the database is cut keeps what was typed and saves nothing; sent again, it saves once", async ({ page, request }) => {
  const offer = await offerIds(REPAIR_CAFE_OFFER);
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto(`/structures/${offer.structureId}/offres/${offer.id}`);
  const documents = page.getByLabel("Documents à apporter");
  const typed = `Son ordinateur et son chargeur\nRelevé ${Date.now()}`;
  await documents.fill(typed);

  await gate("cut");
  await page.getByRole("button", { name: "Enregistrer l'offre" }).click();
  await expect(page.getByText(/Toile est momentanément indisponible : rien n'a été enregistré/)).toBeVisible();
  await expect(documents).toHaveValue(typed);
  expect((await offerIds(REPAIR_CAFE_OFFER)).documentsToBring).toEqual(offer.documentsToBring);
  await expectAccessible(page);

  await gate("open");
  await waitForRecovery(request);
  await page.getByRole("button", { name: "Enregistrer l'offre" }).click();
  await expect(page.getByText(/Toile est momentanément indisponible/)).toBeHidden();
  await expect.poll(async () => (await offerIds(REPAIR_CAFE_OFFER)).documentsToBring).toEqual(typed.split("\n"));
});

test("without JavaScript, a report sent while the database is cut is not saved, and the way back keeps the text", async ({ browser, page, request }) => {
  const offer = await offerIds(REPAIR_CAFE_OFFER);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  const offerPage = `${test.info().project.use.baseURL}${TERRITORY}/offres/${offer.id}`;
  await noScript.goto(offerPage);
  const message = `Le numéro a changé (${Date.now()}).`;
  const reports = () =>
    withDatabase(async (client) => (await client.query(`select 1 from "ChangeRecord" where "offerId" = $1 and action = 'offer.error_reported'`, [offer.id])).rowCount);
  const before = await reports();
  await noScript.getByLabel("Le téléphone").check();
  await noScript.getByLabel("Précisez (facultatif)").fill(message);

  await gate("cut");
  const [posted] = await Promise.all([
    noScript.waitForResponse((response) => response.request().method() === "POST"),
    noScript.getByRole("button", { name: "Envoyer le signalement" }).click(),
  ]);
  expect(posted.status()).toBe(503);
  await expect(noScript.getByRole("heading", { level: 1 })).toHaveText("Toile est momentanément indisponible");
  await expect(noScript.getByText("Ce que vous avez envoyé n'a pas été enregistré.", { exact: false })).toBeVisible();
  await expectAccessibleWithoutScript(noScript, page);
  expect(await reports()).toBe(before);

  await gate("open");
  await waitForRecovery(request);
  await noScript.goBack();
  await expect(noScript.getByLabel("Précisez (facultatif)")).toHaveValue(message);
  await noScript.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(noScript.getByText("Merci : votre signalement a été transmis.")).toBeVisible();
  expect(await reports()).toBe(before! + 1);
  await context.close();
});

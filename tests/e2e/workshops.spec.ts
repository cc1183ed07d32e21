/**
 * Issue 17, "Done when" (point 5): a resident asks for a workshop seat without JavaScript; the
 * organiser confirms; the ninth asker lands on the waiting list and moves up when someone cancels
 * (from the private link). The organiser creates this spec's own session through the form; seven
 * seats are filled by SQL (people added at the desk), so the demo's sessions do not matter.
 */
import { signInFast } from "./auth";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { emailsSince, outboxMark, withDatabase } from "./outbox";

const SLUG = "val-de-lise";
const ORGANISER = "animation@mediatheque.exemple.fr";
const THEME = "Atelier e2e : prendre rendez-vous en ligne";
const FIRST = "e2e-atelier-ines@exemple.fr";
const NINTH = "e2e-atelier-marc@exemple.fr";

/** A date ten days ahead, as the organiser types it (the server's clock is the real one). */
const inTenDays = () => new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

test("a resident asks for a seat without JavaScript, the organiser confirms, the ninth waits and moves up when a seat frees", async ({ page, browser }) => {
  test.slow(); // several people, each in their own browser, each page checked by axe: near 30 s on a busy machine
  const mark = await outboxMark();
  await signInFast(page, ORGANISER);
  const structureId = await withDatabase(async (client) => (await client.query<{ id: string }>(`select id from "Structure" where name = 'Médiathèque Jean-de-La-Fontaine'`)).rows[0]!.id);

  // The organiser creates the session; a missing theme is said next to its field first.
  await page.goto(`/structures/${structureId}/ateliers`);
  await expect(page.getByRole("heading", { level: 1, name: "Ateliers sur inscription" })).toBeVisible();
  await page.getByLabel("Offre").selectOption({ label: "Ateliers numériques du samedi" });
  await page.getByLabel("Date").fill(inTenDays());
  await page.getByRole("button", { name: "Créer l'atelier" }).click();
  await expect(page.getByText("Indiquez le thème de l'atelier.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Thème").fill(THEME);
  await page.getByRole("button", { name: "Créer l'atelier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: THEME })).toBeVisible();
  const sessionPage = new URL(page.url()).pathname;
  const sessionId = sessionPage.split("/").pop()!;
  await expect(page.getByText("0 / 8 places prises")).toBeVisible();

  // Seven people were added at the desk.
  await withDatabase((client) =>
    client.query(
      `insert into "WorkshopRegistration" (id, "sessionId", status, channel, "personLabel", "consentScope", "confirmedAt", "updatedAt")
       select gen_random_uuid(), $1, 'confirmed', 'staff', 'Guichet ' || n, '{}', now(), now() from generate_series(1, 7) as n`,
      [sessionId],
    ),
  );

  // A resident, without JavaScript, from the offer page.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  const offerId = await withDatabase(async (client) => (await client.query<{ id: string }>(`select "offerId" as id from "WorkshopSession" where id = $1`, [sessionId])).rows[0]!.id);
  await noScript.goto(`/t/${SLUG}/offres/${offerId}`);
  await expect(noScript.getByRole("heading", { name: "Prochains ateliers" })).toBeVisible();
  await noScript.getByRole("link", { name: `Demander une place — ${THEME}` }).click();
  await expect(noScript.getByRole("heading", { level: 1 })).toContainText(THEME);
  await expect(noScript.getByText("1 place libre")).toBeVisible();
  await expectAccessibleWithoutScript(noScript, page);
  const ask = async (name: string, email: string) => {
    await noScript.goto(`/t/${SLUG}/ateliers/${sessionId}`);
    await noScript.locator("#atelier-prenom").fill(name);
    await noScript.locator("#atelier-courriel").fill(email);
    await noScript.locator("#atelier-accord").check();
    await noScript.getByRole("button", { name: "Envoyer ma demande" }).click();
    await expect(noScript).toHaveURL(new RegExp(`/t/${SLUG}/ateliers/inscription/[A-Za-z0-9_-]{24}$`));
    return noScript.url();
  };
  // Without consent the request is refused next to the box, and what was typed stays.
  await noScript.locator("#atelier-prenom").fill("Inès");
  await noScript.locator("#atelier-courriel").fill(FIRST);
  await noScript.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(noScript.getByText("Cochez cette case pour continuer")).toBeVisible();
  await expect(noScript.locator("#atelier-prenom")).toHaveValue("Inès");
  await expectAccessibleWithoutScript(noScript, page);
  const inesLink = await ask("Inès", FIRST);
  await expect(noScript.getByText("Demande reçue : l'animateur va vous confirmer votre place.")).toBeVisible();
  await expectAccessibleWithoutScript(noScript, page);
  const [received] = await emailsSince(mark, `"to" = $2`, [FIRST]);
  expect(received!.text).toContain(new URL(inesLink).pathname);

  // The organiser confirms: the eighth seat.
  await page.goto(sessionPage);
  await page.getByRole("button", { name: "Confirmer — Inès" }).click();
  await expect(page.getByText("Inscrits (8 / 8)")).toBeVisible();

  // The ninth asker lands on the waiting list once confirmed.
  const marcLink = await ask("Marc", NINTH);
  await page.goto(sessionPage);
  await page.getByRole("button", { name: "Confirmer — Marc" }).click();
  await expect(page.getByText("Liste d'attente (1)")).toBeVisible();
  await expectAccessible(page);
  await noScript.goto(marcLink);
  await expect(noScript.getByText("vous êtes sur la liste d'attente", { exact: false })).toBeVisible();

  // Inès cancels from her link: Marc moves up, and is told by email.
  await noScript.goto(inesLink);
  await noScript.getByRole("button", { name: "Annuler ma demande" }).click();
  await expect(noScript.getByText("Votre demande est annulée.", { exact: false })).toBeVisible();
  await expectAccessibleWithoutScript(noScript, page);
  await noScript.goto(marcLink);
  await expect(noScript.getByText("Votre place est confirmée.")).toBeVisible();
  await context.close();
  expect((await emailsSince(mark, `"to" = $2 and subject like 'Une place%'`, [NINTH])).length).toBe(1);

  await page.goto(sessionPage);
  await expect(page.getByText("Inscrits (8 / 8)")).toBeVisible();
  await expect(page.getByText("Liste d'attente (0)")).toBeVisible();
  await expect(page.getByRole("row", { name: /Marc/ })).toBeVisible();
});

test("another structure's member cannot open the organiser's page", async ({ page }) => {
  await signInFast(page, "accueil@franceservices.exemple.fr");
  const structureId = await withDatabase(async (client) => (await client.query<{ id: string }>(`select id from "Structure" where name = 'Médiathèque Jean-de-La-Fontaine'`)).rows[0]!.id);
  const response = await page.goto(`/structures/${structureId}/ateliers`);
  expect(response?.status()).toBe(404);
});

test("a full session with 40 people waiting stays readable on a phone and on paper", async ({ page }) => {
  await signInFast(page, ORGANISER);
  const sessionId = await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; structureId: string; territoryId: string }>(
      `select id, "structureId", "territoryId" from "Offer" where title = 'Ateliers numériques du samedi'`,
    );
    const offer = rows[0]!;
    const session = await client.query<{ id: string }>(
      `insert into "WorkshopSession" (id, "territoryId", "structureId", "offerId", theme, "startsAt", "endsAt", capacity, "updatedAt")
       values (gen_random_uuid(), $1, $2, $3, 'Atelier e2e : une longue liste d''attente', now() + interval '20 days', now() + interval '20 days 2 hours', 8, now()) returning id`,
      [offer.territoryId, offer.structureId, offer.id],
    );
    const id = session.rows[0]!.id;
    await client.query(
      `insert into "WorkshopRegistration" (id, "sessionId", status, channel, "personLabel", "consentScope", "confirmedAt", "waitlistedAt", "updatedAt")
       select gen_random_uuid(), $1, case when n <= 8 then 'confirmed'::"RegistrationStatus" else 'waitlisted'::"RegistrationStatus" end, 'staff',
         'Personne ' || n, '{}', case when n <= 8 then now() end, case when n > 8 then now() + n * interval '1 second' end, now()
       from generate_series(1, 48) as n`,
      [id],
    );
    return id;
  });
  const structureId = await withDatabase(async (client) => (await client.query<{ id: string }>(`select "structureId" as id from "WorkshopSession" where id = $1`, [sessionId])).rows[0]!.id);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/structures/${structureId}/ateliers/${sessionId}`);
  await expect(page.getByText("Liste d'attente (40)")).toBeVisible();
  const waiting = page.getByRole("region", { name: "Liste d'attente (40)" }).getByRole("listitem");
  await expect(waiting).toHaveCount(40);
  await expect(waiting.first()).toContainText("Personne 9");
  await expect(waiting.last()).toContainText("Personne 48");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(page);
  // On paper: no site header, no buttons, the list within the page's width.
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 680, height: 1000 });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: /Retirer de la liste/ }).first()).toBeHidden();
  expect((await page.getByRole("region", { name: "Liste d'attente (40)" }).boundingBox())!.width).toBeLessThanOrEqual(680);
});

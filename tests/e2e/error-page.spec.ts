/**
 * A page that fails on the server: the real path here is a territory whose time zone the server
 * does not know (a typo in its row, or an ICU without that zone), which breaks the offer page's
 * "open now". The person gets the error page (app/error.tsx) in the site's frame, in plain French,
 * with a reference to quote and the way home — never the error's message — and a 500.
 */
import { expect, expectAccessible, test } from "./fixtures";
import { withDatabase } from "./outbox";

const SLUG = "e2e-fuseau-inconnu";

/** Removes the territory and what this test put in it (its rows restrict deletes). */
async function removeTerritory() {
  await withDatabase(async (client) => {
    const territory = `(select id from "Territory" where slug = $1)`;
    await client.query(`delete from "Offer" where "territoryId" in ${territory}`, [SLUG]);
    await client.query(`delete from "Structure" where "territoryId" in ${territory}`, [SLUG]);
    await client.query(`delete from "Territory" where slug = $1`, [SLUG]);
  });
}

async function offerInUnknownTimeZone(): Promise<string> {
  await removeTerritory();
  return withDatabase(async (client) => {
    const { rows: [territory] } = await client.query<{ id: string }>(
      `insert into "Territory" (id, slug, name, country, "timeZone", "updatedAt") values (gen_random_uuid(), $1, 'Fuseau inconnu', 'FR', 'Mars/Olympus_Mons', now()) returning id`,
      [SLUG],
    );
    const { rows: [structure] } = await client.query<{ id: string }>(
      `insert into "Structure" (id, "territoryId", name, status, "updatedAt") values (gen_random_uuid(), $1, 'Maison de Mars', 'published', now()) returning id`,
      [territory!.id],
    );
    const { rows: [offer] } = await client.query<{ id: string }>(
      `insert into "Offer" (id, "structureId", "territoryId", title, status, "updatedAt") values (gen_random_uuid(), $1, $2, 'Accueil martien', 'published', now()) returning id`,
      [structure!.id, territory!.id],
    );
    return offer!.id;
  });
}

// The timers' worker reads every territory each minute: this one does not stay.
test.afterAll(removeTerritory);

test("a page that fails says so in plain French, with a reference for support and the way home", async ({ page }) => {
  const offerId = await offerInUnknownTimeZone();
  const response = await page.goto(`/t/${SLUG}/offres/${offerId}`);
  expect(response!.status()).toBe(500);
  // The proxy gave the request its id (the logs' requestId).
  expect(response!.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quelque chose n'a pas marché");
  await expect(page).toHaveTitle("Quelque chose n'a pas marché · Toile");
  // In the site's frame.
  await expect(page.getByRole("link", { name: "Toile, accueil" })).toBeVisible();
  await expect(page.getByText(/numéro de référence : \d+/)).toBeVisible();
  const body = await page.locator("main").innerText();
  for (const hidden of ["Mars", "RangeError", "time zone", "Invalid", "at ", "digest"]) expect(body).not.toContain(hidden);
  await expectAccessible(page);

  // "Réessayer" asks the server again: still failing, the page stays, with a reference.
  await page.getByRole("button", { name: "Réessayer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quelque chose n'a pas marché");
  await expect(page.getByText(/numéro de référence : \d+/)).toBeVisible();

  await page.getByRole("link", { name: "revenir à l'accueil" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Quelque chose n'a pas marché");
});

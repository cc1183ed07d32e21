/**
 * Signing in with ProConnect, against a real OpenID provider configured like it (acr_values,
 * `siret` claim, userinfo as a signed JWT, sign-out with id_token_hint: tests/support/oidc-provider.ts,
 * started by playwright.config.ts). A first sign-in whose SIRET matches a structure of the matrix
 * proposes joining it: a join request once confirmed, never a membership.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { signInFast } from "./auth";
import { withDatabase } from "./outbox";

const STRUCTURE = "Espace France Services du Val de Lise";
const EMAIL = "agent.proconnect@exemple.fr";

/** The provider's own (development) login and consent pages. */
async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("mot-de-passe-indifferent");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a first ProConnect sign-in proposes the structure of its SIRET, asks to join it on confirmation, signs out at the provider, and the admin has the request", async ({
  page,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL!).origin;
  await page.goto("/connexion?callbackUrl=%2Fcompte");
  await page.getByRole("button", { name: "Se connecter avec ProConnect" }).click();
  // The provider refuses an authorization request without acr_values=eidas1: reaching its login page says it was sent.
  await signInAtProvider(page, "agent.france-services");

  // Back at Toile, signed in: the person's name and email came from the signed userinfo JWT.
  await expect(page).toHaveURL(/\/connexion\/siret\?suite=%2Fcompte$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rejoindre votre structure ?");
  await expect(page.getByText(`Votre SIRET correspond à ${STRUCTURE} : demander à la rejoindre ?`)).toBeVisible();
  await expectAccessible(page);
  const before = await withDatabase(async (client) =>
    (
      await client.query<{ name: string | null; siret: string | null; hasIdToken: boolean; memberships: number; requests: number }>(
        `select u.name, a.siret, a.id_token is not null as "hasIdToken",
                (select count(*)::int from "StructureMembership" m where m."userId" = u.id) as memberships,
                (select count(*)::int from "JoinRequest" r where r."userId" = u.id) as requests
         from "User" u join "Account" a on a."userId" = u.id and a.provider = 'oidc' where u.email = $1`,
        [EMAIL],
      )
    ).rows,
  );
  expect(before).toEqual([{ name: "Inès Roux", siret: "99999000100011", hasIdToken: true, memberships: 0, requests: 0 }]);

  await page.getByRole("button", { name: `Demander à rejoindre ${STRUCTURE}` }).click();
  await expect(page.getByText(`Demande envoyée à ${STRUCTURE} : ses responsables vont vous répondre.`)).toBeVisible();

  // A pending join request, no membership, and the proposal is not made again.
  const after = await withDatabase(async (client) =>
    (
      await client.query<{ status: string; structure: string; memberships: number; siret: string | null }>(
        `select r.status, s.name as structure, a.siret,
                (select count(*)::int from "StructureMembership" m where m."userId" = u.id) as memberships
         from "User" u join "JoinRequest" r on r."userId" = u.id join "Structure" s on s.id = r."structureId"
         join "Account" a on a."userId" = u.id and a.provider = 'oidc' where u.email = $1`,
        [EMAIL],
      )
    ).rows,
  );
  expect(after).toEqual([{ status: "pending", structure: STRUCTURE, memberships: 0, siret: null }]);
  await page.goto("/connexion/siret?suite=%2Fcompte");
  await expect(page).toHaveURL(/\/compte$/);

  // Sign-out: the local session ends, then the provider's end_session_endpoint (with the
  // id_token as hint, which it requires) asks, and sends the person back home.
  await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/session\/end\?/);
  const logoutUrl = new URL(page.url());
  expect(logoutUrl.origin).not.toBe(appOrigin);
  expect(logoutUrl.searchParams.get("id_token_hint")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(logoutUrl.searchParams.get("post_logout_redirect_uri")).toBe(`${appOrigin}/`);
  const state = logoutUrl.searchParams.get("state");
  expect(state).toBeTruthy();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await page.waitForURL((url) => url.origin === appOrigin && url.pathname === "/" && url.searchParams.get("state") === state);
  await page.goto("/compte");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fcompte/);

  // A later sign-in goes straight where it was going: the proposal belongs to the first.
  await page.getByRole("button", { name: "Se connecter avec ProConnect" }).click();
  await signInAtProvider(page, "agent.france-services");
  await expect(page).toHaveURL(`${appOrigin}/compte`);
  await expect(page.getByText(EMAIL).first()).toBeVisible();

  // The structure's admin has the request to decide.
  await page.context().clearCookies();
  await signInFast(page, "direction@franceservices.exemple.fr");
  const structureId = await withDatabase(
    async (client) => (await client.query<{ id: string }>(`select id from "Structure" where name = $1`, [STRUCTURE])).rows[0]!.id,
  );
  await page.goto(`/structures/${structureId}/membres`);
  await expect(page.getByRole("listitem").filter({ hasText: `Inès Roux (${EMAIL})` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Accepter ${EMAIL}` })).toBeVisible();
});

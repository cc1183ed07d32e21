import { DEMO_ACCOUNTS } from "@/lib/demo/territory";
import { expect, expectAccessible, test } from "./fixtures";
import { emailsSentTo, magicLinkSentTo, outboxMark } from "./outbox";
import type { Page } from "@playwright/test";

async function requestLink(page: Page, email: string) {
  await page.goto("/compte");
  await expect(page).toHaveURL(/\/connexion\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se connecter");
  await expectAccessible(page);
  await page.getByLabel("Adresse courriel").fill(email);
  await page.getByRole("button", { name: "Recevoir mon lien de connexion" }).click();
}

// What each demo account must see on its account page, and must not.
const EXPECTED: Record<string, { sees: RegExp[]; doesNotSee: RegExp[] }> = {
  "admin@toile.exemple.fr": {
    sees: [/administration de la plateforme/, /aucune structure/, /ne coordonnez aucun territoire/],
    doesNotSee: [/Espace France Services/],
  },
  "coordination@val-de-lise.exemple.fr": {
    sees: [/Communauté de communes du Val de Lise — coordination/],
    doesNotSee: [/administration de la plateforme/],
  },
  "direction@franceservices.exemple.fr": {
    sees: [/Espace France Services du Val de Lise .* — administrateur·rice/],
    doesNotSee: [/— coordination/, /Centre social/],
  },
  "accueil@franceservices.exemple.fr": {
    sees: [/Espace France Services du Val de Lise .* — membre/],
    doesNotSee: [/administrateur·rice/, /— coordination/],
  },
  "informaticien@lien-numerique.exemple.org": {
    sees: [/Association Lien numérique .* — membre/, /Centre social des Tilleuls .* — membre/],
    doesNotSee: [/France Services/],
  },
  "accueil@tilleuls.exemple.org": {
    sees: [/Centre social des Tilleuls .* — membre/],
    doesNotSee: [/Lien numérique/, /administrateur·rice/, /— coordination/],
  },
  "animation@mediatheque.exemple.fr": {
    sees: [/Médiathèque Jean-de-La-Fontaine .* — administrateur·rice/],
    doesNotSee: [/France Services/, /— coordination/],
  },
  "ligne@val-de-lise.exemple.fr": {
    sees: [/Réseau des espaces numériques du Val de Lise .* — membre/],
    doesNotSee: [/France Services/, /administrateur·rice/, /— coordination/],
  },
};

for (const account of DEMO_ACCOUNTS) {
  test(`${account.role} signs in with the magic link and sees only their own roles`, async ({ page }) => {
    const since = await outboxMark();
    await requestLink(page, account.email);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regardez vos courriels");
    await expectAccessible(page);

    await page.goto(await magicLinkSentTo(account.email, since));
    await expect(page).toHaveURL(/\/compte$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon compte");
    const main = page.getByRole("main");
    await expect(main).toContainText(account.email);
    for (const text of EXPECTED[account.email]!.sees) await expect(main).toContainText(text);
    for (const text of EXPECTED[account.email]!.doesNotSee) await expect(main).not.toContainText(text);
  });
}

test("a used link says so and sends a new one in one click", async ({ page }) => {
  const email = "accueil@franceservices.exemple.fr";
  const since = await outboxMark();
  await requestLink(page, email);
  const link = await magicLinkSentTo(email, since);
  await page.goto(link);
  await expect(page).toHaveURL(/\/compte$/);

  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce lien ne fonctionne plus");
  await expectAccessible(page);
  const again = await outboxMark();
  await page.getByRole("button", { name: `Recevoir un nouveau lien à ${email}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regardez vos courriels");
  expect(await emailsSentTo(email, again)).toBe(1);
});

test("an unknown address gets the same answer as a known one", async ({ page }) => {
  await requestLink(page, "personne.inconnue@exemple.fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regardez vos courriels");
});

test("an invalid address is pointed out next to the field, and kept", async ({ page }) => {
  await requestLink(page, "pas-une-adresse");
  await expect(page.getByText("Cette adresse courriel n'est pas valide")).toBeVisible();
  await expect(page.getByLabel("Adresse courriel")).toHaveValue("pas-une-adresse");
  await expect(page.getByLabel("Adresse courriel")).toHaveAttribute("aria-invalid", "true");
});

test("the sign-in page says only the refusals it knows, not words put in its link", async ({ page }) => {
  await page.goto(`/connexion?erreur=${encodeURIComponent("Votre compte est bloqué : appelez le 0800 000 000.")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se connecter");
  await expect(page.getByText("Votre compte est bloqué")).toHaveCount(0);
  await expect(page.getByLabel("Adresse courriel")).not.toHaveAttribute("aria-invalid", "true");
});

test("too many links for one address: a clear message", async ({ page }) => {
  const email = "presse.bouton@exemple.fr";
  for (let attempt = 0; attempt < 3; attempt++) {
    await requestLink(page, email);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regardez vos courriels");
  }
  await requestLink(page, email);
  await expect(page.getByText(/Trop de demandes de lien\. Réessayez dans \d+ minutes?\./)).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  const email = "direction@franceservices.exemple.fr";
  const since = await outboxMark();
  await requestLink(page, email);
  await page.goto(await magicLinkSentTo(email, since));
  await expect(page).toHaveURL(/\/compte$/);
  await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/compte");
  await expect(page).toHaveURL(/\/connexion\?/);
});

test("development pages do not exist in production", async ({ page }) => {
  for (const path of ["/dev/connexion", "/dev/courriels"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
});

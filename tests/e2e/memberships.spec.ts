import { expect, expectAccessible, test } from "./fixtures";
import { signIn, signInFast } from "./auth";
import { magicLinkSentTo, outboxMark, withDatabase } from "./outbox";

const structureId = (name: string) =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`select id from "Structure" where name like $1`, [`%${name}%`]);
    return rows[0]!.id;
  });

test("another structure's members page answers not found, as does an id that does not exist", async ({ page }) => {
  await signInFast(page, "direction@franceservices.exemple.fr");
  const own = await structureId("France Services");
  await page.goto(`/structures/${own}/membres`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Espace France Services du Val de Lise");
  await expectAccessible(page);

  for (const id of [await structureId("CCAS"), "00000000-0000-4000-8000-000000000000", "pas-un-id"]) {
    const response = await page.goto(`/structures/${id}/membres`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  }
});

test("a form forged to act on another structure is refused and changes nothing", async ({ page }) => {
  await signInFast(page, "direction@franceservices.exemple.fr");
  const ccas = await structureId("CCAS");
  await page.goto(`/structures/${await structureId("France Services")}/membres`);
  await page.locator('input[name="structureId"]').last().evaluate((input, id) => ((input as HTMLInputElement).value = id), ccas);
  await page.getByLabel("Adresse courriel").fill("complice@exemple.fr");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText("Introuvable : cette page n'existe pas, ou vous n'y avez pas accès.")).toBeVisible();
  const invitations = await withDatabase(async (client) =>
    (await client.query(`select 1 from "Invitation" where email = 'complice@exemple.fr'`)).rowCount,
  );
  expect(invitations).toBe(0);
});

test("a coordinator invites a structure's first admin, who signs in and accepts", async ({ page, browser }) => {
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto("/territoires/val-de-lise");
  await expectAccessible(page);
  await page.getByRole("link", { name: "CCAS de Château-Thierry" }).click();
  await page.getByRole("link", { name: "Membres" }).click();
  await page.getByLabel("Adresse courriel").fill("pas une adresse");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText("Cette adresse courriel n'est pas valide")).toBeVisible();

  const since = await outboxMark();
  await page.getByLabel("Adresse courriel").fill("responsable.ccas@exemple.fr");
  await page.getByLabel("Rôle").selectOption("admin");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText("Invitation envoyée à responsable.ccas@exemple.fr.")).toBeVisible();
  const invitationLink = await magicLinkSentTo("responsable.ccas@exemple.fr", since);

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(invitationLink);
  await expect(invitee).toHaveURL(/\/connexion\?/);
  await signIn(invitee, "responsable.ccas@exemple.fr", new URL(invitationLink).pathname);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Rejoindre CCAS de Château-Thierry");
  await expectAccessible(invitee);
  await invitee.getByRole("button", { name: "Accepter l'invitation" }).click();
  await expect(invitee.getByText("Vous avez rejoint CCAS de Château-Thierry.")).toBeVisible();
  await invitee.goto("/compte");
  await expect(invitee.getByRole("main")).toContainText("CCAS de Château-Thierry (Communauté de communes du Val de Lise) — administrateur·rice");
});

test("an invitation opened by someone else says nothing about it", async ({ page }) => {
  const since = await outboxMark();
  await signInFast(page, "direction@franceservices.exemple.fr");
  await page.goto(`/structures/${await structureId("France Services")}/membres`);
  await page.getByLabel("Adresse courriel").fill("destinataire@exemple.fr");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText("Invitation envoyée à destinataire@exemple.fr.")).toBeVisible();
  await page.goto(await magicLinkSentTo("destinataire@exemple.fr", since));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invitation introuvable");
});

test("a mediator asks to join a structure and its admin accepts", async ({ page, browser }) => {
  await signInFast(page, "nouvelle.mediatrice@exemple.fr");
  await page.goto("/structures");
  await page.getByLabel("Nom, commune ou code postal").fill("france services");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expectAccessible(page);
  const franceServices = page.getByRole("listitem").filter({ hasText: "Espace France Services du Val de Lise" });
  await franceServices.getByText("Demander à rejoindre").click();
  await franceServices.getByLabel("Quelques mots pour vous présenter (facultatif)").fill("Je tiens une permanence à côté.");
  await franceServices.getByRole("button", { name: /Envoyer ma demande/ }).click();
  await expect(franceServices).toContainText("Demande envoyée, en attente de réponse.");

  const admin = await (await browser.newContext()).newPage();
  await signInFast(admin, "direction@franceservices.exemple.fr");
  await admin.goto(`/structures/${await structureId("France Services")}/membres`);
  await expect(admin.getByText("« Je tiens une permanence à côté. »")).toBeVisible();
  await admin.getByRole("button", { name: "Accepter nouvelle.mediatrice@exemple.fr" }).click();
  // The request leaves the list and the person appears among the members.
  await expect(admin.getByRole("main")).toContainText("nouvelle.mediatrice@exemple.fr (membre)");
  await expect(admin.getByText("« Je tiens une permanence à côté. »")).toHaveCount(0);
});

test("only the platform admin creates territories, with errors next to the fields", async ({ page, browser }) => {
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  expect((await page.goto("/admin"))?.status()).toBe(404);

  const admin = await (await browser.newContext()).newPage();
  await signInFast(admin, "admin@toile.exemple.fr");
  await admin.goto("/admin");
  await expectAccessible(admin);
  await admin.getByLabel("Nom").fill("Namur et environs");
  await admin.getByLabel("Adresse de la page").fill("Namur Environs!");
  await admin.getByLabel("Pays").selectOption("BE");
  await admin.getByRole("button", { name: "Créer le territoire" }).click();
  await expect(admin.getByText("Lettres minuscules, chiffres et tirets seulement")).toBeVisible();
  await admin.getByLabel("Adresse de la page").fill("namur");
  await admin.getByRole("button", { name: "Créer le territoire" }).click();
  await expect(admin.getByText("Territoire « Namur et environs » créé.")).toBeVisible();
  await admin.reload();
  await expect(admin.getByRole("link", { name: "Namur et environs" })).toBeVisible();
});

/**
 * The lifecycle of a transfer through its pages: the receiving partner's inbox and transfer page
 * ("Bien reçu" one explicit click, accept, close with an outcome; decline with a reason and a
 * suggested partner), the sender following it and re-orienting after a decline, two receivers
 * acting on the same transfer, what a third structure and the coordinator may see, and "Bien reçu"
 * without JavaScript. Transfers are written directly in the database, each with its own code.
 */
import type { Page } from "@playwright/test";
import { newTransferCode } from "../../lib/transfers/code";
import { signInFast } from "./auth";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { withDatabase } from "./outbox";

const SENDER = "informaticien@lien-numerique.exemple.org"; // Lucas Petit, Association Lien numérique
const RECEIVER = "accueil@franceservices.exemple.fr"; // Sophie Leroy, Espace France Services
const RECEIVER_ADMIN = "direction@franceservices.exemple.fr"; // Karim Benali, Espace France Services
const COORDINATOR = "coordination@val-de-lise.exemple.fr";
const THIRD = "tiers-transferts@mediatheque.exemple.fr"; // a member of the Médiathèque
const FRANCE_SERVICES = "Espace France Services du Val de Lise";

/** A transfer sent by Lien numérique to France Services' "Aide aux démarches administratives en ligne". */
async function seedTransfer({ person = "José", status = "sent" }: { person?: string; status?: string } = {}) {
  const code = newTransferCode();
  const id = await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `with sender as (select id, "territoryId" from "Structure" where name = 'Association Lien numérique'),
            receiver as (select id from "Structure" where name = $3),
            offer as (select o.id from "Offer" o join receiver r on o."structureId" = r.id where o.title = 'Aide aux démarches administratives en ligne'),
            creator as (select id from "User" where email = $4),
            new_id as (select gen_random_uuid() as id)
       insert into "Transfer" (id, code, "territoryId", "parcoursId", "fromStructureId", "toStructureId", "offerId", "createdById",
         "idempotencyKey", level, status, "needDescription", urgency, deadline, equipment, "consentScope", documents,
         "personLabel", "noteForPartner", "askFor", "appointmentAt", "sentAt", "updatedAt")
       select new_id.id, $1, sender."territoryId", new_id.id, sender.id, receiver.id, offer.id, creator.id,
         gen_random_uuid()::text, 'accompanied', $2::"TransferStatus", 'Faire sa demande de retraite en ligne', 'urgent', date '2026-12-04',
         '{smartphone}', '{}', '[{"label":"Identifiants FranceConnect","ready":false},{"label":"Relevé de carrière","ready":true}]',
         $5, 'Préfère être appelé le matin', 'Sophie', timestamp '2026-12-01 09:30', $6, $6
       from sender, receiver, offer, creator, new_id
       returning id`,
      // Sent now on the app's clock (the timers compare it with theirs), not the database's.
      [code, status, FRANCE_SERVICES, SENDER, person, new Date()],
    );
    const transferId = rows[0]!.id;
    await client.query(
      `insert into "TransferEvent" (id, "transferId", "actorId", type, "fromStatus", "toStatus", details, "createdAt")
       select gen_random_uuid(), $1, id, 'sent', 'draft', 'sent', '{"actorStructure":"Association Lien numérique"}', $3
       from "User" where email = $2`,
      [transferId, SENDER, new Date(Date.now() - 60 * 60_000)],
    );
    return transferId;
  });
  return { id, code };
}

const statusOf = (id: string) =>
  withDatabase(async (client) => (await client.query<{ status: string }>(`select status from "Transfer" where id = $1`, [id])).rows[0]!.status);

const statusHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /^Statut :/ });

test("the receiver acknowledges in one click, accepts and closes with an outcome; the sender follows each step", async ({ page, browser }) => {
  test.slow();
  const transfer = await seedTransfer();
  await signInFast(page, RECEIVER);

  await page.goto("/");
  await expect(page.getByRole("link", { name: /^Transferts/ })).toBeVisible();
  await page.getByRole("link", { name: /^Transferts/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Transferts");
  await expect(page.getByRole("link", { name: /^Nouveaux \(\d+\)$/ })).toHaveAttribute("aria-current", "page");
  const row = page.getByRole("row").filter({ hasText: transfer.code });
  await expect(row).toContainText("Association Lien numérique");
  await expect(row).toContainText("Aide aux démarches administratives en ligne");
  await expect(row).toContainText("Urgent");
  await expect(row).toContainText("avant le vendredi 4 décembre 2026");
  await expect(row).toContainText("Envoyé");
  await expectAccessible(page);

  await row.getByRole("link", { name: transfer.code }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Transfert ${transfer.code}`);
  // Opening the transfer does not acknowledge it.
  await expect(statusHeading(page)).toHaveText("Statut : Envoyé");
  await expect(page.getByText(/^Nouveau transfert de Association Lien numérique : confirmez sa réception/)).toBeVisible();
  await expect(page.getByText("José", { exact: true })).toBeVisible();
  await expect(page.getByText("Identifiants FranceConnect : manquant")).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  expect(await statusOf(transfer.id)).toBe("sent");

  await page.getByRole("button", { name: "Bien reçu" }).click();
  await expect(page.getByRole("status")).toHaveText("Réception confirmée (« bien reçu »).");
  await expect(statusHeading(page)).toHaveText("Statut : Bien reçu");
  await page.getByRole("button", { name: "Accepter" }).click();
  await expect(page.getByRole("status")).toHaveText("Transfert accepté.");
  await expect(statusHeading(page)).toHaveText("Statut : Accepté");
  await expectAccessible(page);

  const close = page.getByRole("region", { name: "Clore le transfert" });
  await close.getByRole("button", { name: "Clore et noter le résultat" }).click();
  await expect(close.getByText("Choisissez le résultat.")).toBeVisible();
  await close.getByLabel("Résolu", { exact: true }).check();
  await close.getByLabel("Note (facultative)").fill("Demande de retraite déposée");
  await close.getByRole("button", { name: "Clore et noter le résultat" }).click();
  await expect(page.getByRole("status")).toHaveText("Transfert terminé.");
  await expect(statusHeading(page)).toHaveText("Statut : Terminé");
  await expect(page.getByText("Résultat : Résolu").first()).toBeVisible();

  const timeline = page.getByRole("list", { name: "Historique du transfert" }).getByRole("listitem");
  await expect(timeline).toHaveCount(4);
  await expect(timeline.nth(0)).toContainText("Transfert envoyé — Lucas Petit (Association Lien numérique)");
  await expect(timeline.nth(1)).toContainText(`Réception confirmée (« bien reçu ») — Sophie Leroy (${FRANCE_SERVICES})`);
  await expect(timeline.nth(2)).toContainText(`Transfert accepté — Sophie Leroy (${FRANCE_SERVICES})`);
  await expect(timeline.nth(3)).toContainText(`Transfert terminé — Sophie Leroy (${FRANCE_SERVICES})`);
  await expect(timeline.nth(3)).toContainText("Note : Demande de retraite déposée");
  await expectAccessible(page);

  // The sender sees the status in "Envoyés".
  const senderContext = await browser.newContext();
  const sender = await senderContext.newPage();
  await signInFast(sender, SENDER);
  await sender.goto("/transferts");
  await sender.getByRole("link", { name: "Envoyés" }).click();
  await expect(sender.getByRole("link", { name: "Envoyés" })).toHaveAttribute("aria-current", "page");
  await sender.getByRole("link", { name: /^Clos \(\d+\)$/ }).click();
  await expect(sender.getByRole("heading", { level: 2, name: /^Clos — envoyés/ })).toBeVisible();
  await expect(sender.getByRole("row").filter({ hasText: transfer.code })).toContainText("Terminé");
  await expectAccessible(sender);
  await senderContext.close();
});

test("a decline with a reason and a suggested partner; the sender re-orients the person", async ({ page, browser }) => {
  test.slow();
  const transfer = await seedTransfer({ person: "Véronique" });
  await signInFast(page, RECEIVER_ADMIN);
  await page.goto(`/transferts/${transfer.id}`);
  const decline = page.getByRole("region", { name: "Refuser ce transfert" });
  await decline.getByRole("button", { name: "Refuser" }).click();
  await expect(decline.getByText("Choisissez le motif du refus.")).toBeVisible();
  await decline.getByLabel("Motif du refus").selectOption({ label: "Autre raison (précisez)" });
  await decline.getByRole("button", { name: "Refuser" }).click();
  await expect(decline.getByText("Précisez la raison du refus dans le message.")).toBeVisible();
  await expectAccessible(page);
  await decline.getByLabel("Motif du refus").selectOption("no_capacity");
  await decline.getByLabel("Partenaire suggéré (facultatif)").selectOption({ label: "CCAS de Château-Thierry" });
  await decline.getByRole("button", { name: "Refuser" }).click();
  await expect(page.getByRole("status")).toHaveText("Transfert refusé.");
  await expect(statusHeading(page)).toHaveText("Statut : Refusé");
  await expect(page.getByText(/Motif du refus : Plus de place pour le moment\. Partenaire suggéré : CCAS de Château-Thierry/)).toBeVisible();
  // The receiver is not offered to re-orient: that is the sender's move.
  await expect(page.getByRole("link", { name: /Réorienter la personne/ })).toHaveCount(0);

  const senderContext = await browser.newContext();
  const sender = await senderContext.newPage();
  await signInFast(sender, SENDER);
  await sender.goto(`/transferts/${transfer.id}`);
  await expect(sender.getByText("Espace France Services du Val de Lise a refusé le transfert : réorientez la personne vers un autre partenaire.")).toBeVisible();
  const reorient = sender.getByRole("link", { name: /^Réorienter la personne vers « / });
  await expect(reorient.first()).toBeVisible();
  await expect(reorient.first()).toHaveAttribute("href", new RegExp(`^/transferts/nouveau\\?offre=[0-9a-f-]{36}&depuis=${transfer.id}$`));
  await expect(sender.getByText("Véronique", { exact: true })).toBeVisible();
  await expectAccessible(sender);
  await senderContext.close();
});

test("two receivers at once: the one on a stale page is told who acted first", async ({ page, browser }) => {
  const transfer = await seedTransfer();
  await signInFast(page, RECEIVER);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInFast(other, RECEIVER_ADMIN);
  await page.goto(`/transferts/${transfer.id}`);
  await other.goto(`/transferts/${transfer.id}`);

  await page.getByRole("button", { name: "Accepter" }).click();
  await expect(statusHeading(page)).toHaveText("Statut : Accepté");

  const decline = other.getByRole("region", { name: "Refuser ce transfert" });
  await decline.getByLabel("Motif du refus").selectOption("no_capacity");
  await decline.getByRole("button", { name: "Refuser" }).click();
  await expect(decline.getByRole("alert")).toHaveText(
    new RegExp(`^Déjà traité par Sophie Leroy \\(${FRANCE_SERVICES}\\) le \\d+ \\S+ \\d{4} à \\d\\d:\\d\\d : ce transfert est maintenant « Accepté »\\.$`),
  );
  await expectAccessible(other);
  expect(await statusOf(transfer.id)).toBe("accepted");
  await otherContext.close();
});

test("a member of a third structure gets 404 and no code; the coordinator sees the transfer without the person", async ({ page }) => {
  const transfer = await seedTransfer({ person: "Personne Secrète" });
  await withDatabase((client) =>
    client.query(
      `with u as (insert into "User" (id, email, name, "updatedAt") values (gen_random_uuid(), $1, 'Théo Tiers', now())
                  on conflict (email) do update set name = excluded.name returning id)
       insert into "StructureMembership" ("userId", "structureId", role)
       select u.id, s.id, 'member' from u, "Structure" s where s.name = 'Médiathèque Jean-de-La-Fontaine'
       on conflict do nothing`,
      [THIRD],
    ),
  );
  await signInFast(page, THIRD);
  const response = await page.goto(`/transferts/${transfer.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");

  await page.goto("/transferts");
  await expect(page.getByText(/^Aucun nouveau transfert\./)).toBeVisible();
  await page.getByLabel("Code du transfert").fill(transfer.code.toLowerCase());
  await page.getByRole("button", { name: "Ouvrir" }).click();
  await expect(page.getByRole("search").getByRole("alert")).toHaveText(`Aucun transfert avec le code ${transfer.code} dans vos structures.`);
  await page.getByLabel("Code du transfert").fill("TR-7K4Q");
  await page.getByRole("button", { name: "Ouvrir" }).click();
  await expect(page.getByRole("search").getByRole("alert")).toHaveText(/^Code incomplet/);
  await expectAccessible(page);

  await page.context().clearCookies();
  await signInFast(page, COORDINATOR);
  await page.goto(`/transferts/${transfer.id}`);
  await expect(statusHeading(page)).toHaveText("Statut : Envoyé");
  await expect(page.getByText("Réservé aux deux structures du transfert.")).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);
  const html = await page.content();
  for (const secret of ["Personne Secrète", "Préfère être appelé le matin"]) expect(html).not.toContain(secret);
  await expectAccessible(page);

  await page.goto("/transferts");
  await page.getByRole("link", { name: /^Suivi des transferts du territoire/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Transferts du territoire");
  await expect(page.getByRole("row").filter({ hasText: transfer.code })).toContainText(FRANCE_SERVICES);
  expect(await page.content()).not.toContain("Personne Secrète");
  await expectAccessible(page);
});

test("the receiving partner finds a transfer by the code on the fiche navette", async ({ page }) => {
  const transfer = await seedTransfer();
  await signInFast(page, RECEIVER_ADMIN);
  await page.goto("/transferts");
  await page.getByLabel("Code du transfert").fill(transfer.code.replace(/-/g, " ").toLowerCase());
  await page.getByRole("button", { name: "Ouvrir" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Transfert ${transfer.code}`);
  await expect(statusHeading(page)).toHaveText("Statut : Envoyé");
});

test("'Bien reçu' without JavaScript", async ({ browser, page }) => {
  const transfer = await seedTransfer();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await signInFast(noScript, RECEIVER);
  await noScript.goto(`/transferts/${transfer.id}`);
  await expect(statusHeading(noScript)).toHaveText("Statut : Envoyé");
  await noScript.getByRole("button", { name: "Bien reçu" }).click();
  await expect(statusHeading(noScript)).toHaveText("Statut : Bien reçu");
  await expect(noScript.getByRole("status")).toHaveText("Réception confirmée (« bien reçu »).");
  expect(await statusOf(transfer.id)).toBe("acknowledged");
  await expectAccessibleWithoutScript(noScript, page);
  await context.close();
});

test("after a decline without a suggestion, the sender re-orients from the matrix, then erases the person's data on request", async ({ page }) => {
  const transfer = await seedTransfer({ person: "Mme Erasée", status: "declined" });
  await withDatabase((client) =>
    client.query(`update "Transfer" set "declineReason" = 'out_of_area', "closedAt" = $2 where id = $1`, [transfer.id, new Date()]),
  );
  await signInFast(page, SENDER);
  await page.goto(`/transferts/${transfer.id}`);
  await expect(page.getByText("Motif du refus : Hors de notre secteur.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Réorienter la personne : choisir une offre dans la matrice" })).toHaveAttribute(
    "href",
    "/territoires/val-de-lise/matrice",
  );
  await expect(page.getByText("Mme Erasée", { exact: true })).toBeVisible();

  const erase = page.getByRole("region", { name: "Effacer les données de la personne" });
  await erase.getByRole("button", { name: "Effacer les données de la personne" }).click();
  await expect(erase.getByText("Cochez la case pour confirmer l'effacement.")).toBeVisible();
  await expectAccessible(page);
  await erase.getByLabel("Je confirme l'effacement définitif des données de la personne.").check();
  await erase.getByRole("button", { name: "Effacer les données de la personne" }).click();
  await expect(page.getByRole("status")).toContainText("Les données de la personne ont été effacées.");
  await expect(page.getByText(/^Données effacées le /)).toBeVisible();
  await expect(page.getByText("Mme Erasée")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Effacer les données de la personne" })).toHaveCount(0);
  const timeline = page.getByRole("list", { name: "Historique du transfert" }).getByRole("listitem");
  await expect(timeline.last()).toContainText("Données de la personne effacées — Lucas Petit");
});

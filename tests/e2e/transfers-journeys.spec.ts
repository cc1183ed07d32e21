/**
 * Issue 6's two journeys, each person in their own browser: nothing is written in the database
 * except the sign-in sessions (and, for the second journey, one member of the suggested partner).
 *
 * 1. Lucas (Association Lien numérique) orients a person to France Services with an accompanied
 *    transfer and an appointment, and prints the fiche navette; Sophie (France Services) gets the
 *    email, confirms « Bien reçu », accepts, and later records the outcome; Lucas follows each step
 *    by email and in his inbox; Claire, the territory's coordinator, follows the transfer without
 *    the person's data.
 * 2. Karim (France Services) declines, suggesting the Département's permanence; Lucas re-orients
 *    the person there from the declined transfer; the Département's social worker receives it.
 */
import type { Browser, Page } from "@playwright/test";
import { signInFast } from "./auth";
import { expect, expectAccessible, test } from "./fixtures";
import { withDatabase } from "./outbox";

const MEDIATOR = "informaticien@lien-numerique.exemple.org"; // Lucas Petit
const RECEIVER = "accueil@franceservices.exemple.fr"; // Sophie Leroy
const RECEIVER_ADMIN = "direction@franceservices.exemple.fr"; // Karim Benali
const COORDINATOR = "coordination@val-de-lise.exemple.fr"; // Claire Martin
const SOCIAL_WORKER = "travailleuse-sociale@departement.exemple.fr"; // created below, member of the Département
const FRANCE_SERVICES = "Espace France Services du Val de Lise";
const DEPARTEMENT = "Maison départementale des solidarités — permanence du Val de Lise";
const OFFER = "Aide aux démarches administratives en ligne"; // France Services, accepts transfers
const DEPARTEMENT_OFFER = "Accompagnement social sur rendez-vous"; // accepts transfers, saturated

/** Each run's own words, so that the journeys never meet another spec's (or an earlier run's) data. */
const stamp = () => Date.now().toString(36).slice(-5).toUpperCase();

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60_000).toISOString().slice(0, 10);

async function personIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInFast(page, email);
  return page;
}

const offerId = (title: string) =>
  withDatabase(async (client) => (await client.query<{ id: string }>(`select id from "Offer" where title = $1`, [title])).rows[0]!.id);

const transferByNeed = (need: string) =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; code: string; status: string; parcoursId: string; previousTransferId: string | null; fromName: string }>(
      `select t.id, t.code, t.status, t."parcoursId", t."previousTransferId", s.name as "fromName"
       from "Transfer" t join "Structure" s on s.id = t."fromStructureId" where t."needDescription" = $1 order by t."createdAt"`,
      [need],
    );
    return rows;
  });

/** The email about `code` sent to `to`, as its reader gets it, waiting a few seconds for it. */
async function emailAbout(to: string, code: string, subject: string): Promise<{ subject: string; text: string; link: string }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const email = await withDatabase(async (client) => {
      const { rows } = await client.query<{ subject: string; text: string }>(
        `select subject, text from "OutboxEmail" where "to" = $1 and subject = $2 order by "createdAt" desc limit 1`,
        [to, subject.replace("{code}", code)],
      );
      return rows[0];
    });
    const link = email?.text.match(/https?:\/\/\S+/)?.[0];
    if (email && link) return { ...email, link };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No email « ${subject} » about ${code} to ${to}.`);
}

const statusHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /^Statut :/ });
const timeline = (page: Page) => page.getByRole("list", { name: "Historique du transfert" }).getByRole("listitem");

test("an accompanied transfer from the offer to its outcome: mediator, receiving partner and coordinator, each in their own browser", async ({ browser }) => {
  test.slow();
  const id = stamp();
  const person = `Maëlys-${id}`;
  const phone = "07 61 52 43 34";
  const need = `Renouveler sa carte d'identité en ligne ${id}`;
  const note = `Pré-demande faite, rendez-vous en mairie pris ${id}`;

  // — Lucas, the mediator, finds France Services' offer and orients the person there.
  const lucas = await personIn(browser, MEDIATOR);
  await lucas.goto(`/t/val-de-lise/offres/${await offerId(OFFER)}`);
  await expect(lucas.getByRole("heading", { level: 1 })).toHaveText(OFFER);
  await expectAccessible(lucas);
  await lucas.getByRole("link", { name: "Orienter une personne vers cette offre" }).click();
  await expect(lucas.getByRole("heading", { level: 1 })).toHaveText("Orienter une personne");
  await expect(lucas.getByLabel("Transfert accompagné")).toBeChecked();
  await lucas.getByLabel("Au nom de quelle structure ?").selectOption({ label: "Association Lien numérique" });
  await lucas.getByLabel("Nature de la demande").fill(need);
  await lucas.getByLabel("Urgent", { exact: true }).check();
  await lucas.getByLabel("Échéance (facultatif)").fill(inDays(2));
  // The 3-A analysis: access (equipment), ability (ease), attitude (the goal).
  await lucas.getByLabel("Aisance de la personne avec le numérique").selectOption({ label: "Débutant" });
  await lucas.getByLabel("Smartphone", { exact: true }).check();
  await lucas.getByRole("group", { name: "Objectif de l'accompagnement" }).getByLabel("Gagner en autonomie").check();
  await lucas.getByRole("group", { name: "Lettre de motivation", exact: true }).getByLabel("Pas nécessaire").check();
  await lucas.getByRole("group", { name: "CV", exact: true }).getByLabel("Pas nécessaire").check();
  await lucas.getByRole("group", { name: "Mandat Aidants Connect", exact: true }).getByLabel("Pas nécessaire").check();
  await lucas.getByLabel("Document", { exact: true }).first().fill("Photo d'identité");
  await lucas.getByLabel("Prénom ou surnom (facultatif)").fill(person);
  await lucas.getByLabel("La personne accepte de partager avec le partenaire les informations cochées ci-dessous.").check();
  await lucas.getByLabel("Ses coordonnées (téléphone, courriel)").check();
  await lucas.getByLabel("Téléphone de la personne").fill(phone);
  await lucas.getByLabel("Date", { exact: true }).fill(inDays(7));
  await lucas.getByLabel("Heure", { exact: true }).fill("14:15");
  await lucas.getByLabel("Lieu", { exact: true }).selectOption({ label: "Espace France Services (Château-Thierry)" });
  await lucas.getByLabel("À qui s'adresser (facultatif)").fill("Sophie, à l'accueil");
  await expectAccessible(lucas);
  await lucas.getByRole("button", { name: "Envoyer le transfert" }).click();
  await lucas.waitForURL(/\/transferts\/[0-9a-f-]{36}$/);
  const [transfer] = await transferByNeed(need);
  expect(transfer).toMatchObject({ status: "sent", fromName: "Association Lien numérique" });
  const code = transfer!.code;
  await expect(lucas.getByRole("heading", { level: 1 })).toHaveText(`Transfert ${code}`);
  await expect(statusHeading(lucas)).toHaveText("Statut : Envoyé");
  await expect(lucas.getByText("Photo d'identité : manquant")).toBeVisible();
  await expectAccessible(lucas);

  // The fiche navette, printed: the code and the QR code, the appointment, never the phone number.
  await lucas.getByRole("link", { name: "Fiche navette à imprimer" }).click();
  const fiche = lucas.locator(".fiche-navette");
  await expect(fiche.locator(".fiche-code")).toHaveText(code);
  await expectAccessible(lucas);
  await lucas.emulateMedia({ media: "print" });
  await expect(lucas.getByRole("button", { name: "Imprimer" })).toBeHidden();
  await expect(fiche.locator(".fiche-code")).toBeVisible();
  await expect(fiche.locator(".fiche-qr svg")).toBeVisible();
  await expect(fiche.locator(".fiche-qr")).toHaveAttribute("data-qr-value", new RegExp(`/fiche/${code}$`));
  await expect(fiche).toContainText(/Rendez-vous le \p{L}+ \d+ \p{L}+ \d{4} à 14 h 15/u);
  await expect(fiche).toContainText(`Pour : ${person}`);
  await expect(fiche).toContainText("Photo d'identité");
  await expect(fiche).not.toContainText(phone);
  await lucas.emulateMedia({ media: "screen" });

  // — Sophie, at France Services, gets the email: the code and a link, not the person.
  const arrival = await emailAbout(RECEIVER, code, "Nouveau transfert {code} de Association Lien numérique");
  expect(arrival.text).not.toContain(person);
  expect(arrival.text).not.toContain(phone);
  const sophie = await personIn(browser, RECEIVER);
  await sophie.goto(arrival.link);
  await expect(sophie.getByRole("heading", { level: 1 })).toHaveText(`Transfert ${code}`);
  // Opening the transfer does not acknowledge it.
  await expect(statusHeading(sophie)).toHaveText("Statut : Envoyé");
  await expect(sophie.getByText(person, { exact: true })).toBeVisible();
  await expect(sophie.getByText(phone, { exact: true })).toBeVisible();
  await expectAccessible(sophie);
  await sophie.reload();
  expect((await transferByNeed(need))[0]!.status).toBe("sent");
  await sophie.getByRole("button", { name: "Bien reçu" }).click();
  await expect(statusHeading(sophie)).toHaveText("Statut : Bien reçu");
  await sophie.getByRole("button", { name: "Accepter" }).click();
  await expect(sophie.getByRole("status")).toHaveText("Transfert accepté.");
  await expect(statusHeading(sophie)).toHaveText("Statut : Accepté");
  await expectAccessible(sophie);

  // — Lucas is told by email, and sees "Accepté" in his "Envoyés" and on the transfer.
  const acknowledged = await emailAbout(MEDIATOR, code, "Transfert {code} : bien reçu");
  expect(acknowledged.text).toContain(`Réception confirmée (« bien reçu ») par ${FRANCE_SERVICES}`);
  const accepted = await emailAbout(MEDIATOR, code, "Transfert {code} : accepté");
  expect(accepted.text).toContain(`Transfert accepté par ${FRANCE_SERVICES}`);
  expect(accepted.text).not.toContain(person);
  await lucas.goto("/transferts");
  await lucas.getByRole("link", { name: "Envoyés" }).click();
  await expect(lucas.getByRole("link", { name: "Envoyés" })).toHaveAttribute("aria-current", "page");
  await lucas.getByRole("link", { name: /^En cours \(\d+\)$/ }).click();
  await expect(lucas.getByRole("heading", { level: 2, name: /^En cours — envoyés/ })).toBeVisible();
  const row = lucas.getByRole("row").filter({ hasText: code });
  await expect(row).toContainText("Accepté");
  await expect(row).toContainText(FRANCE_SERVICES);
  await expectAccessible(lucas);
  await row.getByRole("link", { name: code }).click();
  await expect(statusHeading(lucas)).toHaveText("Statut : Accepté");

  // — Sophie records the outcome.
  await sophie.reload();
  const close = sophie.getByRole("region", { name: "Clore le transfert" });
  await close.getByLabel("Résolu", { exact: true }).check();
  await close.getByLabel("Note (facultative)").fill(note);
  await close.getByRole("button", { name: "Clore et noter le résultat" }).click();
  await expect(sophie.getByRole("status")).toHaveText("Transfert terminé.");
  await expect(statusHeading(sophie)).toHaveText("Statut : Terminé");
  const completed = await emailAbout(MEDIATOR, code, "Transfert {code} : terminé");
  expect(completed.text).toContain("Résultat : Résolu.");
  expect(completed.text).not.toContain(note);

  // The timeline, for both parties: every step, who, for which structure.
  const steps = [
    "Transfert créé — Lucas Petit (Association Lien numérique)",
    "Transfert envoyé — Lucas Petit (Association Lien numérique)",
    `Réception confirmée (« bien reçu ») — Sophie Leroy (${FRANCE_SERVICES})`,
    `Transfert accepté — Sophie Leroy (${FRANCE_SERVICES})`,
    `Transfert terminé — Sophie Leroy (${FRANCE_SERVICES})`,
  ];
  await lucas.reload();
  for (const party of [sophie, lucas]) {
    await expect(statusHeading(party)).toHaveText("Statut : Terminé");
    await expect(timeline(party)).toHaveCount(steps.length);
    for (const [index, step] of steps.entries()) await expect(timeline(party).nth(index)).toContainText(step);
    await expect(timeline(party).nth(4)).toContainText("Résultat : Résolu");
    await expect(timeline(party).nth(4)).toContainText(`Note : ${note}`);
    await expectAccessible(party);
  }

  // — Claire, the coordinator, follows the territory's transfers: never the person's data.
  const claire = await personIn(browser, COORDINATOR);
  await claire.goto("/territoires/val-de-lise");
  await expect(claire.getByRole("link", { name: "Réglages des transferts" })).toHaveAttribute("href", "/territoires/val-de-lise/transferts/reglages");
  await expectAccessible(claire);
  await claire.getByRole("link", { name: "Suivi des transferts" }).click();
  await expect(claire.getByRole("heading", { level: 1 })).toHaveText("Transferts du territoire");
  await expect(claire.getByRole("link", { name: "Réglages des transferts" })).toBeVisible();
  const territoryRow = claire.getByRole("row").filter({ hasText: code });
  await expect(territoryRow).toContainText(FRANCE_SERVICES);
  await expect(territoryRow).toContainText("Terminé");
  await expect(territoryRow).toContainText("Résolu");
  await expectAccessible(claire);
  await territoryRow.getByRole("link", { name: code }).click();
  await expect(statusHeading(claire)).toHaveText("Statut : Terminé");
  await expect(claire.getByText("Réservé aux deux structures du transfert.")).toBeVisible();
  await expect(timeline(claire)).toHaveCount(steps.length);
  await expect(timeline(claire).nth(4)).not.toContainText(note);
  for (const secret of [person, phone, note, "Sophie, à l'accueil"]) expect(await claire.content()).not.toContain(secret);
  await expectAccessible(claire);

  for (const page of [lucas, sophie, claire]) await page.context().close();
});

test("a decline with a suggested partner, and the re-orientation that follows", async ({ browser }) => {
  test.slow();
  const id = stamp();
  const person = `Timothée-${id}`;
  const phone = "06 70 81 92 03";
  const need = `Faire sa demande d'APL en ligne ${id}`;

  // The Département's permanence has a published offer that takes transfers: one of its social
  // workers will receive the person.
  await withDatabase((client) =>
    client.query(
      `with u as (insert into "User" (id, email, name, "updatedAt") values (gen_random_uuid(), $1, 'Nadia Haddad', now())
                  on conflict (email) do update set name = excluded.name returning id)
       insert into "StructureMembership" ("userId", "structureId", role)
       select u.id, s.id, 'member' from u, "Structure" s where s.name = $2
       on conflict do nothing`,
      [SOCIAL_WORKER, DEPARTEMENT],
    ),
  );

  // — Lucas orients the person to France Services, this time for the Centre social.
  const lucas = await personIn(browser, MEDIATOR);
  await lucas.goto(`/transferts/nouveau?offre=${await offerId(OFFER)}`);
  await lucas.getByLabel("Au nom de quelle structure ?").selectOption({ label: "Centre social des Tilleuls" });
  await lucas.getByLabel("Nature de la demande").fill(need);
  await lucas.getByLabel("Aisance de la personne avec le numérique").selectOption({ label: "N'utilise pas le numérique" });
  await lucas.getByLabel("Aucun équipement").check();
  await lucas.getByRole("group", { name: "Objectif de l'accompagnement" }).getByLabel("Répondre à l'urgence (faire avec ou à la place)").check();
  await lucas.getByRole("group", { name: "CV", exact: true }).getByLabel("Pas nécessaire").check();
  await lucas.getByRole("group", { name: "Lettre de motivation", exact: true }).getByLabel("Pas nécessaire").check();
  await lucas.getByRole("group", { name: "Mandat Aidants Connect", exact: true }).getByLabel("Pas nécessaire").check();
  await lucas.getByLabel("Document", { exact: true }).first().fill("Bail de location");
  await lucas.getByRole("group", { name: "Autre document 1" }).getByLabel("Prêt").check();
  await lucas.getByLabel("Prénom ou surnom (facultatif)").fill(person);
  await lucas.getByLabel("La personne accepte de partager avec le partenaire les informations cochées ci-dessous.").check();
  await lucas.getByLabel("Ses coordonnées (téléphone, courriel)").check();
  await lucas.getByLabel("Téléphone de la personne").fill(phone);
  await lucas.getByRole("button", { name: "Envoyer le transfert" }).click();
  await lucas.waitForURL(/\/transferts\/[0-9a-f-]{36}$/);
  const [first] = await transferByNeed(need);
  expect(first).toMatchObject({ status: "sent", fromName: "Centre social des Tilleuls" });

  // — Karim, France Services' administrator, declines from the email's link and suggests the Département.
  const arrival = await emailAbout(RECEIVER_ADMIN, first!.code, "Nouveau transfert {code} de Centre social des Tilleuls");
  const karim = await personIn(browser, RECEIVER_ADMIN);
  await karim.goto(arrival.link);
  await expect(statusHeading(karim)).toHaveText("Statut : Envoyé");
  const decline = karim.getByRole("region", { name: "Refuser ce transfert" });
  await decline.getByLabel("Motif du refus").selectOption({ label: "Plus de place pour le moment" });
  await decline.getByLabel("Partenaire suggéré (facultatif)").selectOption({ label: DEPARTEMENT });
  await expectAccessible(karim);
  await decline.getByRole("button", { name: "Refuser" }).click();
  await expect(karim.getByRole("status")).toHaveText("Transfert refusé.");
  await expect(statusHeading(karim)).toHaveText("Statut : Refusé");

  // — Lucas is emailed, sees the reason and the suggestion, and re-orients the person.
  const declined = await emailAbout(MEDIATOR, first!.code, "Transfert {code} : refusé");
  expect(declined.text).toContain("Motif : Plus de place pour le moment.");
  await lucas.goto(declined.link);
  await expect(statusHeading(lucas)).toHaveText("Statut : Refusé");
  await expect(lucas.getByText(`Motif du refus : Plus de place pour le moment. Partenaire suggéré : ${DEPARTEMENT}.`)).toBeVisible();
  await expectAccessible(lucas);
  await lucas.getByRole("link", { name: `Réorienter la personne vers « ${DEPARTEMENT_OFFER} »` }).click();
  await expect(lucas.getByRole("heading", { level: 1 })).toHaveText("Orienter une personne");
  await expect(lucas.getByRole("status")).toContainText(`Réorientation après le transfert ${first!.code} vers ${FRANCE_SERVICES}`);
  // Prefilled from the first transfer: on behalf of the same structure, the need, the analysis, the
  // documents; not the consent nor the details (they are asked again).
  await expect(lucas.getByLabel("Au nom de quelle structure ?")).toHaveValue(
    await withDatabase(async (client) => (await client.query<{ id: string }>(`select id from "Structure" where name = 'Centre social des Tilleuls'`)).rows[0]!.id),
  );
  await expect(lucas.getByLabel("Nature de la demande")).toHaveValue(need);
  await expect(lucas.getByLabel("Aisance de la personne avec le numérique")).toHaveValue("none");
  await expect(lucas.getByLabel("Aucun équipement")).toBeChecked();
  await expect(lucas.getByRole("group", { name: "Objectif de l'accompagnement" }).getByLabel("Répondre à l'urgence (faire avec ou à la place)")).toBeChecked();
  await expect(lucas.getByRole("group", { name: "Bail de location", exact: true }).getByLabel("Prêt")).toBeChecked();
  await expect(lucas.getByLabel("La personne accepte de partager avec le partenaire les informations cochées ci-dessous.")).not.toBeChecked();
  await expect(lucas.getByLabel("Téléphone de la personne")).toHaveValue("");
  await expectAccessible(lucas);
  // The Département's offer is saturated: Lucas confirms before sending.
  await lucas.getByRole("button", { name: "Envoyer le transfert" }).click();
  await lucas.getByLabel("Je transfère quand même").check();
  await lucas.getByRole("button", { name: "Envoyer le transfert" }).click();
  await lucas.waitForURL((url) => url.pathname !== `/transferts/${first!.id}` && /^\/transferts\/[0-9a-f-]{36}$/.test(url.pathname));
  const [, second] = await transferByNeed(need);
  expect(second).toMatchObject({ status: "sent", fromName: "Centre social des Tilleuls", parcoursId: first!.parcoursId, previousTransferId: first!.id });
  // The parcours: each transfer links to the other for Lucas.
  await expect(lucas.getByRole("heading", { level: 1 })).toHaveText(`Transfert ${second!.code}`);
  await lucas.getByRole("link", { name: first!.code }).click();
  await expect(lucas.getByRole("heading", { level: 1 })).toHaveText(`Transfert ${first!.code}`);
  await expect(lucas.getByRole("listitem").filter({ hasText: "Réorientation :" })).toContainText(second!.code);
  await expectAccessible(lucas);
  // France Services does not see where the person went next.
  await karim.reload();
  await expect(karim.getByText(second!.code)).toHaveCount(0);

  // — Nadia, at the Département, gets the email and finds the transfer in her inbox.
  await emailAbout(SOCIAL_WORKER, second!.code, "Nouveau transfert {code} de Centre social des Tilleuls");
  const nadia = await personIn(browser, SOCIAL_WORKER);
  await nadia.goto("/transferts");
  const row = nadia.getByRole("row").filter({ hasText: second!.code });
  await expect(row).toContainText("Centre social des Tilleuls");
  await expect(row).toContainText(DEPARTEMENT_OFFER);
  await expect(row).toContainText("Envoyé");
  await expectAccessible(nadia);
  await row.getByRole("link", { name: second!.code }).click();
  await expect(statusHeading(nadia)).toHaveText("Statut : Envoyé");
  await expect(nadia.getByText(need)).toBeVisible();
  // Nor does she see the declined transfer before hers: it was between two other structures.
  await expect(nadia.getByText(first!.code)).toHaveCount(0);
  await expectAccessible(nadia);

  for (const page of [lucas, karim, nadia]) await page.context().close();
});

/**
 * Issue 17's "Done when" journey for appointments, each person in their own browser: Lucas
 * (Association Lien numérique) sends José with an accompanied transfer to France Services, books
 * a slot before the deadline from the transfer page; the fiche navette shows it; Sophie (France
 * Services) sees it in her structure's appointments, marks José attended, and the transfer is
 * accepted. Then Sophie books a walk-in from her side, the form working without JavaScript.
 */
import type { Browser, Page } from "@playwright/test";
import { signInFast } from "./auth";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { withDatabase } from "./outbox";

const MEDIATOR = "informaticien@lien-numerique.exemple.org"; // Lucas Petit
const RECEIVER = "accueil@franceservices.exemple.fr"; // Sophie Leroy
const OFFER = "Aide aux démarches administratives en ligne";

const stamp = () => Date.now().toString(36).slice(-5).toUpperCase();
const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60_000).toISOString().slice(0, 10);

async function personIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInFast(page, email);
  return page;
}

let offerId: string;
let structureId: string;

test.beforeAll(async () => {
  // Sophie receives on Tuesdays and Thursdays 14–17, 45-minute appointments, at the offer's place.
  await withDatabase(async (client) => {
    const { rows } = await client.query<{ offerId: string; structureId: string; placeId: string; userId: string }>(
      `select o.id as "offerId", o."structureId", op."placeId", u.id as "userId"
       from "Offer" o join "OfferPlace" op on op."offerId" = o.id, "User" u where o.title = $1 and u.email = $2 limit 1`,
      [OFFER, RECEIVER],
    );
    const found = rows[0]!;
    offerId = found.offerId;
    structureId = found.structureId;
    for (const weekday of [2, 4]) {
      await client.query(
        `insert into "AvailabilityPattern" (id, "structureId", "mediatorId", "offerId", "placeId", kind, weekday, "startMinute", "endMinute", "slotMinutes", "updatedAt")
         select gen_random_uuid(), $1, $2, $3, $4, 'procedure', $5, 840, 1020, 45, now()
         where not exists (select 1 from "AvailabilityPattern" where "mediatorId" = $2 and "offerId" = $3 and weekday = $5 and "startMinute" = 840 and "endMinute" = 1020 and "slotMinutes" = 45)`,
        [found.structureId, found.userId, found.offerId, found.placeId, weekday],
      );
    }
  });
});

const transferByNeed = (need: string) =>
  withDatabase(async (client) => (await client.query<{ id: string; code: string; status: string }>(`select id, code, status from "Transfer" where "needDescription" = $1`, [need])).rows[0]!);

test("a mediator books José's appointment inside an accompanied transfer; the partner marks him attended and the transfer follows", async ({ browser }) => {
  test.slow();
  const id = stamp();
  const person = `José-${id}`;
  const need = `Déclarer ses revenus en ligne ${id}`;

  const lucas = await personIn(browser, MEDIATOR);
  await lucas.goto(`/transferts/nouveau?offre=${offerId}`);
  await expect(lucas.getByRole("heading", { level: 1 })).toHaveText("Orienter une personne");
  await lucas.getByLabel("Transfert accompagné").check();
  await lucas.getByLabel("Au nom de quelle structure ?").selectOption({ label: "Association Lien numérique" });
  await lucas.getByLabel("Nature de la demande").fill(need);
  await lucas.getByLabel("Échéance (facultatif)").fill(inDays(10));
  await lucas.getByRole("group", { name: "Lettre de motivation", exact: true }).getByLabel("Pas nécessaire").check();
  await lucas.getByRole("group", { name: "CV", exact: true }).getByLabel("Pas nécessaire").check();
  await lucas.getByRole("group", { name: "Mandat Aidants Connect", exact: true }).getByLabel("Pas nécessaire").check();
  await lucas.getByLabel("Prénom ou surnom (facultatif)").fill(person);
  await lucas.getByRole("button", { name: "Envoyer le transfert" }).click();
  await lucas.waitForURL(/\/transferts\/[0-9a-f-]{36}$/);
  const transfer = await transferByNeed(need);
  expect(transfer.status).toBe("sent");

  // — The transfer page offers the partner's free slots, those before the deadline first.
  const booking = lucas.getByRole("region", { name: "Rendez-vous chez le partenaire" });
  await expect(booking.getByRole("heading", { name: "Prendre rendez-vous" })).toBeVisible();
  await expectAccessible(lucas);
  const firstSlot = booking.locator("label").filter({ has: lucas.getByRole("radio") }).first();
  await expect(firstSlot).toHaveText(/^\d{2}:\d{2} avec Sophie$/);
  await firstSlot.getByRole("radio").check();
  await booking.getByRole("button", { name: "Prendre ce rendez-vous" }).click();
  await expect(lucas.getByRole("status")).toHaveText("Rendez-vous pris chez le partenaire.");
  await expect(booking.getByRole("link", { name: /^Le / })).toBeVisible();
  await expect(booking).toContainText("avec Sophie");
  await expect(booking).toContainText("Espace France Services");
  await expect(booking.getByRole("heading", { name: "Prendre rendez-vous" })).toHaveCount(0);
  await expect(lucas.getByRole("list", { name: "Historique du transfert" })).toContainText("Rendez-vous pris");
  await expectAccessible(lucas);

  // — José's fiche navette shows the appointment and whom he will meet.
  await lucas.getByRole("link", { name: "Fiche navette à imprimer" }).click();
  const fiche = lucas.locator(".fiche-navette");
  await expect(fiche).toContainText(/Rendez-vous le \p{L}+ \d+ \p{L}+ \d{4} à \d+ h( \d+)? avec Sophie/u);
  await expectAccessible(lucas);

  // — Sophie sees it in her structure's agenda, in the appointment's week…
  const sophie = await personIn(browser, RECEIVER);
  const startsAt = await withDatabase(async (client) => (await client.query<{ startsAt: Date }>(`select "startsAt" from "Appointment" where "transferId" = $1`, [transfer.id])).rows[0]!.startsAt);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(startsAt);
  await sophie.goto(`/structures/${structureId}/agenda?semaine=${day}`);
  await expect(sophie.getByRole("main")).toContainText(person);
  await expectAccessible(sophie);
  // …and among her structure's appointments.
  await sophie.goto(`/structures/${structureId}/rendez-vous`);
  const entry = sophie.getByRole("link", { name: new RegExp(`— ${person}$`) });
  await expect(entry).toBeVisible();
  await expectAccessible(sophie);
  await entry.click();
  await expect(sophie.getByRole("heading", { level: 1 })).toContainText("Rendez-vous du");
  // Not started yet: no attendance to record.
  await expect(sophie.getByRole("button", { name: "Marquer venu" })).toHaveCount(0);
  await expectAccessible(sophie);

  // The appointment takes place (its hour is moved to the past: the server's clock is real).
  await withDatabase((client) =>
    client.query(
      `update "Appointment" set "startsAt" = now() - interval '1 hour', "endsAt" = now() - interval '15 minutes', "slotKey" = "mediatorId"::text || '|past-' || id::text where "transferId" = $1`,
      [transfer.id],
    ),
  );
  await sophie.reload();
  await sophie.getByRole("button", { name: "Marquer venu" }).click();
  await expect(sophie.getByRole("status")).toHaveText("C'est noté : la personne est venue.");
  await expect(sophie.getByText("Venu", { exact: true })).toBeVisible();
  await expectAccessible(sophie);

  // The person came: the transfer is accepted, and its history says so.
  expect((await transferByNeed(need)).status).toBe("accepted");
  await sophie.goto(`/transferts/${transfer.id}`);
  await expect(sophie.getByRole("heading", { level: 2, name: /^Statut :/ })).toHaveText("Statut : Accepté");
  await expect(sophie.getByRole("list", { name: "Historique du transfert" })).toContainText("La personne est venue au rendez-vous");
});

test("a walk-in booked by the structure, without JavaScript; moved, then cancelled with a reason", async ({ browser }) => {
  const id = stamp();
  const person = `Mireille-${id}`;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await signInFast(noScript, RECEIVER);
  const checker = await (await browser.newContext()).newPage();

  await noScript.goto(`/structures/${structureId}/rendez-vous`);
  await noScript.getByRole("link", { name: OFFER }).click();
  await expect(noScript.getByRole("heading", { level: 1 })).toHaveText(`Prendre un rendez-vous — ${OFFER}`);
  // Nothing chosen: the errors are said next to their fields.
  await noScript.getByRole("button", { name: "Prendre ce rendez-vous" }).click();
  await expect(noScript.getByText("Choisissez un créneau.")).toBeVisible();
  await expect(noScript.getByText("Indiquez un prénom ou un surnom.")).toBeVisible();
  await expectAccessibleWithoutScript(noScript, checker);

  await noScript.getByRole("radio").first().check();
  await noScript.getByLabel("Prénom ou surnom de la personne").fill(person);
  await noScript.getByRole("button", { name: "Prendre ce rendez-vous" }).click();
  await expect(noScript.getByRole("status")).toHaveText("Rendez-vous pris.");
  await expect(noScript.getByText(person, { exact: true })).toBeVisible();
  await expectAccessibleWithoutScript(noScript, checker);

  // Moved to another slot: a new appointment replaces it.
  const moving = noScript.getByRole("region", { name: "Déplacer" });
  await moving.getByRole("radio").nth(1).check();
  await moving.getByRole("button", { name: "Déplacer à ce créneau" }).click();
  await expect(noScript.getByRole("status")).toHaveText("Rendez-vous déplacé : voici le nouveau.");

  // Cancelled: the reason is required.
  const cancelling = noScript.getByRole("region", { name: "Annuler" });
  await cancelling.getByRole("button", { name: "Annuler le rendez-vous" }).click();
  await expect(noScript.getByText("Indiquez la raison de l'annulation.")).toBeVisible();
  await noScript.getByRole("region", { name: "Annuler" }).getByLabel("Raison de l'annulation").fill("La personne a appelé");
  await noScript.getByRole("region", { name: "Annuler" }).getByRole("button", { name: "Annuler le rendez-vous" }).click();
  await expect(noScript.getByRole("status")).toHaveText("Rendez-vous annulé.");
  await expect(noScript.getByText("La personne a appelé")).toBeVisible();
  await expectAccessibleWithoutScript(noScript, checker);
  await context.close();
});

test("a usages series: skills chosen, a session booked and attended, the progress shown", async ({ browser }) => {
  test.slow();
  const person = `Odette-${stamp()}`;
  const sophie = await personIn(browser, RECEIVER);
  await sophie.goto(`/structures/${structureId}/rendez-vous`);
  await sophie.getByRole("link", { name: "Créer une série de séances pour une personne" }).click();
  await expect(sophie.getByRole("heading", { level: 1 })).toHaveText("Nouvelle série « usages »");
  await sophie.getByLabel("Prénom ou surnom de la personne").fill(person);
  await sophie.getByLabel("Nombre de séances prévues (1 à 20)").fill("3");
  await sophie.getByLabel("Offre des séances").selectOption({ label: OFFER });
  const skills = sophie.getByRole("group", { name: "Compétences à travailler" }).getByRole("checkbox");
  await skills.nth(0).check();
  await skills.nth(1).check();
  const reachedSkill = (await sophie.getByRole("group", { name: "Compétences à travailler" }).locator("label").nth(0).innerText()).trim();
  await expectAccessible(sophie);
  await sophie.getByRole("button", { name: "Créer la série" }).click();
  await expect(sophie.getByRole("heading", { level: 1 })).toHaveText(`Série « usages » — ${person}`);
  await expect(sophie.getByText("0 séance faite sur 3")).toBeVisible();
  await expectAccessible(sophie);

  await sophie.getByRole("link", { name: "Réserver une séance" }).click();
  await expect(sophie.getByLabel("Prénom ou surnom de la personne")).toHaveValue(person);
  await sophie.getByRole("radio").first().check();
  await sophie.getByRole("button", { name: "Prendre ce rendez-vous" }).click();
  await expect(sophie.getByRole("status")).toHaveText("Rendez-vous pris.");
  const appointmentUrl = sophie.url().replace(/\?.*$/, "");

  // The session takes place.
  await withDatabase((client) =>
    client.query(
      `update "Appointment" set "startsAt" = now() - interval '1 hour', "endsAt" = now() - interval '15 minutes', "slotKey" = "mediatorId"::text || '|past-' || id::text where "personLabel" = $1`,
      [person],
    ),
  );
  await sophie.goto(appointmentUrl);
  await sophie.getByRole("group", { name: "Compétences atteintes pendant cette séance" }).getByLabel(reachedSkill).check();
  await expectAccessible(sophie);
  await sophie.getByRole("button", { name: "Marquer venu" }).click();
  await expect(sophie.getByRole("status")).toHaveText("C'est noté : la personne est venue.");
  await sophie.getByRole("link", { name: "Série « usages »" }).click();
  await expect(sophie.getByText("1 séance faite sur 3")).toBeVisible();
  await expect(sophie.getByText("1 compétence atteinte sur 2")).toBeVisible();
  await expect(sophie.getByText(`${reachedSkill} : atteinte`)).toBeVisible();
});

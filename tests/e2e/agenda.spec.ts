import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { signInFast } from "./auth";
import { withDatabase } from "./outbox";

// Axe on several pages, on a busy machine.
test.describe.configure({ timeout: 120_000 });

const OFFER = "Aide aux démarches administratives en ligne";
const ADMIN = "direction@franceservices.exemple.fr";

/** A new member of the Espace France Services, with an empty agenda: this spec's own person. */
async function newMediator(email: string, name: string) {
  return withDatabase(async (client) => {
    const structure = await client.query<{ structureId: string }>(`select "structureId" from "Offer" where title = $1`, [OFFER]);
    const structureId = structure.rows[0]!.structureId;
    const user = await client.query<{ id: string }>(
      `insert into "User" (id, email, name, "updatedAt") values (gen_random_uuid(), $1, $2, now())
       on conflict (email) do update set name = excluded.name returning id`,
      [email, name],
    );
    const userId = user.rows[0]!.id;
    await client.query(`insert into "StructureMembership" ("userId", "structureId", role) values ($1, $2, 'member') on conflict do nothing`, [userId, structureId]);
    await client.query(`delete from "AvailabilityPattern" where "mediatorId" = $1`, [userId]);
    return { structureId, userId };
  });
}

// This spec's people leave nothing behind for other specs (the offer's free slots, France Services' members).
test.afterAll(async () => {
  await withDatabase(async (client) => {
    const people = `select id from "User" where email like 'agenda.%@franceservices.exemple.fr'`;
    await client.query(`delete from "AvailabilityPattern" where "mediatorId" in (${people})`);
    await client.query(`delete from "AgendaAbsence" where "mediatorId" in (${people})`);
    await client.query(`delete from "StructureMembership" where "userId" in (${people})`);
  });
});

const patternCount = (userId: string) =>
  withDatabase(async (client) => Number((await client.query<{ count: string }>(`select count(*) from "AvailabilityPattern" where "mediatorId" = $1`, [userId])).rows[0]!.count));

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** Fills the pattern form for the afternoon (14:00–17:00, 45 minutes) of a weekday at the Espace France Services, and sends it. */
async function addAfternoon(page: Page, weekday: string) {
  await field(page, "Offre").selectOption({ label: OFFER });
  await field(page, "Lieu").selectOption({ label: "Espace France Services" });
  await field(page, "Jour").selectOption({ label: weekday });
  await field(page, "Début").fill("14:00");
  await field(page, "Fin").fill("17:00");
  await field(page, "Durée d'un rendez-vous (minutes)").fill("45");
  await page.getByRole("button", { name: "Ajouter ce créneau" }).click();
}

async function publishTwoThenRefuseAThird(page: Page, userId: string) {
  await addAfternoon(page, "mardi");
  await expect(page.getByText("Créneau enregistré")).toBeVisible();
  await expect(page.getByText("mardi 14 h – 17 h — rendez-vous de 45 min")).toBeVisible();
  await addAfternoon(page, "jeudi");
  await expect(page.getByText("jeudi 14 h – 17 h — rendez-vous de 45 min")).toBeVisible();
  expect(await patternCount(userId)).toBe(2);

  await addAfternoon(page, "vendredi");
  const refusal = /^La structure limite les rendez-vous à 2 demi-journées par semaine et par personne\. Avec ce créneau, la semaine du lundi \d+ \S+ en compterait 3 : mardi après-midi, jeudi après-midi, vendredi après-midi\./;
  await expect(page.getByText(refusal)).toBeVisible();
  await expect(field(page, "Jour")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Jour")).toHaveAccessibleDescription(refusal);
  // What was typed is still there, and nothing was stored.
  await expect(field(page, "Jour")).toHaveValue("5");
  expect(await patternCount(userId)).toBe(2);
}

test("a mediator publishes two half-days, and the capacity rule refuses a third in the week", async ({ page }) => {
  const { structureId, userId } = await newMediator("agenda.js@franceservices.exemple.fr", "Agnès Durand");
  await signInFast(page, "agenda.js@franceservices.exemple.fr");
  await page.goto(`/structures/${structureId}`);
  await page.getByRole("link", { name: "Agenda", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Agenda — semaine du /);
  await page.getByRole("link", { name: "Disponibilités et absences" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes disponibilités");
  await expectAccessible(page);

  await publishTwoThenRefuseAThird(page, userId);
  await expectAccessible(page);

  // Her free slots are in the structure's week (this week's or the next one's, whatever today is).
  await page.goto(`/structures/${structureId}/agenda?mediateur=${userId}`);
  const next = page.getByRole("link", { name: "Semaine suivante →" });
  await next.click();
  await expect(page.getByRole("heading", { name: "Agnès Durand" }).first()).toBeVisible();
  await expect(page.getByText(/^Libre : 14 h \(Aide aux démarches administratives en ligne, Espace France Services\)/).first()).toBeVisible();
  await expectAccessible(page);
});

test("without JavaScript, the same: two half-days published, the third refused next to the form", async ({ browser, page: checker }) => {
  const { structureId, userId } = await newMediator("agenda.nojs@franceservices.exemple.fr", "Bruno Petit");
  const page = await noScriptPage(browser, "agenda.nojs@franceservices.exemple.fr");
  await page.goto(`/structures/${structureId}/agenda/disponibilites`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes disponibilités");
  await publishTwoThenRefuseAThird(page, userId);
  await expectAccessibleWithoutScript(page, checker);

  await page.goto(`/structures/${structureId}/agenda`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Agenda — semaine du /);
  await expectAccessibleWithoutScript(page, checker);
  await page.context().close();
});

test("an admin's settings refuse a limit below what is published, naming who and which week", async ({ page }) => {
  const { structureId } = await newMediator("agenda.js@franceservices.exemple.fr", "Agnès Durand");
  await signInFast(page, ADMIN);
  await page.goto(`/structures/${structureId}/agenda/reglages`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Réglages de l'agenda");
  await expect(field(page, "Demi-journées de rendez-vous par semaine, au plus")).toHaveValue("2");
  await expectAccessible(page);
  await field(page, "Demi-journées de rendez-vous par semaine, au plus").fill("1");
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
  await expect(page.getByText(/^Limite non enregistrée : des créneaux publiés dépassent 1 demi-journée par semaine — .*Sophie Leroy, semaine du lundi/)).toBeVisible();
  await page.reload();
  await expect(field(page, "Demi-journées de rendez-vous par semaine, au plus")).toHaveValue("2");
});

test("a mediator changes a pattern, deletes it, and records then removes an absence", async ({ page }) => {
  const { structureId, userId } = await newMediator("agenda.edit@franceservices.exemple.fr", "Chloé Martin");
  await signInFast(page, "agenda.edit@franceservices.exemple.fr");
  await page.goto(`/structures/${structureId}/agenda/disponibilites`);
  await addAfternoon(page, "mercredi");
  await expect(page.getByText("mercredi 14 h – 17 h — rendez-vous de 45 min")).toBeVisible();

  await page.getByRole("link", { name: "Modifier le créneau du mercredi 14 h – 17 h" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Modifier le créneau du mercredi 14 h – 17 h" })).toBeVisible();
  await expect(field(page, "Début")).toHaveValue("14:00");
  await field(page, "Fin").fill("16:00");
  await field(page, "Durée d'un rendez-vous (minutes)").fill("30");
  await page.getByRole("button", { name: "Enregistrer le créneau" }).click();
  await expect(page.getByText("mercredi 14 h – 16 h — rendez-vous de 30 min")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Ajouter un créneau" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Supprimer ce créneau" }).click();
  await expect(page.getByText("Créneau supprimé.")).toBeVisible();
  await expect(page.getByText("Aucun créneau pour l'instant.")).toBeVisible();
  expect(await patternCount(userId)).toBe(0);

  await field(page, "Du").fill("2027-08-02");
  await field(page, "Au (inclus)").fill("2027-07-30");
  await field(page, "Motif").fill("Congés");
  await page.getByRole("button", { name: "Enregistrer l'absence" }).click();
  await expect(page.getByText("La fin de l'absence vient avant son début : corrigez la date.")).toBeVisible();
  await field(page, "Au (inclus)").fill("2027-08-20");
  await page.getByRole("button", { name: "Enregistrer l'absence" }).click();
  await expect(page.getByText("Congés : du lundi 2 août au vendredi 20 août")).toBeVisible();
  await page.getByRole("button", { name: "Supprimer cette absence" }).click();
  await expect(page.getByText("Absence supprimée.")).toBeVisible();
  await expect(page.getByText("Congés : du lundi 2 août")).toHaveCount(0);
});

async function noScriptPage(browser: Browser, email: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInFast(page, email);
  return page;
}

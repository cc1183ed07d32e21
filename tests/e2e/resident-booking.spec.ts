/**
 * Issue 17, "Done when" (points 6–7): a resident books a slot without JavaScript, gets the
 * confirmation, cancels it from the confirmation's link, and the first person on the offer's
 * waiting list is offered the freed slot (the outbox email, the held slot on their link).
 * Set-up by SQL, on data of this spec only: the Mission locale takes bookings online, and a
 * mediator of this spec receives for its offer on weekday mornings, from the day after tomorrow.
 */
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { emailsSince, outboxMark, withDatabase } from "./outbox";

const SLUG = "val-de-lise";
const OFFER_TITLE = "Accompagnement vers l'emploi et la formation des 16-25 ans";
const MEDIATOR = "e2e-rdv-mediateur@mission-locale.exemple.fr";
const RESIDENT = "e2e-rdv-amina@exemple.fr";
const WAITING = "e2e-rdv-bruno@exemple.fr";

async function setUp(): Promise<string> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; structureId: string; placeId: string }>(
      `select o.id, o."structureId", op."placeId" from "Offer" o join "OfferPlace" op on op."offerId" = o.id where o.title = $1`,
      [OFFER_TITLE],
    );
    const offer = rows[0]!;
    await client.query(`update "Structure" set "residentsBookOnline" = true where id = $1`, [offer.structureId]);
    await client.query(`insert into "User" (id, email, name, "updatedAt") values (gen_random_uuid(), $1, 'Médiateur E2E', now()) on conflict (email) do nothing`, [MEDIATOR]);
    await client.query(
      `insert into "AvailabilityPattern" (id, "structureId", "mediatorId", "offerId", "placeId", kind, weekday, "startMinute", "endMinute", "slotMinutes", "validFrom", "updatedAt")
       select gen_random_uuid(), $1, u.id, $2, $3, 'procedure', day, 540, 720, 60, current_date + 2, now()
       from "User" u, generate_series(1, 5) as day
       where u.email = $4 and not exists (select 1 from "AvailabilityPattern" p where p."mediatorId" = u.id and p.weekday = day)`,
      [offer.structureId, offer.id, offer.placeId, MEDIATOR],
    );
    return offer.id;
  });
}

test("a resident books without JavaScript, cancels from the link, and the first person waiting is offered the slot", async ({ page, browser }) => {
  test.slow(); // several people, each in their own browser, each page checked by axe: near 30 s on a busy machine
  const offerId = await setUp();
  const mark = await outboxMark();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();

  // The offer page shows the next free slots and the way to book.
  await noScript.goto(`/t/${SLUG}/offres/${offerId}`);
  await expect(noScript.getByRole("heading", { name: "Prochains rendez-vous libres" })).toBeVisible();
  await noScript.getByRole("link", { name: "Prendre rendez-vous" }).click();
  await expect(noScript).toHaveURL(new RegExp(`/offres/${offerId}/rendez-vous$`));
  await expectAccessibleWithoutScript(noScript, page);

  // Someone joins the waiting list first (no slot suits them).
  await noScript.getByLabel("Votre prénom ou un surnom").last().fill("Bruno");
  await noScript.locator("#attente-courriel").fill(WAITING);
  await noScript.locator("#attente-accord").check();
  await noScript.getByRole("button", { name: "M'inscrire sur la liste d'attente" }).click();
  await expect(noScript.getByRole("heading", { name: "Liste d'attente" })).toBeVisible();
  await expect(noScript.getByRole("button", { name: "Quitter la liste d'attente" })).toBeVisible();

  // The resident books the first slot offered; a missing consent is said next to its field first.
  await noScript.goto(`/t/${SLUG}/offres/${offerId}/rendez-vous`);
  const firstSlot = noScript.locator('input[name="slot"]').first();
  const slotId = await firstSlot.getAttribute("id");
  const slotTime = (await noScript.locator(`label[for="${slotId}"]`).innerText()).split("\n")[0]!.trim();
  await firstSlot.check();
  await noScript.locator("#rdv-prenom").fill("Amina");
  await noScript.locator("#rdv-courriel").fill(RESIDENT);
  await noScript.getByRole("button", { name: "Réserver ce créneau" }).click();
  await expect(noScript.getByText("Cochez cette case pour continuer")).toBeVisible();
  await expect(noScript.locator("#rdv-prenom")).toHaveValue("Amina");
  await noScript.locator(`#${slotId}`).check();
  await noScript.locator("#rdv-accord").check();
  await noScript.getByRole("button", { name: "Réserver ce créneau" }).click();

  await expect(noScript).toHaveURL(new RegExp(`/t/${SLUG}/rendez-vous/[A-Za-z0-9_-]{24}$`));
  const link = noScript.url();
  await expect(noScript.getByText("Votre rendez-vous est réservé.")).toBeVisible();
  await expect(noScript.getByText(slotTime, { exact: false }).first()).toBeVisible();
  await expect(noScript.getByRole("heading", { name: "Documents à apporter" })).toBeVisible();
  await expectAccessibleWithoutScript(noScript, page);
  const [confirmation] = await emailsSince(mark, `"to" = $2`, [RESIDENT]);
  expect(confirmation!.subject).toBe(`Rendez-vous confirmé : ${OFFER_TITLE}`);
  expect(confirmation!.text).toContain(new URL(link).pathname);

  // Cancelled from the confirmation's link.
  await noScript.goto(link);
  await noScript.getByRole("button", { name: "Annuler ce rendez-vous" }).click();
  await expect(noScript.getByText("Votre rendez-vous est annulé. Le créneau est proposé à quelqu'un d'autre.")).toBeVisible();
  await expectAccessibleWithoutScript(noScript, page);
  await context.close();

  // The first person waiting is offered the slot: an email with their link, where the slot is held.
  const [offered] = await emailsSince(mark, `"to" = $2 and subject like 'Un créneau%'`, [WAITING]);
  expect(offered!.subject).toBe(`Un créneau s'est libéré : ${OFFER_TITLE}`);
  const holdLink = offered!.text.match(/https?:\/\/\S+\/rendez-vous\/[A-Za-z0-9_-]{24}/)![0];
  await page.goto(new URL(holdLink).pathname);
  await expect(page.getByText("Un créneau s'est libéré : il vous est réservé jusqu'au")).toBeVisible();
  await expect(page.getByText(slotTime, { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Je confirme ce rendez-vous" }).click();
  await expect(page.getByText("Votre rendez-vous est confirmé.")).toBeVisible();
});

test("a link that names nothing is a 404", async ({ page }) => {
  const response = await page.goto(`/t/${SLUG}/rendez-vous/AAAAAAAAAAAAAAAAAAAAAAAA`);
  expect(response?.status()).toBe(404);
});

test("a slot taken meanwhile is said on the form without JavaScript, and a booking moves to another slot from its link", async ({ page, browser }) => {
  test.slow(); // several people, each in their own browser, each page checked by axe: near 30 s on a busy machine
  const offerId = await setUp();
  const bookingPage = `/t/${SLUG}/offres/${offerId}/rendez-vous`;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const [first, second] = [await context.newPage(), await context.newPage()];
  await first.goto(bookingPage);
  await second.goto(bookingPage);
  const book = async (tab: typeof first, name: string) => {
    await tab.locator('input[name="slot"]').first().check();
    await tab.locator("#rdv-prenom").fill(name);
    await tab.locator("#rdv-telephone").fill("06 12 34 56 78");
    await tab.locator("#rdv-accord").check();
    await tab.getByRole("button", { name: "Réserver ce créneau" }).click();
  };
  const taken = await first.locator('input[name="slot"]').first().getAttribute("value");
  await book(first, "Chloé");
  await expect(first.getByText("Votre rendez-vous est réservé.")).toBeVisible();
  // The second person chose the same slot on a page loaded before: refused, and the list no longer offers it.
  await book(second, "Driss");
  await expect(second.getByText("Ce créneau vient d'être pris par quelqu'un d'autre.")).toBeVisible();
  await expect(second.locator("#rdv-prenom")).toHaveValue("Driss");
  await expect(second.locator(`input[name="slot"][value="${taken}"]`)).toHaveCount(0);
  await expectAccessibleWithoutScript(second, page);
  await context.close();

  // With JavaScript, from the link: move to another slot; the link stays the same.
  const link = new URL(first.url()).pathname;
  await page.goto(link);
  const before = await page.getByRole("definition").nth(1).innerText();
  await page.getByRole("link", { name: "Changer de créneau" }).click();
  await expect(page.getByRole("heading", { name: "Changer de créneau" })).toBeVisible();
  await expectAccessible(page);
  await page.locator('input[name="slot"]').nth(1).check();
  await page.getByRole("button", { name: "Prendre ce créneau à la place" }).click();
  await expect(page).toHaveURL(new RegExp(`${link}\\?fait=move$`));
  await expect(page.getByText("Votre rendez-vous est réservé.")).toBeVisible();
  expect(await page.getByRole("definition").nth(1).innerText()).not.toBe(before);
  // The first slot is free again.
  await page.goto(bookingPage);
  await expect(page.locator(`input[name="slot"][value="${taken}"]`)).toHaveCount(1);
});

import { describe, expect, it } from "vitest";
import { bookingSchema, moveSchema, waitlistSchema } from "./schemas";

const offerId = "9a0d1497-8b26-4d59-8fa2-d1daa5867be1";
const mediatorId = "1f6c3d0e-2b7a-4c55-8e0e-6a4b1c2d3e4f";
const slot = `${mediatorId}|2026-12-08T09:00:00.000Z`;
const filled = { lang: "fr", territory: "val-de-lise", offerId, slot, personLabel: " Amina ", email: "Amina@Exemple.fr", phone: "", consent: "on" };

const errors = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("the booking form", () => {
  it("reads a complete form: the slot's mediator and start, the name trimmed, the email lower-cased, no phone", () => {
    const result = bookingSchema("fr").parse(filled);
    expect(result).toMatchObject({ slot: { mediatorId, startsAt: new Date("2026-12-08T09:00:00Z") }, personLabel: "Amina", email: "amina@exemple.fr", phone: null });
  });

  it("requires a slot, a first name, a way to be reached and the consent, each on its field", () => {
    const result = bookingSchema("fr").safeParse({ territory: "val-de-lise", offerId, email: "", phone: "" });
    expect(errors(result)).toEqual({
      slot: "Choisissez un créneau.",
      personLabel: "Indiquez un prénom ou un surnom.",
      consent: "Cochez cette case pour continuer : sans elle, nous ne pouvons pas garder vos coordonnées.",
      email: "Donnez une adresse courriel ou un numéro de téléphone.",
    });
  });

  it("takes a phone instead of an email, refuses a malformed one, markup and a forged slot; speaks the page's language", () => {
    expect(bookingSchema("fr").parse({ ...filled, email: "", phone: "06 12 34 56 78" })).toMatchObject({ email: null, phone: "06 12 34 56 78" });
    expect(errors(bookingSchema("fr").safeParse({ ...filled, phone: "appelez-moi" }))).toEqual({ phone: "Ce numéro de téléphone n'est pas valide." });
    expect(errors(bookingSchema("fr").safeParse({ ...filled, personLabel: "<b>" }))).toEqual({ personLabel: "Les caractères < et > ne sont pas acceptés." });
    expect(errors(bookingSchema("en").safeParse({ ...filled, slot: "x|2026-12-08" }))).toEqual({ slot: "Please choose a slot." });
    expect(errors(bookingSchema("ar").safeParse({ ...filled, consent: undefined }))).toHaveProperty("consent");
  });
});

describe("the waiting list and move forms", () => {
  it("the waiting list needs no slot, but the same contact and consent", () => {
    expect(waitlistSchema("fr").safeParse({ ...filled, slot: undefined }).success).toBe(true);
    expect(errors(waitlistSchema("fr").safeParse({ ...filled, consent: "" }))).toHaveProperty("consent");
  });

  it("moving needs only the link's token and a slot", () => {
    expect(moveSchema("fr").parse({ territory: "val-de-lise", token: "AAAAAAAAAAAAAAAAAAAAAAAA", slot })).toMatchObject({ slot: { mediatorId } });
  });
});

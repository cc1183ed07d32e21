/**
 * What a resident receives (French, plain text, through the outbox in the transaction of the
 * change): the link to their appointment or their place on a waiting list. No personal data in
 * subjects; the first name only in the body.
 */
import { formatSlot } from "./present";

interface Slot {
  startsAt: Date;
  placeName: string | null;
}

export function bookingEmail(input: { offerTitle: string; personLabel: string; slot: Slot; link: string; timeZone: string; moved?: boolean }) {
  return {
    subject: input.moved ? `Rendez-vous déplacé : ${input.offerTitle}` : `Rendez-vous confirmé : ${input.offerTitle}`,
    text: [
      `Bonjour ${input.personLabel},`,
      "",
      `${input.moved ? "Votre rendez-vous est déplacé" : "Votre rendez-vous est réservé"} : « ${input.offerTitle} », ${formatSlot(input.slot.startsAt, input.timeZone, "fr")}${input.slot.placeName ? `, ${input.slot.placeName}` : ""}.`,
      "",
      "Pour revoir le rendez-vous, l'annuler ou en changer :",
      input.link,
      "",
      "— Toile",
    ].join("\n"),
  };
}

export function waitlistEmail(input: { offerTitle: string; personLabel: string; link: string }) {
  return {
    subject: `Liste d'attente : ${input.offerTitle}`,
    text: [
      `Bonjour ${input.personLabel},`,
      "",
      `Vous êtes sur la liste d'attente de « ${input.offerTitle} ». Dès qu'un créneau se libère, il vous est réservé et vous recevez un courriel pour le confirmer.`,
      "",
      "Pour quitter la liste :",
      input.link,
      "",
      "— Toile",
    ].join("\n"),
  };
}

export function holdEmail(input: { offerTitle: string; personLabel: string; slot: Slot; holdExpiresAt: Date; link: string; timeZone: string }) {
  return {
    subject: `Un créneau s'est libéré : ${input.offerTitle}`,
    text: [
      `Bonjour ${input.personLabel},`,
      "",
      `Un créneau s'est libéré pour « ${input.offerTitle} » : ${formatSlot(input.slot.startsAt, input.timeZone, "fr")}${input.slot.placeName ? `, ${input.slot.placeName}` : ""}.`,
      `Il vous est réservé jusqu'au ${formatSlot(input.holdExpiresAt, input.timeZone, "fr")}. Confirmez-le ou laissez-le à quelqu'un d'autre :`,
      input.link,
      "",
      "— Toile",
    ].join("\n"),
  };
}

export function holdSms(input: { offerTitle: string; slot: Slot; link: string; timeZone: string }) {
  return `Toile : un créneau s'est libéré (${input.offerTitle}, ${formatSlot(input.slot.startsAt, input.timeZone, "fr")}). Confirmez-le : ${input.link}`;
}

/**
 * The call sheet's forms, one zod schema each: start a call, the sheet (1. Accueil and 2. Analyse,
 * saved together), the outcome (4. Issue de l'appel), end the call. What needs the database (the
 * territory's categories and offers, the appointments booked since the call started, whether the
 * call is the actor's structure's) is checked by lib/phone-line/calls.ts and said on the same fields.
 */
import { z } from "zod";
import { checkbox, email, list, optional, optionalInteger, phone, text } from "@/lib/forms/fields";
import { findNeed } from "@/lib/public-search/needs";
import { MAX_DISTANCE_KM, POSTURES } from "@/lib/public-search/filters";
import { AGE_BANDS, DIFFICULTIES, DIGITAL_EASES, EQUIPMENT, URGENCIES, type AgeBand } from "@/lib/transfers/schemas";
import { MESSAGE_CHANNELS, OUTCOMES } from "./rules";

const uuid = z.uuid("Identifiant invalide : rechargez la page.");
const optionalUuid = z
  .union([z.literal(""), z.uuid("Choix invalide.")])
  .optional()
  .transform((value) => value || null);
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal(""), z.enum(values, "Choix invalide.")])
    .optional()
    .transform((value) => (value ? (value as T[number]) : null));

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** Something that looks like an email address or a phone number: never in the request. */
const LOOKS_LIKE_EMAIL = /\S+@\S+/;
const LOOKS_LIKE_PHONE = /(?:\d[\s.()-]*){8,}/;

const REQUEST_MAX = 200;
const MESSAGE_MAX = 600;

export const startCallSchema = z.object({ structureId: uuid, offerId: uuid });

export const sheetSchema = z.object({
  callId: uuid,
  request: text("La demande", REQUEST_MAX).refine(
    (value) => !LOOKS_LIKE_EMAIL.test(value) && !LOOKS_LIKE_PHONE.test(value),
    "Quelques mots sur la demande seulement : ni nom, ni numéro, ni adresse.",
  ),
  categoryItemId: optionalUuid,
  needSlug: z
    .union([z.literal(""), z.string().refine((slug) => findNeed(slug) !== undefined, "Ce besoin n'existe pas : choisissez-en un dans la liste.")])
    .optional()
    .transform((value) => value || null),
  difficulty: optionalChoice(DIFFICULTIES),
  urgency: optionalChoice(URGENCIES),
  deadline: optional(z.string().trim().refine(isDay, "Échéance : indiquez une date (jj/mm/aaaa).")),
  digitalEase: optionalChoice(DIGITAL_EASES),
  equipment: list(z.enum(EQUIPMENT, "Choix invalide."), EQUIPMENT.length),
  posture: optionalChoice(POSTURES),
  ageBand: optionalChoice(Object.keys(AGE_BANDS) as [AgeBand, ...AgeBand[]]),
  commune: optional(text("Commune", 80)),
  distance: optionalInteger("Distance", 0, MAX_DISTANCE_KM),
});

const contact = <T extends z.ZodType<string>>(schema: T) => optional(schema);

export const outcomeSchema = z
  .object({
    callId: uuid,
    outcome: z.enum(OUTCOMES, "Choisissez l'issue de l'appel."),
    outcomeOfferId: optionalUuid,
    appointmentId: optionalUuid,
    messageText: optional(text("Le message", MESSAGE_MAX)),
    /** Empty: read aloud only. */
    sendBy: optionalChoice(MESSAGE_CHANNELS),
    consent: checkbox,
    phone: contact(phone),
    email: contact(email),
    outcomeNote: optional(text("Précisions", 300)),
  })
  .superRefine((input, context) => {
    const missing = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    const needsOffer = input.outcome === "come_to_permanence" || input.outcome === "appointment_given" || input.outcome === "redirected";
    if (needsOffer && !input.outcomeOfferId) missing("outcomeOfferId", "Choisissez l'offre proposée à la personne.");
    if (input.outcome === "come_to_permanence" && !input.messageText) missing("messageText", "Écrivez le message : où venir, quand, quoi apporter.");
    if (input.outcome === "appointment_given" && !input.appointmentId) missing("appointmentId", "Choisissez le rendez-vous pris pendant l'appel.");
    if (input.outcome === "other" && !input.outcomeNote) missing("outcomeNote", "Dites en quelques mots ce qui a été fait.");
    if (input.sendBy) {
      if (!input.messageText) missing("messageText", "Écrivez le message à envoyer.");
      if (!input.consent) missing("consent", "Demandez l'accord de la personne avant d'envoyer le message, et cochez la case.");
      if (input.sendBy === "sms" && !input.phone) missing("phone", "Indiquez le numéro où envoyer le SMS.");
      if (input.sendBy === "email" && !input.email) missing("email", "Indiquez l'adresse où envoyer le message.");
    }
  });

export const endCallSchema = z.object({ callId: uuid });

export type SheetInput = z.output<typeof sheetSchema>;
export type OutcomeInput = z.output<typeof outcomeSchema>;

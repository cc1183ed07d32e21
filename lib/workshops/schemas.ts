/**
 * The workshops' forms, one zod schema each (issue 17, seed 003: small groups on registration):
 * the organiser's session form and registration commands, and the resident's request for a seat
 * (no account: first name, a way to be reached, consent, honeypot — the same fields as an
 * appointment's, `contactFields` of lib/resident-booking/schemas.ts).
 */
import { z } from "zod";
import { checkbox, text } from "@/lib/forms/fields";
import type { Locale } from "@/lib/i18n/locales";
import { contactFields, needsContact } from "@/lib/resident-booking/schemas";

export const EQUIPMENT = ["provided", "bring_own", "either"] as const;
export const EQUIPMENT_LABELS: Record<(typeof EQUIPMENT)[number], string> = {
  provided: "Ordinateurs fournis",
  bring_own: "Venir avec son appareil",
  either: "Son appareil ou un ordinateur prêté",
};

/** Seed 003: 5 to 8 laptops; a room seldom holds more than 30. */
export const DEFAULT_CAPACITY = 8;
export const MAX_CAPACITY = 30;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Identifiant invalide : rechargez la page.");
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const time = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]?\d|2[0-3])[:h]([0-5]\d)$/, `${label} : indiquez une heure, par exemple 10:00.`)
    .transform((value) => {
      const [hours, minutes] = value.split(/[:h]/).map(Number) as [number, number];
      return hours * 60 + minutes;
    });

const required = (label: string, max: number, missing: string) => z.string().trim().min(1, missing).pipe(text(label, max));

export const sessionSchema = z
  .object({
    structureId: uuid,
    offerId: z.string().trim().min(1, "Choisissez l'offre dont relève l'atelier.").pipe(uuid),
    placeId: z.union([z.literal(""), uuid]).optional().transform((value) => value || null),
    theme: required("Le thème", 120, "Indiquez le thème de l'atelier."),
    description: z.string().trim().max(1000, "1000 caractères au plus.").refine((value) => !/[<>]/.test(value), "Les caractères < et > ne sont pas acceptés.").default(""),
    date: z.string().trim().refine(isDate, "Indiquez une date, par exemple 2026-12-12."),
    startTime: time("Début"),
    endTime: time("Fin"),
    capacity: z.coerce
      .number({ message: "Indiquez un nombre de places." })
      .int("Un nombre entier de places.")
      .min(1, "Au moins une place.")
      .max(MAX_CAPACITY, `${MAX_CAPACITY} places au plus.`),
    equipment: z.enum(EQUIPMENT, { message: "Choisissez le matériel." }),
    residentsMayAsk: checkbox,
  })
  .refine((value) => value.endTime > value.startTime, { path: ["endTime"], message: "La fin doit venir après le début." });
export type SessionInput = z.infer<typeof sessionSchema>;

export const cancelSessionSchema = z.object({
  structureId: uuid,
  sessionId: uuid,
  reason: required("La raison", 300, "Dites pourquoi l'atelier est annulé : les inscrits le liront."),
});

export const addPersonSchema = z.object({
  structureId: uuid,
  sessionId: uuid,
  personLabel: required("Le prénom ou surnom", 60, "Indiquez un prénom ou un surnom."),
});

export const REGISTRATION_COMMANDS = ["confirm", "decline", "cancel", "attended", "absent"] as const;
export type RegistrationCommand = (typeof REGISTRATION_COMMANDS)[number];

export const registrationCommandSchema = z.object({
  structureId: uuid,
  sessionId: uuid,
  registrationId: uuid,
  command: z.enum(REGISTRATION_COMMANDS),
});

/** A resident asks for a seat. */
export function seatRequestSchema(locale: Locale) {
  return z.object({ ...contactFields(locale), sessionId: z.string().uuid() }).superRefine(needsContact(locale));
}

export function seatCancelSchema() {
  return z.object({ lang: z.string().optional(), territory: z.string().max(100), token: z.string().max(64) });
}

/**
 * The sheets' forms, one zod schema each, shared by the browser and the server actions: open a
 * sheet, add or change a line, delete a line, note a line's outcome. What needs the database or the
 * clock (the occurrence's hours, the territory's categories, whether the permanence is over) is
 * checked by lib/permanences/sheets.ts and said on the same fields.
 */
import { z } from "zod";
import { checkbox, optional, text } from "@/lib/forms/fields";
import { SheetLineResult } from "@/lib/generated/prisma/enums";

const uuid = z.uuid("Identifiant invalide : rechargez la page.");
const optionalUuid = z.union([z.literal(""), uuid]).optional().transform((value) => value || null);

/** "HH:MM" (a time field, or a slice's value) → minutes after midnight; empty → null. */
const optionalTime = (label: string) =>
  z
    .union([
      z.literal(""),
      z
        .string()
        .trim()
        .regex(/^([01]?\d|2[0-3])[:h]([0-5]\d)$/, `${label} : indiquez une heure, par exemple 14:20.`),
    ])
    .optional()
    .transform((value) => {
      if (!value) return null;
      const [hours, minutes] = value.split(/[:h]/).map(Number) as [number, number];
      return hours * 60 + minutes;
    });

const LOOKS_LIKE_EMAIL = /\S+@\S+/;
const LOOKS_LIKE_PHONE = /(?:\d[\s.()-]*){6,}/;

const PERSON_LABEL_MAX = 40;
const REQUEST_MAX = 200;

export const openSheetSchema = z.object({
  offerId: uuid,
  placeId: uuid,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date invalide : rechargez la page."),
  startMinute: z.string().regex(/^\d{1,4}$/, "Heure invalide : rechargez la page.").transform(Number),
});

export const lineSchema = z.object({
  sheetId: uuid,
  /** Empty: a new line. */
  lineId: optionalUuid,
  personLabel: text("Prénom ou surnom", PERSON_LABEL_MAX)
    .pipe(z.string().min(1, "Indiquez un prénom ou un surnom."))
    .refine(
      (value) => !LOOKS_LIKE_EMAIL.test(value) && !LOOKS_LIKE_PHONE.test(value),
      "Prénom ou surnom seulement : pas d'adresse courriel ni de numéro de téléphone sur la feuille.",
    ),
  /** One of the slices the sheet proposes. */
  time: optionalTime("Heure"),
  /** Any other time during the permanence; wins over the slice. */
  otherTime: optionalTime("Autre heure"),
  request: optional(text("Quelques mots sur la demande", REQUEST_MAX)),
  walkIn: checkbox,
});

export const deleteLineSchema = z.object({ sheetId: uuid, lineId: uuid });

export const outcomeSchema = z.object({
  sheetId: uuid,
  lineId: uuid,
  categoryId: optionalUuid,
  result: z
    .union([z.literal(""), z.enum(SheetLineResult, "Choix invalide.")])
    .optional()
    .transform((value) => value || null),
  resultNote: optional(text("Précisions", 200)),
});

export type LineInput = z.output<typeof lineSchema>;
export type OutcomeInput = z.output<typeof outcomeSchema>;

/** The appointment forms' zod schemas, shared by the forms and their server actions. */
import { z } from "zod";

/** A slot is posted as "<mediatorId>|<ISO start>" (one radio button per free slot). */
export const slotValue = (slot: { mediatorId: string; startsAt: Date }) => `${slot.mediatorId}|${slot.startsAt.toISOString()}`;

const slotField = z
  .string({ error: "Choisissez un créneau." })
  .regex(/^[0-9a-f-]{36}\|\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, "Choisissez un créneau.")
  .transform((value) => {
    const [mediatorId, iso] = value.split("|") as [string, string];
    return { mediatorId, startsAt: new Date(iso) };
  });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au plus.`)
    .optional()
    .transform((value) => value || null);

export const staffBookingSchema = z
  .object({
    structureId: z.uuid(),
    offerId: z.uuid(),
    idempotencyKey: z.string().min(8).max(64),
    seriesId: z.union([z.literal(""), z.uuid()]).optional().transform((value) => value || null),
    slot: slotField,
    personLabel: z.string().trim().min(1, "Indiquez un prénom ou un surnom.").max(60, "60 caractères au plus."),
    requestNote: optionalText(300),
    consent: z.literal("on").optional(),
    phone: optionalText(30),
    email: z.union([z.literal(""), z.email("Cette adresse courriel n'est pas valide.")]).optional().transform((value) => value || null),
  })
  .superRefine((input, context) => {
    if ((input.phone || input.email) && !input.consent)
      context.addIssue({ code: "custom", path: ["consent"], message: "Cochez l'accord de la personne pour garder ses coordonnées, ou laissez-les vides." });
  });

export const transferBookingSchema = z.object({
  transferId: z.uuid(),
  idempotencyKey: z.string().min(8).max(64),
  slot: slotField,
});

export const rescheduleSchema = z.object({
  structureId: z.uuid(),
  appointmentId: z.uuid(),
  idempotencyKey: z.string().min(8).max(64),
  slot: slotField,
});

export const cancelSchema = z.object({
  structureId: z.uuid(),
  appointmentId: z.uuid(),
  reason: z.string().trim().min(1, "Indiquez la raison de l'annulation.").max(300, "300 caractères au plus."),
});

export const attendanceSchema = z.object({
  structureId: z.uuid(),
  appointmentId: z.uuid(),
  attended: z.enum(["yes", "no"]),
  skillIds: z.union([z.uuid(), z.array(z.uuid())]).optional().transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});

export const seriesSchema = z.object({
  structureId: z.uuid(),
  offerId: z.union([z.literal(""), z.uuid()]).optional().transform((value) => value || null),
  transferId: z.union([z.literal(""), z.uuid()]).optional().transform((value) => value || null),
  personLabel: z.string().trim().min(1, "Indiquez un prénom ou un surnom.").max(60, "60 caractères au plus."),
  plannedSessions: z.coerce.number({ error: "Indiquez un nombre de séances." }).int("Un nombre entier.").min(1, "Au moins 1 séance.").max(20, "20 séances au plus."),
  skillIds: z
    .union([z.uuid(), z.array(z.uuid())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});

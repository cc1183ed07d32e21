/**
 * The agenda's forms, one zod schema each, shared by the browser (react-hook-form) and the server
 * actions: a weekly availability pattern, an absence, the structure's agenda settings, and the
 * two deletions. What needs the database or the clock (overlaps, opening hours, the capacity rule,
 * a date in the past) is checked by lib/agenda/editing.ts and said on the same fields.
 */
import { z } from "zod";
import { checkbox, optionalInteger, text } from "@/lib/forms/fields";
import { formatTime } from "@/lib/hours/format";

export const KIND_LABELS = { procedure: "Démarche", usages: "Usages du numérique" } as const;

/** An appointment's length, in minutes. */
export const SLOT_MINUTES = { min: 15, max: 240 } as const;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Identifiant invalide : rechargez la page.");
const optionalUuid = z.union([z.literal(""), uuid]).optional().transform((value) => value || null);

/** "HH:MM" (as `<input type="time">` posts it) → minutes after midnight. */
const time = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]?\d|2[0-3])[:h]([0-5]\d)$/, `${label} : indiquez une heure, par exemple 14:00.`)
    .transform((value) => {
      const [hours, minutes] = value.split(/[:h]/).map(Number) as [number, number];
      return hours * 60 + minutes;
    });

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const date = (label: string) => z.string().trim().refine(isDate, `${label} : indiquez une date, par exemple 2026-12-07.`);
const optionalDate = (label: string) => z.union([z.literal(""), date(label)]).optional().transform((value) => value || null);

export const patternSchema = z
  .object({
    structureId: uuid,
    /** Empty: a new pattern. */
    patternId: optionalUuid,
    mediatorId: uuid,
    offerId: z.string().trim().min(1, "Choisissez une offre.").pipe(uuid),
    /** Empty: no place ("par téléphone / à distance"). */
    placeId: optionalUuid,
    weekday: z.string().regex(/^[1-7]$/, "Choisissez un jour de la semaine.").transform(Number),
    start: time("Début"),
    end: time("Fin"),
    slotMinutes: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, "Durée d'un rendez-vous : indiquez un nombre de minutes, par exemple 45.")
      .transform(Number)
      .pipe(
        z
          .number()
          .min(SLOT_MINUTES.min, `Durée d'un rendez-vous : ${SLOT_MINUTES.min} minutes au moins.`)
          .max(SLOT_MINUTES.max, `Durée d'un rendez-vous : ${SLOT_MINUTES.max} minutes (4 heures) au plus.`),
      ),
    kind: z.enum(["procedure", "usages"], { error: "Choisissez le type de rendez-vous." }),
    validFrom: optionalDate("À partir du"),
    validUntil: optionalDate("Jusqu'au"),
  })
  .superRefine((value, context) => {
    if (value.end <= value.start) {
      context.addIssue({ code: "custom", path: ["end"], message: `La fin doit venir après le début (${formatTime(value.start)}) : corrigez l'heure de fin.` });
    } else if (value.slotMinutes <= SLOT_MINUTES.max && value.slotMinutes > value.end - value.start) {
      context.addIssue({
        code: "custom",
        path: ["slotMinutes"],
        message: `Un rendez-vous de ${value.slotMinutes} minutes ne tient pas entre ${formatTime(value.start)} et ${formatTime(value.end)} : raccourcissez-le ou élargissez le créneau.`,
      });
    }
    if (value.validFrom && value.validUntil && value.validUntil < value.validFrom) {
      context.addIssue({ code: "custom", path: ["validUntil"], message: "La date de fin vient avant la date de début : corrigez l'une des deux." });
    }
  });

export type PatternFormValues = z.input<typeof patternSchema>;
export type PatternInput = z.output<typeof patternSchema>;

export const deletePatternSchema = z.object({ structureId: uuid, patternId: uuid });

export const absenceSchema = z
  .object({
    structureId: uuid,
    mediatorId: uuid,
    startsOn: date("Du"),
    endsOn: date("Au"),
    label: text("Motif", 120).min(1, "Motif : par exemple « Congés » ou « Formation »."),
  })
  .superRefine((value, context) => {
    if (value.endsOn < value.startsOn) context.addIssue({ code: "custom", path: ["endsOn"], message: "La fin de l'absence vient avant son début : corrigez la date." });
  });

export type AbsenceInput = z.output<typeof absenceSchema>;

export const deleteAbsenceSchema = z.object({ structureId: uuid, absenceId: uuid });

export const settingsSchema = z.object({
  structureId: uuid,
  /** Empty: no limit. */
  halfDaysPerWeek: optionalInteger("Demi-journées par semaine", 1, 14),
  residentsBookOnline: checkbox,
});

export type SettingsInput = z.output<typeof settingsSchema>;

/** "HH:MM" for a time field, from minutes after midnight. */
export function timeValue(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

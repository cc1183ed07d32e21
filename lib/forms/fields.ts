/**
 * Field builders shared by the forms' zod schemas, so every form says the same things the same way:
 * bounded text without markup, optional fields stored as null, checkbox groups, numbers.
 * Each schema still lives in its feature's schemas.ts (one schema per form).
 */
import { z } from "zod";

const MARKUP = /[<>]/;

/** Trimmed text, at most `max` characters, without < or > (no HTML or script reaches the database). */
export const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`)
    .refine((value) => !MARKUP.test(value), `${label} : les signes < et > ne sont pas acceptés.`);

/** An optional field: empty or missing becomes null. */
export const optional = <T extends z.ZodType<string>>(schema: T) =>
  z.union([z.literal(""), schema]).optional().transform((value) => (value ? value : null));

/**
 * What a form holds for a value its schema reads: text where the schema expects one of a few
 * words (a select, a radio, a checkbox's value), the same shape for rows. The builders below that
 * read a posted value (`z.preprocess`) declare it as their input, so `z.input<typeof schema>` is the
 * form's values for react-hook-form, and `z.output` what the action gets.
 */
export type Typed<V> = V extends string ? string : V extends readonly (infer U)[] ? Typed<U>[] : V extends object ? { [K in keyof V]: Typed<V[K]> } : V;

/** react-hook-form gives false for a lone unchecked checkbox, the form post gives nothing or one value. */
function asList(value: unknown): unknown[] {
  return value === undefined || value === null || value === "" || value === false ? [] : Array.isArray(value) ? value : [value];
}

/** A group of checkboxes, or repeated rows: none, one or several values, always an array, bounded. */
export const list = <T extends z.ZodType>(item: T, max = 100, tooMany = `${max} au plus.`) =>
  z.preprocess(
    // Declared as what react-hook-form holds (a list); the post may also give one value, or none.
    (value: Typed<z.input<T>>[] | undefined) => asList(value),
    z.array(item).max(max, tooMany),
  );

/** A single checkbox: present ("on", "true") is true, absent is false. */
export const checkbox = z.preprocess(
  (value: boolean | string | undefined) => value === true || value === "on" || value === "true",
  z.boolean(),
);

/** An optional whole number between bounds, typed in a text or number field. */
export const optionalInteger = (label: string, min: number, max: number) =>
  z.preprocess(
    (value: string | number | null | undefined) => (value === "" || value === undefined || value === null ? null : typeof value === "string" ? Number(value.trim()) : value),
    z
      .number({ error: `${label} : indiquez un nombre entier.` })
      .int(`${label} : indiquez un nombre entier.`)
      .min(min, `${label} : ${min} au moins.`)
      .max(max, `${label} : ${max} au plus.`)
      .nullable(),
  );

export const email = z.string().trim().pipe(z.email("Cette adresse courriel n'est pas valide."));

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s.()-]{8,20}$/, "Ce numéro de téléphone n'est pas valide (exemple : 03 23 41 20 10).");

export const website = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s<>]+\.[^\s<>]+$/i, "Indiquez une adresse web complète (exemple : https://exemple.fr).");

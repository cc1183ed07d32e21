/** The structure identity form: one schema for the browser (react-hook-form) and the server action. */
import { z } from "zod";
import { checkBce, checkRna, checkSiret, type IdentifierCheck } from "./identifiers";

const NO_MARKUP = /[<>]/;
const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`)
    .refine((value) => !NO_MARKUP.test(value), `${label} : les signes < et > ne sont pas acceptés.`);

const optional = <T extends z.ZodType<string>>(schema: T) =>
  z.union([z.literal(""), schema]).optional().transform((value) => (value ? value : null));

const identifier = (check: (value: string) => IdentifierCheck) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const result = check(value);
      if (!result.ok) {
        context.addIssue({ code: "custom", message: result.message });
        return z.NEVER;
      }
      return result.value;
    });

export const structureIdentitySchema = z.object({
  structureId: z.uuid(),
  /** When the form was loaded (the structure's updatedAt): a later change by someone else is a conflict. */
  version: z.string().min(1),
  name: text("Nom", 150).pipe(z.string().min(2, "Indiquez le nom de la structure (2 caractères au moins).")),
  description: text("Présentation", 2000).optional().default(""),
  email: optional(z.string().trim().pipe(z.email("Cette adresse courriel n'est pas valide."))),
  phone: optional(
    z
      .string()
      .trim()
      .regex(/^\+?[\d\s.()-]{8,20}$/, "Ce numéro de téléphone n'est pas valide (exemple : 03 23 41 20 10)."),
  ),
  website: optional(
    z
      .string()
      .trim()
      .regex(/^https?:\/\/[^\s<>]+\.[^\s<>]+$/i, "Indiquez une adresse web complète (exemple : https://exemple.fr)."),
  ),
  siret: identifier(checkSiret),
  rna: identifier(checkRna),
  bce: identifier(checkBce),
});

export type StructureIdentityInput = z.input<typeof structureIdentitySchema>;
export type StructureIdentity = z.output<typeof structureIdentitySchema>;

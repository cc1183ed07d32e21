/** The structure identity form: one schema for the browser (react-hook-form) and the server action. */
import { z } from "zod";
import { email, list, optional, phone, text, website } from "@/lib/forms/fields";
import { checkBce, checkRna, checkSiret, type IdentifierCheck } from "./identifiers";

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

/** What a structure says about itself; the same fields when a coordinator creates one. */
const identityFields = {
  name: text("Nom", 150).pipe(z.string().min(2, "Indiquez le nom de la structure (2 caractères au moins).")),
  description: text("Présentation", 2000).optional().default(""),
  email: optional(email),
  phone: optional(phone),
  website: optional(website),
  siret: identifier(checkSiret),
  rna: identifier(checkRna),
  bce: identifier(checkBce),
  /** A term of the structure typology vocabulary (data·inclusion), or none. */
  typologyId: z
    .union([z.literal(""), z.uuid("Choix invalide.")])
    .optional()
    .transform((value) => value || null),
  /** Terms of the label vocabularies (France Services, Conseillers numériques, Aidants Connect…). */
  labelIds: list(z.uuid("Choix invalide."), 50),
};

export const structureIdentitySchema = z.object({
  structureId: z.uuid(),
  /** When the form was loaded (the structure's updatedAt): a later change by someone else is a conflict. */
  version: z.string().min(1),
  ...identityFields,
});

/** A coordinator creates a structure in a territory they coordinate. */
export const structureCreateSchema = z.object({
  territoryId: z.uuid(),
  ...identityFields,
});

export type StructureIdentityInput = z.input<typeof structureIdentitySchema>;
export type StructureIdentity = z.output<typeof structureIdentitySchema>;
export type StructureCreate = z.output<typeof structureCreateSchema>;
/** What the structure form holds, editing or creating (one form, the schema of its mode). */
export type StructureFormInput = StructureIdentityInput | z.input<typeof structureCreateSchema>;

/** The identity form's values for a saved card (editing): nulls as empty fields. */
export function identityFormDefaults(
  structureId: string,
  { values, version }: { values: { [K in "name" | "description" | "email" | "phone" | "website" | "siret" | "rna" | "bce" | "typologyId"]: string | null } & { labelIds: string[] }; version: string },
): Record<"structureId" | "version" | "name" | "description" | "email" | "phone" | "website" | "siret" | "rna" | "bce" | "typologyId", string> & { labelIds: string[] } {
  return {
    structureId,
    version,
    name: values.name ?? "",
    description: values.description ?? "",
    email: values.email ?? "",
    phone: values.phone ?? "",
    website: values.website ?? "",
    siret: values.siret ?? "",
    rna: values.rna ?? "",
    bce: values.bce ?? "",
    typologyId: values.typologyId ?? "",
    labelIds: values.labelIds,
  };
}

/**
 * The newcomer's request (a public form, for professionals, in French) and the coordinator's
 * decisions. The identifier and the commune are checked by the server against the territory's
 * country (requests.ts): SIRET or RNA in France, BCE in Belgium; a French commune with its postal code.
 */
import { z } from "zod";
import { checkbox, email, optional, phone, text } from "@/lib/forms/fields";
import { checkBce, checkRna, checkSiret } from "@/lib/structures/identifiers";

/** The identifier's own check, whatever the country (the server then checks it fits the territory's, requests.ts). */
function identifierProblem(typed: string): string | null {
  const value = typed.trim();
  if (!value) return null;
  const check = /^w/i.test(value) ? checkRna(value) : /^(be)?\s*[01][\d.\s]{9,12}$/i.test(value) && value.replace(/\D/g, "").length === 10 ? checkBce(value) : checkSiret(value);
  return check.ok ? null : check.message;
}

export const applicationSchema = z.object({
  territorySlug: z.string().min(1).max(100),
  name: text("Nom", 150).min(2, "Indiquez le nom de la structure."),
  identifier: text("Identifiant", 30)
    .optional()
    .default("")
    .superRefine((value, context) => {
      const problem = identifierProblem(value);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
  address: text("Adresse", 200).min(3, "Indiquez l'adresse (numéro et rue)."),
  postalCode: z.string().trim().regex(/^\d{4,5}$/, "Indiquez le code postal (5 chiffres en France, 4 en Belgique)."),
  commune: text("Commune", 100).min(1, "Indiquez la commune."),
  offers: text("Ce que vous proposez", 2000).min(10, "Dites en quelques mots ce que vous proposez (10 caractères au moins)."),
  contactName: text("Nom de la personne à contacter", 120).min(2, "Indiquez le nom de la personne à contacter."),
  contactEmail: email,
  contactPhone: optional(phone),
  consent: checkbox.refine((value) => value, "Cochez la case pour que la coordination puisse vous contacter."),
  /** The honeypot: hidden from people, filled by bots. */
  website: z.string().optional(),
});
export type ApplicationInput = z.output<typeof applicationSchema>;

export const decideApplicationSchema = z
  .object({
    territoryId: z.uuid(),
    applicationId: z.uuid(),
    decision: z.enum(["validate", "merge", "refuse"]),
    /** Merging: the existing structure it is. */
    mergeInto: z.union([z.literal(""), z.uuid()]).optional().default(""),
    /** Merging: invite the contact as an admin of that structure. */
    inviteContact: checkbox,
    reason: optional(text("Motif", 1000)),
  })
  .superRefine((values, context) => {
    if (values.decision === "merge" && !values.mergeInto) context.addIssue({ code: "custom", path: ["mergeInto"], message: "Choisissez la structure existante." });
    if (values.decision === "refuse" && !values.reason) context.addIssue({ code: "custom", path: ["reason"], message: "Dites pourquoi : la personne recevra ce motif." });
  });
export type DecideApplicationInput = z.output<typeof decideApplicationSchema>;

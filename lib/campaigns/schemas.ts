/**
 * The forms of update campaigns (issue 21): one zod schema each, shared by the browser and the
 * server. Dates are the territory's calendar days ("2027-06-30"); the rules that need today or the
 * territory (an end in the past, a period too long) are checked by `launchProblems` (rules.ts).
 */
import { z } from "zod";
import { checkbox, list, optionalInteger, text } from "@/lib/forms/fields";

const isoDay = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : indiquez une date (jj/mm/aaaa).`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), `${label} : cette date n'existe pas.`);

const optionalDay = (label: string) => z.union([z.literal(""), isoDay(label)]).optional().transform((value) => value || null);

const CAMPAIGN_SCOPES = ["stale", "all", "chosen"] as const;

export const launchCampaignSchema = z
  .object({
    territoryId: z.uuid(),
    title: text("Titre", 120).min(3, "Donnez un titre à la campagne (par exemple « Mise à jour de printemps »)."),
    message: text("Message", 2000).optional().default(""),
    scope: z.enum(CAMPAIGN_SCOPES, "Choisissez les structures à interroger."),
    structureIds: list(z.uuid("Structure inconnue."), 5_000),
    endsOn: isoDay("Date de fin"),
    temporary: checkbox,
    temporaryFrom: optionalDay("Début de la période"),
    temporaryUntil: optionalDay("Fin de la période"),
    reminderAfterDays: optionalInteger("Relance après", 1, 60),
    maxReminders: optionalInteger("Nombre de relances", 0, 5),
  })
  .superRefine((values, context) => {
    if (values.scope === "chosen" && values.structureIds.length === 0) {
      context.addIssue({ code: "custom", path: ["structureIds"], message: "Cochez au moins une structure." });
    }
    if (values.temporary) {
      if (!values.temporaryFrom) context.addIssue({ code: "custom", path: ["temporaryFrom"], message: "Indiquez le premier jour de la période." });
      if (!values.temporaryUntil) context.addIssue({ code: "custom", path: ["temporaryUntil"], message: "Indiquez le dernier jour de la période." });
      if (values.temporaryFrom && values.temporaryUntil && values.temporaryUntil < values.temporaryFrom) {
        context.addIssue({ code: "custom", path: ["temporaryUntil"], message: "La fin de la période doit venir après son début." });
      }
    }
  });
export type LaunchCampaignInput = z.output<typeof launchCampaignSchema>;

/** The coordinator's buttons on a campaign's page. */
export const campaignCommandSchema = z.object({ territoryId: z.uuid(), campaignId: z.uuid() });
export const targetCommandSchema = z.object({ territoryId: z.uuid(), campaignId: z.uuid(), targetId: z.uuid() });

// ─── The review page (signed link) ────────────────────────────────────────────────────────

const ITEM_KINDS = ["structure", "place", "offer"] as const;

/** "Rien n'a changé" on one item, or on everything not yet answered (`kind` "all"). */
export const confirmItemSchema = z.object({
  kind: z.enum([...ITEM_KINDS, "all"]),
  itemId: z.union([z.literal(""), z.uuid()]).optional().default(""),
});

export const removeOfferSchema = z.object({
  offerId: z.uuid(),
  confirm: checkbox.refine((value) => value, "Cochez la case pour confirmer que cette offre n'existe plus."),
});

const time = (label: string) =>
  z.union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} : indiquez une heure (hh:mm).`)]).optional().default("");

/** A temporary campaign's question for a place: usual hours, closed, or special hours for the period. */
export const temporaryHoursSchema = z
  .object({
    placeId: z.uuid(),
    choice: z.enum(["usual", "closed", "special"], "Choisissez une réponse."),
    opens: time("Ouverture"),
    closes: time("Fermeture"),
  })
  .superRefine((values, context) => {
    if (values.choice !== "special") return;
    if (!values.opens) context.addIssue({ code: "custom", path: ["opens"], message: "Indiquez l'heure d'ouverture." });
    if (!values.closes) context.addIssue({ code: "custom", path: ["closes"], message: "Indiquez l'heure de fermeture." });
    if (values.opens && values.closes && values.closes <= values.opens) {
      context.addIssue({ code: "custom", path: ["closes"], message: "La fermeture doit venir après l'ouverture." });
    }
  });

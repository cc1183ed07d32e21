/**
 * The offer form: one schema for the browser (react-hook-form) and the server action.
 * What the schema cannot know (that a term, a place or a structure belongs to this territory)
 * is checked by saveOffer against the database.
 */
import { z } from "zod";
import { checkbox, list, optional, optionalInteger, text } from "@/lib/forms/fields";

/** The vocabulary roles an offer is described with, in the order the form shows them. */
export const OFFER_TERM_ROLES = [
  "need",
  "posture",
  "public",
  "access_mode",
  "contact_mode",
  "referral_mode",
  "reception_mode",
  "accompaniment",
  "fee",
  "support",
] as const;

/** Languages a team commonly speaks, ISO 639-1, with their names in French. */
export const LANGUAGES: Record<string, string> = {
  fr: "français",
  en: "anglais",
  ar: "arabe",
  es: "espagnol",
  pt: "portugais",
  it: "italien",
  de: "allemand",
  nl: "néerlandais",
  tr: "turc",
  ro: "roumain",
  pl: "polonais",
  ru: "russe",
  uk: "ukrainien",
  fa: "persan",
  ps: "pachto",
  ta: "tamoul",
  zh: "chinois",
  wo: "wolof",
  ber: "berbère",
  lsf: "langue des signes",
};

const MAX_DOCUMENTS = 30;

/** "Un document par ligne" in a textarea: the lines, trimmed, blank ones dropped. */
const documentLines = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(text("Document à apporter", 150))
      .max(MAX_DOCUMENTS, `Documents à apporter : ${MAX_DOCUMENTS} lignes au plus.`),
  );

const uuidOrEmpty = z.union([z.literal(""), z.uuid("Choix invalide.")]).optional();

/** A "we don't do this → go there" row. A row left entirely blank is dropped after validation. */
const redirectRow = z
  .object({
    notOffered: text("Ce qui n'est pas proposé", 150).optional().default(""),
    redirectToStructureId: uuidOrEmpty,
    note: text("Précision", 300).optional().default(""),
  })
  .superRefine((row, context) => {
    const blank = !row.notOffered && !row.redirectToStructureId && !row.note;
    if (!blank && !row.notOffered) {
      context.addIssue({ code: "custom", path: ["notOffered"], message: "Dites ce qui n'est pas proposé ici (par exemple « Réparation d'ordinateur »)." });
    }
  });

export const offerSchema = z
  .object({
    structureId: z.uuid(),
    /** Empty when creating. */
    offerId: uuidOrEmpty,
    /** When the form was loaded (the offer's updatedAt): a later change by someone else is a conflict. */
    version: z.string().optional().default(""),
    title: text("Intitulé", 120).pipe(z.string().min(3, "Donnez un intitulé à l'offre (3 caractères au moins).")),
    description: text("Description", 2000).optional().default(""),
    termIds: list(z.uuid("Choix invalide."), 300, "Trop de cases cochées."),
    placeIds: list(z.uuid("Lieu invalide."), 50, "50 lieux au plus."),
    professionalReferral: optional(text("Comment orienter quelqu'un", 500)),
    residentAccess: optional(text("Comment venir", 500)),
    minAge: optionalInteger("Âge minimum", 0, 120),
    maxAge: optionalInteger("Âge maximum", 0, 120),
    residencyCondition: optional(text("Condition de résidence", 300)),
    otherConditions: optional(text("Autres conditions", 500)),
    feeDetails: optional(text("Précisions sur le tarif", 300)),
    documentsToBring: documentLines,
    languages: list(z.enum(Object.keys(LANGUAGES) as [string, ...string[]], "Langue inconnue."), 20),
    typicalDelayDays: optionalInteger("Délai de prise en charge", 0, 365),
    isSaturated: checkbox,
    acceptsTransfers: checkbox,
    phoneLine: checkbox,
    redirects: list(redirectRow, 20, "20 réorientations au plus."),
  })
  .refine((offer) => offer.minAge == null || offer.maxAge == null || offer.minAge <= offer.maxAge, {
    path: ["maxAge"],
    message: "L'âge maximum doit être supérieur ou égal à l'âge minimum.",
    // Checked even when other fields are wrong, so every error shows at once.
    when: ({ issues }) => !issues.some((issue) => issue.path?.[0] === "minAge" || issue.path?.[0] === "maxAge"),
  })
  .refine((offer) => !offer.phoneLine || offer.placeIds.length === 0, {
    path: ["phoneLine"],
    message: "Une ligne téléphonique n'a pas de lieu : ses horaires sont ceux des permanences téléphoniques.",
  })
  .transform((offer) => ({
    ...offer,
    offerId: offer.offerId || null,
    redirects: offer.redirects
      .filter((row) => row.notOffered)
      .map((row) => ({ notOffered: row.notOffered, redirectToStructureId: row.redirectToStructureId || null, note: row.note || null })),
  }));

export type OfferValues = z.output<typeof offerSchema>;

export const offerStatusSchema = z.object({
  structureId: z.uuid(),
  offerId: z.uuid(),
  status: z.enum(["draft", "published", "archived"]),
});

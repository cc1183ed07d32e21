/**
 * The transfer creation form: one schema for the browser (react-hook-form) and the server action
 * (lib/transfers/create-actions.ts). What the schema cannot know — that the offer is published in
 * the sending structure's territory, that the place is one of the offer's, that a date is not in
 * the territory's past, that the warnings were confirmed — is checked by createTransfer.
 *
 * Posted names: documents.<n>.label / documents.<n>.status, equipment (repeated), consentScope
 * (repeated), personPublicTermIds (repeated); see lib/forms/form-data.ts.
 */
import { z } from "zod";
import { checkbox, email, list, optional, phone, text } from "@/lib/forms/fields";
import { LANGUAGES } from "@/lib/offers/schemas";
import { CONSENT_SCOPE_LABELS, EQUIPMENT_LABELS, type ConsentScope } from "./labels";

export const TRANSFER_LEVELS = ["simple", "accompanied", "augmented"] as const;
export const TRANSFER_INTENTS = ["draft", "send"] as const;
export const DIFFICULTIES = ["simple", "moderate", "complex"] as const;
export const URGENCIES = ["low", "normal", "urgent"] as const;
export const DIGITAL_EASES = ["none", "beginner", "basic", "autonomous"] as const;
export const SUPPORT_GOALS = ["immediate", "autonomy", "both"] as const;
export const EQUIPMENT = Object.keys(EQUIPMENT_LABELS) as [keyof typeof EQUIPMENT_LABELS, ...(keyof typeof EQUIPMENT_LABELS)[]];
export const CONSENT_SCOPES = Object.keys(CONSENT_SCOPE_LABELS) as [ConsentScope, ...ConsentScope[]];
/** A document of the checklist: ready, to bring, or not needed for this person (dropped). */
export const DOCUMENT_STATUSES = ["ready", "missing", "not_needed"] as const;

/** Age bands the mediator may pick to check the offer's age conditions (never the exact age). */
export const AGE_BANDS = {
  under_16: { label: "Moins de 16 ans", min: 0, max: 15 },
  "16_25": { label: "16 à 25 ans", min: 16, max: 25 },
  "26_59": { label: "26 à 59 ans", min: 26, max: 59 },
  "60_plus": { label: "60 ans et plus", min: 60, max: 120 },
} as const;
export type AgeBand = keyof typeof AGE_BANDS;

/** The seed's usual documents for a transfer (seed 001, "Fiche navette"), added to the offer's own. */
export const USUAL_DOCUMENTS = ["CV", "Lettre de motivation", "Adresse courriel", "Identifiants FranceConnect", "Mandat Aidants Connect"];

export const NEED_DESCRIPTION_MAX = 200;
export const NOTE_MAX = 500;
const PERSON_LABEL_MAX = 40;
const MAX_DOCUMENTS = 40;

const uuidOrEmpty = z
  .union([z.literal(""), z.uuid("Choix invalide.")])
  .optional()
  .transform((value) => value || null);

/** An optional choice among `values`: "" or missing is null. */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message = "Choix invalide.") =>
  z
    .union([z.literal(""), z.enum(values, message)])
    .optional()
    .transform((value) => (value ? (value as T[number]) : null));

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (value: string) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const optionalDate = (label: string) =>
  optional(z.string().trim().refine(validDate, `${label} : indiquez une date (jj/mm/aaaa).`));
const optionalTime = optional(z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Heure : indiquez une heure (hh:mm)."));

/** Something that looks like an email address or a phone number: never in the first name field. */
const LOOKS_LIKE_EMAIL = /\S+@\S+/;
const LOOKS_LIKE_PHONE = /(?:\d[\s.()-]*){6,}/;

const personLabel = optional(
  text("Prénom ou surnom", PERSON_LABEL_MAX).refine(
    (value) => !LOOKS_LIKE_EMAIL.test(value) && !LOOKS_LIKE_PHONE.test(value),
    "Prénom ou surnom seulement : pas d'adresse courriel ni de numéro de téléphone ici (ils vont dans les coordonnées, avec l'accord de la personne).",
  ),
);

const documentRow = z.object({
  label: text("Document", 150).optional().default(""),
  status: z.enum(DOCUMENT_STATUSES, "Choix invalide.").optional().default("missing"),
});

export const transferSchema = z
  .object({
    /** Generated when the form is shown: a second submit of the same form returns the same transfer. */
    idempotencyKey: z.uuid("Formulaire invalide : rechargez la page."),
    fromStructureId: z.uuid("Choisissez votre structure."),
    offerId: z.uuid("Offre invalide."),
    previousTransferId: uuidOrEmpty,
    /** The permanence sheet's line the transfer is started from (linked to it on creation). */
    sheetLineId: uuidOrEmpty,
    /** Made from a phone line's call sheet (lib/phone-line). */
    phoneCallId: uuidOrEmpty,
    level: z.enum(TRANSFER_LEVELS, "Choisissez le type de transfert."),
    intent: z.enum(TRANSFER_INTENTS, "Choisissez « Enregistrer le brouillon » ou « Envoyer »."),

    // The 3-A analysis.
    needTermId: uuidOrEmpty,
    needDescription: text("Nature de la demande", NEED_DESCRIPTION_MAX).pipe(
      z.string().min(3, "Décrivez la demande en quelques mots (par exemple « Refaire un CV pour une candidature »)."),
    ),
    difficulty: optionalChoice(DIFFICULTIES),
    urgency: z.enum(URGENCIES, "Choisissez l'urgence.").optional().default("normal"),
    deadline: optionalDate("Échéance"),
    digitalEase: optionalChoice(DIGITAL_EASES),
    equipment: list(z.enum(EQUIPMENT, "Choix invalide."), EQUIPMENT.length),
    supportGoal: optionalChoice(SUPPORT_GOALS),
    documents: list(documentRow, MAX_DOCUMENTS, `${MAX_DOCUMENTS} documents au plus.`),

    // Whether the offer serves this person (only for the warnings; not stored).
    personPublicTermIds: list(z.uuid("Choix invalide."), 30),
    ageBand: optionalChoice(Object.keys(AGE_BANDS) as [AgeBand, ...AgeBand[]]),
    confirmWarnings: checkbox,

    // The person.
    personLabel,
    consent: checkbox,
    consentScope: list(z.enum(CONSENT_SCOPES, "Choix invalide."), CONSENT_SCOPES.length),
    phone: optional(phone),
    email: optional(email),
    language: optionalChoice(Object.keys(LANGUAGES) as [string, ...string[]], "Langue inconnue."),
    accessibilityNeeds: optional(text("Besoins d'accessibilité", 300)),
    noteForPartner: optional(text("Note pour le partenaire", NOTE_MAX)),

    // An appointment booked by phone.
    appointmentDate: optionalDate("Date du rendez-vous"),
    appointmentTime: optionalTime,
    appointmentPlaceId: uuidOrEmpty,
    askFor: optional(text("À qui s'adresser", 120)),
  })
  .superRefine((input, context) => {
    const scopes = new Set(input.consent ? input.consentScope : []);
    const needs = (scope: ConsentScope, fields: ("phone" | "email" | "language" | "accessibilityNeeds")[]) => {
      for (const field of fields) {
        if (input[field] && !scopes.has(scope)) {
          context.addIssue({
            code: "custom",
            path: [field],
            message: `Sans l'accord de la personne pour partager « ${CONSENT_SCOPE_LABELS[scope].toLowerCase()} », laissez ce champ vide.`,
          });
        }
      }
    };
    needs("contact", ["phone", "email"]);
    needs("language", ["language"]);
    needs("accessibility", ["accessibilityNeeds"]);
    if (input.consent && input.consentScope.length === 0) {
      context.addIssue({ code: "custom", path: ["consentScope"], message: "Cochez ce que la personne accepte de partager." });
    }
    if (!input.consent && input.consentScope.length > 0) {
      context.addIssue({ code: "custom", path: ["consent"], message: "Cochez l'accord de la personne, ou décochez ce qu'elle partage." });
    }
    if (input.appointmentTime && !input.appointmentDate) {
      context.addIssue({ code: "custom", path: ["appointmentDate"], message: "Indiquez la date du rendez-vous." });
    }
    if (input.appointmentDate && !input.appointmentTime) {
      context.addIssue({ code: "custom", path: ["appointmentTime"], message: "Indiquez l'heure du rendez-vous." });
    }
    input.documents.forEach((row, index) => {
      if (!row.label && row.status === "ready") {
        context.addIssue({ code: "custom", path: ["documents", index, "label"], message: "Nommez le document, ou décochez « prêt »." });
      }
    });
  })
  .transform((input) => {
    const consentScope = input.consent ? [...new Set(input.consentScope)] : [];
    return {
      ...input,
      consentScope,
      equipment: [...new Set(input.equipment)],
      /** The checklist as stored: named rows that the person needs, ready or to bring. */
      documents: input.documents
        .filter((row) => row.label && row.status !== "not_needed")
        .map((row) => ({ label: row.label, ready: row.status === "ready" })),
    };
  });

export type TransferFormInput = z.input<typeof transferSchema>;
export type TransferInput = z.output<typeof transferSchema>;

type Choice<T extends readonly string[]> = T[number];

/** The form's values are what the schema reads: checked by the compiler (the constraint), no cast anywhere. */
type ReadBySchema<Values extends TransferFormInput> = Values;

/**
 * The form's values as the browser holds them: text, one of the choices (or "" for "non précisé")
 * where the schema reads a choice, lists for groups. It is what the schema reads
 * (`TransferFormInput`), with every field present.
 */
export type TransferFormValues = ReadBySchema<TransferFormFields>;

interface TransferFormFields {
  idempotencyKey: string;
  fromStructureId: string;
  offerId: string;
  previousTransferId: string;
  sheetLineId: string;
  phoneCallId: string;
  level: Choice<typeof TRANSFER_LEVELS>;
  intent: Choice<typeof TRANSFER_INTENTS>;
  needTermId: string;
  needDescription: string;
  difficulty: Choice<typeof DIFFICULTIES> | "";
  urgency: Choice<typeof URGENCIES>;
  deadline: string;
  digitalEase: Choice<typeof DIGITAL_EASES> | "";
  equipment: string[];
  supportGoal: Choice<typeof SUPPORT_GOALS> | "";
  documents: { label: string; status: Choice<typeof DOCUMENT_STATUSES> }[];
  personPublicTermIds: string[];
  ageBand: AgeBand | "";
  confirmWarnings: boolean;
  personLabel: string;
  consent: boolean;
  consentScope: string[];
  phone: string;
  email: string;
  language: string;
  accessibilityNeeds: string;
  noteForPartner: string;
  appointmentDate: string;
  appointmentTime: string;
  appointmentPlaceId: string;
  askFor: string;
}

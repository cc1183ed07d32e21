/**
 * The data·inclusion v1 shapes (schema 1.0.8) as zod, for the rules the team's shared/reference/standards.md
 * §2.2 states: required fields, lengths, patterns, enumerations (read from vocabularies.json, as
 * published), « tous-publics » alone. The exporter checks every record with them before it returns
 * it, so its output always validates; tests check the output against the official JSON Schemas too
 * (tests/fixtures/datainclusion/).
 *
 * Emails and links follow the JSON Schemas' formats ("email", "uri" as JSON Schema validators read
 * them), which are stricter than data·inclusion's pydantic models: `EmailStr` accepts an accented
 * address (« chambéry@… », RFC 6531) that the "email" format refuses. A record that a consumer
 * validating against the JSON Schema would reject is not written as such (the exporter drops the
 * field and says so).
 */
import { z } from "zod";
import { VOCABULARY_CODES } from "../crosswalks";

export const DI_SCHEMA_VERSION = "1.0.8";

function codesOf(vocabulary: string): [string, ...string[]] {
  const codes = [...(VOCABULARY_CODES.get(vocabulary) ?? [])];
  if (codes.length === 0) throw new Error(`Vocabulaire inconnu : ${vocabulary}`);
  return codes as [string, ...string[]];
}

export const DI_ENUMS = {
  thematiques: codesOf("dataInclusion.v1.thematiques"),
  types: codesOf("dataInclusion.v1.types_de_services"),
  frais: codesOf("dataInclusion.v1.frais"),
  publics: codesOf("dataInclusion.v1.publics"),
  receptionModes: codesOf("dataInclusion.v1.modes_accueil"),
  mobilisationModes: codesOf("dataInclusion.v1.modes_mobilisation"),
  mobilisablePar: codesOf("dataInclusion.v1.mobilisable_par"),
  reseauxPorteurs: codesOf("dataInclusion.v1.reseaux_porteurs"),
} as const;

/** A date "YYYY-MM-DD", not before 2000 and not after `today`. */
const dateMaj = (today: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "date AAAA-MM-JJ attendue")
    .refine((value) => value >= "2000-01-01", "date antérieure à 2000")
    .refine((value) => value <= today, "date dans le futur");

const name = z.string().min(3).max(150);
/** JSON Schema's "email" (RFC 5321 mailbox, ASCII only: the "idn-email" format is another one). */
const JSON_SCHEMA_EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const email = z.email({ pattern: JSON_SCHEMA_EMAIL });
/** pydantic's `HttpUrl` (http or https, at most 2083 characters) written with RFC 3986's characters only ("uri"). */
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2083)
  .regex(/^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+$/, "caractères hors de la norme des adresses web");
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();
const uniqueList = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((values) => new Set(values).size === values.length, "valeurs en double");

const addressBlock = {
  commune: optional(z.string().min(1)),
  code_postal: optional(z.string().regex(/^\d{5}$/)),
  code_insee: optional(z.string().regex(/^\w{5}$/)),
  adresse: optional(z.string().min(1)),
  complement_adresse: optional(z.string()),
  latitude: optional(z.number().min(-90).max(90)),
  longitude: optional(z.number().min(-180).max(180)),
};

export function diStructureSchema(today: string) {
  return z.strictObject({
    source: z.string().min(1),
    id: z.string().min(1),
    nom: name,
    date_maj: dateMaj(today),
    description: optional(z.string().min(5).max(10_000)),
    lien_source: optional(httpUrl),
    siret: optional(z.string().regex(/^\d{14}$/)),
    ...addressBlock,
    telephone: optional(z.string().min(1)),
    courriel: optional(email),
    site_web: optional(httpUrl),
    horaires_accueil: optional(z.string().min(1)),
    accessibilite_lieu: optional(httpUrl),
    reseaux_porteurs: optional(uniqueList(z.enum(DI_ENUMS.reseauxPorteurs))),
  });
}

export function diServiceSchema(today: string) {
  return z.strictObject({
    source: z.string().min(1),
    structure_id: z.string().min(1),
    id: z.string().min(1),
    nom: name,
    description: z.string().min(5).max(10_000),
    lien_source: optional(httpUrl),
    date_maj: dateMaj(today),
    type: optional(z.enum(DI_ENUMS.types)),
    // Sub-themes only: the categories ("numerique") are not valid values.
    thematiques: optional(uniqueList(z.enum(DI_ENUMS.thematiques).refine((code) => code.includes("--"), "catégorie, pas une sous-thématique"))),
    frais: optional(z.enum(DI_ENUMS.frais)),
    frais_precisions: optional(z.string()),
    publics: optional(
      uniqueList(z.enum(DI_ENUMS.publics))
        .min(1)
        .refine((values) => !values.includes("tous-publics") || values.length === 1, "« tous-publics » doit être seul"),
    ),
    publics_precisions: optional(z.string()),
    conditions_acces: optional(z.string()),
    ...addressBlock,
    telephone: optional(z.string().min(1)),
    courriel: optional(email),
    modes_accueil: optional(uniqueList(z.enum(DI_ENUMS.receptionModes))),
    zone_eligibilite: optional(
      z
        .array(z.string().regex(/^(\w{5}|\w{2,3}|\d{9}|99[0-5]\d{2}|france)$/, "code de commune, département, EPCI, pays ou « france »"))
        .min(1),
    ),
    contact_nom_prenom: optional(z.string()),
    lien_mobilisation: optional(httpUrl),
    modes_mobilisation: optional(uniqueList(z.enum(DI_ENUMS.mobilisationModes)).min(1)),
    mobilisable_par: optional(uniqueList(z.enum(DI_ENUMS.mobilisablePar)).min(1)),
    mobilisation_precisions: optional(z.string()),
    volume_horaire_hebdomadaire: optional(z.number().min(0)),
    nombre_semaines: optional(z.number().int().min(1)),
    horaires_accueil: optional(z.string().min(1)),
  });
}

export type DiStructure = z.infer<ReturnType<typeof diStructureSchema>>;
export type DiService = z.infer<ReturnType<typeof diServiceSchema>>;

/** The fields a record cannot go without (the JSON Schemas' `required`): the others can be left out. */
export const DI_REQUIRED_FIELDS = {
  structure: ["source", "id", "nom", "date_maj"],
  service: ["source", "structure_id", "id", "nom", "description", "date_maj"],
} as const;

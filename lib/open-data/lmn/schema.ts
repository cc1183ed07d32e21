/**
 * The LMN (« Lieux de médiation numérique ») Table Schema v1.0.1, as published: the copy beside
 * this file is https://raw.githubusercontent.com/LaMednum/standard-mediation-num/v1.0.1/schema.json
 * (tag v1.0.1, the version schema.data.gouv.fr validates; copied from shared/reference/lmn, sha256
 * 4a01fb28…9f660). The repository reads it at build time, never from the team's shared folder.
 */
import schema from "./schema-v1.0.1.json";

export interface TableSchemaField {
  name: string;
  title?: string;
  type: "string" | "number" | "integer" | "date" | "boolean";
  format?: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    pattern?: string;
    enum?: string[];
    maxLength?: number;
    minLength?: number;
  };
}

export const LMN_SCHEMA = schema as unknown as { version: string; fields: TableSchemaField[]; primaryKey?: string };

/**
 * The title of the offer an imported LMN row becomes: LMN describes a place's offer without a
 * title, so this one says nothing the row's `services` do not, and is never exported as text.
 */
export const LMN_OFFER_TITLE = "Médiation numérique";

export const LMN_FIELDS = [
  "id",
  "pivot",
  "nom",
  "commune",
  "code_postal",
  "code_insee",
  "adresse",
  "complement_adresse",
  "latitude",
  "longitude",
  "typologie",
  "telephone",
  "courriels",
  "site_web",
  "horaires",
  "presentation_resume",
  "presentation_detail",
  "source",
  "itinerance",
  "structure_parente",
  "date_maj",
  "services",
  "publics_specifiquement_adresses",
  "prise_en_charge_specifique",
  "frais_a_charge",
  "dispositif_programmes_nationaux",
  "formations_labels",
  "autres_formations_labels",
  "modalites_acces",
  "modalites_accompagnement",
  "fiche_acces_libre",
  "prise_rdv",
] as const;
export type LmnField = (typeof LMN_FIELDS)[number];

/** One LMN row as text, every column present ("" when empty), multi-values joined with "|". */
export type LmnRow = Record<LmnField, string>;

/** Multi-valued columns ("|" since v1.0.0). */
export const LMN_MULTI_FIELDS: ReadonlySet<LmnField> = new Set([
  "typologie",
  "courriels",
  "site_web",
  "itinerance",
  "services",
  "publics_specifiquement_adresses",
  "prise_en_charge_specifique",
  "frais_a_charge",
  "dispositif_programmes_nationaux",
  "formations_labels",
  "autres_formations_labels",
  "modalites_acces",
  "modalites_accompagnement",
]);

export const emptyLmnRow = (): LmnRow => Object.fromEntries(LMN_FIELDS.map((field) => [field, ""])) as LmnRow;

/** Values of a multi-valued cell: split on "|", trimmed, empties dropped. */
export const splitMulti = (value: string, separator = "|") =>
  value
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

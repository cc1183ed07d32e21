/**
 * Which published vocabularies Toile seeds, what it uses each one for, and Toile's own
 * vocabularies where no standard says what the field means (postures, access modes).
 * The terms of the published ones come from shared/reference/vocabularies.json, as published.
 */

/** What Toile uses a vocabulary for. */
export const VOCABULARY_ROLES = [
  "need",
  "public",
  "posture",
  "access_mode",
  "contact_mode",
  "referral_mode",
  "reception_mode",
  "accompaniment",
  "fee",
  "support",
  "typology",
  "label",
] as const;
export type VocabularyRole = (typeof VOCABULARY_ROLES)[number];

export interface PublishedVocabulary {
  /** The key in vocabularies.json, kept as Toile's vocabulary key. */
  key: string;
  role: VocabularyRole;
  name: string;
  standard: string;
  version: string;
}

const LMN = { standard: "Lieux de médiation numérique", version: "1.0.2" };
const DI_V1 = { standard: "data·inclusion", version: "1.0.8" };
const DI_V0 = { standard: "data·inclusion", version: "0 (publié avec 1.0.6)" };

export const PUBLISHED_VOCABULARIES: PublishedVocabulary[] = [
  { key: "dataInclusion.v1.thematiques", role: "need", name: "Thématiques", ...DI_V1 },
  { key: "lmn.services", role: "need", name: "Services de médiation numérique", ...LMN },
  { key: "dataInclusion.v1.publics", role: "public", name: "Publics", ...DI_V1 },
  { key: "lmn.publics_specifiquement_adresses", role: "public", name: "Publics spécifiquement adressés", ...LMN },
  { key: "lmn.modalites_acces", role: "contact_mode", name: "Modalités d'accès", ...LMN },
  { key: "dataInclusion.v1.modes_mobilisation", role: "referral_mode", name: "Modes de mobilisation", ...DI_V1 },
  { key: "dataInclusion.v1.modes_accueil", role: "reception_mode", name: "Modes d'accueil", ...DI_V1 },
  { key: "lmn.modalites_accompagnement", role: "accompaniment", name: "Modalités d'accompagnement", ...LMN },
  { key: "lmn.frais_a_charge", role: "fee", name: "Frais à charge", ...LMN },
  { key: "dataInclusion.v1.frais", role: "fee", name: "Frais", ...DI_V1 },
  { key: "lmn.prise_en_charge_specifique", role: "support", name: "Prise en charge spécifique", ...LMN },
  { key: "dataInclusion.v0.typologies_de_structures", role: "typology", name: "Typologies de structures", ...DI_V0 },
  { key: "lmn.dispositif_programmes_nationaux", role: "label", name: "Dispositifs et programmes nationaux", ...LMN },
  { key: "lmn.formations_labels", role: "label", name: "Formations et labels", ...LMN },
];

export interface OwnVocabulary {
  key: string;
  role: VocabularyRole;
  name: string;
  terms: { code: string; label: string; description: string }[];
}

const TOILE = { standard: "Toile", version: "1" };

/** Seed 001 ("Le parcours usager") and PRODUCT.md define these; no standard carries them. */
export const OWN_VOCABULARIES: (OwnVocabulary & typeof TOILE)[] = [
  {
    key: "toile.postures",
    role: "posture",
    name: "Posture d'accompagnement",
    ...TOILE,
    terms: [
      {
        code: "apprendre-a-faire",
        label: "Apprendre à faire",
        description: "La personne apprend à faire seule, pour la prochaine fois.",
      },
      {
        code: "faire-avec",
        label: "Faire avec",
        description: "La démarche est faite avec la personne, qui garde la main.",
      },
      {
        code: "faire-a-la-place",
        label: "Faire à la place",
        description:
          "La démarche est faite pour la personne (peut demander un mandat Aidants Connect).",
      },
    ],
  },
  {
    key: "toile.modes_acces",
    role: "access_mode",
    name: "Comment venir",
    ...TOILE,
    terms: [
      { code: "acces-libre", label: "Accès libre", description: "Postes ou lieu en libre accès." },
      {
        code: "sans-rendez-vous",
        label: "Sans rendez-vous",
        description: "Accueil au fil de l'eau, pendant les heures d'ouverture.",
      },
      { code: "sur-rendez-vous", label: "Sur rendez-vous", description: "Uniquement sur rendez-vous." },
      {
        code: "atelier-collectif",
        label: "Atelier collectif",
        description: "Ateliers en groupe, sur inscription.",
      },
      {
        code: "a-distance",
        label: "À distance",
        description: "Par téléphone ou en ligne.",
      },
    ],
  },
];

/**
 * What the data·inclusion file leaves out of a territory's published data, and why: for the
 * « Données ouvertes » page, beside the file. Anyone sees how much is left out (a reuser should know
 * the file is not the whole offer); the territory's coordinators see the detail, structure by
 * structure and offer by offer, to correct the data at its source.
 */
import { db, type PrismaClient } from "@/lib/db";
import { ByVersion } from "@/lib/public-search/by-version";
import { territoryToday } from "../downloads";
import { loadTerritorySnapshot } from "../snapshot";
import { toDataInclusion, type DiDroppedField, type DiSkipped } from "./export";

/** The data·inclusion fields as the page names them. */
const FIELD_NAMES: Record<string, string> = {
  nom: "nom",
  description: "description",
  date_maj: "date de mise à jour",
  lien_source: "lien vers Toile",
  siret: "SIRET",
  commune: "commune",
  code_postal: "code postal",
  code_insee: "code INSEE",
  adresse: "adresse",
  complement_adresse: "complément d'adresse",
  latitude: "latitude",
  longitude: "longitude",
  telephone: "téléphone",
  courriel: "courriel",
  site_web: "site web",
  horaires_accueil: "horaires",
  reseaux_porteurs: "réseaux",
  thematiques: "thématiques",
  frais_precisions: "précisions sur les frais",
  publics: "publics",
  conditions_acces: "conditions d'accès",
  modes_accueil: "modes d'accueil",
  zone_eligibilite: "zone d'éligibilité",
  modes_mobilisation: "modes de mobilisation",
  mobilisable_par: "mobilisable par",
  mobilisation_precisions: "précisions sur la mobilisation",
};

export const fieldName = (field: string) => FIELD_NAMES[field] ?? field;

export interface DiOmissions {
  /** Structures and services not in the file at all. */
  skipped: DiSkipped[];
  /** Fields left out of records that are in the file. */
  droppedFields: DiDroppedField[];
}

/** The territory's data·inclusion export, as the download makes it, reduced to what it leaves out. */
export async function dataInclusionOmissions(db: PrismaClient, territory: { id: string; timeZone: string }, now: Date): Promise<DiOmissions> {
  const snapshot = await loadTerritorySnapshot(db, territory.id, now);
  const { skipped, droppedFields } = toDataInclusion(snapshot, { today: territoryToday(territory, now) });
  return { skipped, droppedFields };
}

const omissions = new ByVersion<DiOmissions>(100);

/**
 * For the open-data page: the omissions, kept for the territory's day until its published data
 * changes (`searchVersion`): the export behind them reads the whole territory, seconds for the
 * largest, and the page is public.
 */
export const loadDataInclusionOmissions = (territory: { id: string; timeZone: string; searchVersion: number }, now: Date) =>
  omissions.get(territory.id, `${territory.searchVersion}/${territoryToday(territory, now)}`, () => dataInclusionOmissions(db, territory, now));

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

/** One sentence for anyone: how much the file leaves out, or that it leaves nothing out. */
export function omissionsSummary({ skipped, droppedFields }: DiOmissions): string {
  const belgian = skipped.filter((record) => record.reason === "belgian" && record.kind === "structure").length;
  const structures = skipped.filter((record) => record.reason === "invalid" && record.kind === "structure").length;
  const services = skipped.filter((record) => record.reason === "invalid" && record.kind === "service").length;
  const parts = [
    belgian > 0 ? `${plural(belgian, "structure belge", "structures belges")} (dans le fichier Open Referral)` : null,
    structures > 0 ? `${plural(structures, "structure", "structures")} que le schéma data·inclusion refuse` : null,
    services > 0 ? `${plural(services, "offre", "offres")} que le schéma data·inclusion refuse` : null,
    droppedFields.length > 0
      ? `${plural(droppedFields.length, "information refusée", "informations refusées")} par le schéma data·inclusion (le reste de la fiche y est)`
      : null,
  ].filter(Boolean);
  return parts.length === 0 ? "Ce fichier contient toute l'offre publiée, sans rien laisser de côté." : `Ce fichier laisse de côté : ${parts.join(" ; ")}.`;
}

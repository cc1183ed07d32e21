/**
 * A territory's published data as downloadable files, for anyone: the files of the public
 * « Données ouvertes » page (/t/<slug>/donnees/<file>) and the API's territory-wide formats.
 * Published only: the snapshot reads published offers of published structures, and the matrix
 * export is asked for the same (drafts and archived offers never leave).
 */
import type { PrismaClient } from "@/lib/db";
import { matrixToCsv } from "@/lib/matrix/csv";
import { getMatrix } from "@/lib/matrix/queries";
import { matrixToXlsx } from "@/lib/matrix/xlsx";
import { localTime } from "@/lib/hours/rules";
import { toDataInclusion } from "./datainclusion/export";
import { toHsds } from "./hsds/export";
import { hsdsOrganizations } from "./hsds/nested";
import { lmnToCsv, lmnToJson, toLmnRows } from "./lmn/export";
import { loadTerritorySnapshot } from "./snapshot";

export const DOWNLOADS = [
  {
    file: "toile.csv",
    title: "Matrice Toile (CSV)",
    description: "Une ligne par offre, dans les colonnes de la matrice : qui, quoi, comment, pour qui, où, quand. S'ouvre dans un tableur.",
    contentType: "text/csv; charset=utf-8",
  },
  {
    file: "toile.xlsx",
    title: "Matrice Toile (Excel)",
    description: "La même matrice en classeur Excel, avec les dates de vérification.",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  {
    file: "lmn-v1.0.1.csv",
    title: "Lieux de médiation numérique v1.0.1 (CSV)",
    description: "Le standard national des lieux de médiation numérique : un lieu par ligne, les 32 colonnes du schéma. Lieux en France seulement.",
    contentType: "text/csv; charset=utf-8",
  },
  {
    file: "lmn-v1.0.1.json",
    title: "Lieux de médiation numérique v1.0.1 (JSON)",
    description: "Les mêmes lieux en JSON, comme les écrit la bibliothèque de l'ANCT.",
    contentType: "application/json; charset=utf-8",
  },
  {
    file: "data-inclusion-v1.json",
    title: "data·inclusion v1 (JSON)",
    description: "Les structures et leurs services au schéma data·inclusion v1, pour le référentiel national de l'offre d'insertion : un service par offre et par lieu où elle se tient. Structures françaises seulement.",
    contentType: "application/json; charset=utf-8",
  },
  {
    file: "hsds-3.json",
    title: "Open Referral HSDS 3.1 (JSON)",
    description:
      "Toutes les structures, y compris belges, au standard international Open Referral, en JSON imbriqué : chaque organisation avec ses lieux, ses services et leurs horaires.",
    contentType: "application/json; charset=utf-8",
  },
] as const;

export type DownloadFile = (typeof DOWNLOADS)[number]["file"];

export const isDownloadFile = (value: string): value is DownloadFile => DOWNLOADS.some((download) => download.file === value);

export interface Download {
  body: string | Uint8Array;
  contentType: string;
  filename: string;
}

interface Territory {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

/** The territory's day: past closures leave the exported hours then. */
export const territoryToday = (territory: { timeZone: string }, now: Date) => localTime(now, territory.timeZone).date;

/** Whole-territory exports in the standards' formats, as values (the API returns them as JSON). */
export async function territoryExport(db: PrismaClient, territory: Territory, format: "lmn" | "data-inclusion" | "hsds", now: Date, origin?: string) {
  const today = territoryToday(territory, now);
  const snapshot = await loadTerritorySnapshot(db, territory.id, now);
  if (format === "lmn") return lmnToJson(toLmnRows(snapshot, today).rows);
  // HSDS's nested JSON: an array of organizations, as its compiled organization_package schema (record 010).
  if (format === "hsds") return hsdsOrganizations(toHsds(snapshot, { today, baseUrl: origin }));
  const { structures, services, schema_version } = toDataInclusion(snapshot, { today, baseUrl: origin });
  return { schema_version, structures, services };
}

export async function territoryDownload(db: PrismaClient, territory: Territory, file: DownloadFile, now: Date, origin?: string): Promise<Download> {
  const contentType = DOWNLOADS.find((download) => download.file === file)!.contentType;
  const filename = `${territory.slug}-${file}`;
  if (file === "toile.csv" || file === "toile.xlsx") {
    const rows = await getMatrix(db, territory.id, {} as Parameters<typeof getMatrix>[2], now, { publishedOnly: true });
    return { body: file === "toile.csv" ? matrixToCsv(rows) : await matrixToXlsx(rows, territory.name), contentType, filename };
  }
  if (file === "lmn-v1.0.1.csv") {
    const snapshot = await loadTerritorySnapshot(db, territory.id, now);
    return { body: lmnToCsv(toLmnRows(snapshot, territoryToday(territory, now)).rows), contentType, filename };
  }
  const format = file === "lmn-v1.0.1.json" ? "lmn" : file === "data-inclusion-v1.json" ? "data-inclusion" : "hsds";
  return { body: JSON.stringify(await territoryExport(db, territory, format, now, origin)), contentType, filename };
}

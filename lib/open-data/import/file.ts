/**
 * An uploaded file to ImportRows, whatever its format: LMN v1 or v0 (CSV or JSON) or the Toile
 * template (the matrix export, CSV or XLSX), detected from its name and first bytes unless the
 * coordinator chose. A file that is none of these is refused with one clear issue.
 */
import { frenchCommuneCandidates, frenchCommuneMergedInto, frenchCommunesOf } from "@/lib/places/communes";
import { decodeText } from "./csv";
import { lmnFileSteps } from "./lmn";
import type { ImportResult } from "./model";
import { parseToileTemplate } from "./template";
import { runStepsWith, type Pace } from "./steps";

export const IMPORT_FORMATS = {
  auto: "Détecter le format",
  lmn: "Lieux de médiation numérique (v1 ou v0.1, CSV ou JSON)",
  toile: "Modèle Toile (la matrice exportée, CSV ou XLSX)",
} as const;
export type ImportFormat = keyof typeof IMPORT_FORMATS;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function refused(why: string, value = ""): ImportResult {
  return { format: "lmn-csv", version: null, rows: [], issues: [{ row: 0, column: "", value, why, level: "error" }] };
}

/**
 * `pace`, when given, is called every few hundred rows with the progress (the import job stores
 * it). `communeAnswers`: the communes the coordinator picked in the preview (template.ts).
 */
export async function parseImportFile(fileName: string, bytes: Uint8Array, format: ImportFormat = "auto", pace?: Pace, communeAnswers: Record<string, string> = {}): Promise<ImportResult> {
  const parseLmnFile = (name: string, input: Uint8Array) => runStepsWith(lmnFileSteps(name, input), pace);
  if (bytes.length === 0) return refused("Fichier vide.", fileName);
  const options = { communeAnswers, communeCandidates: frenchCommuneCandidates, communesOfPostalCode: frenchCommunesOf, communeMergedInto: frenchCommuneMergedInto };
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (isZip(bytes) || extension === "xlsx") {
    if (format === "lmn") return refused("Un fichier LMN est un CSV ou un JSON, pas un classeur XLSX : choisissez « Modèle Toile » ou exportez-le en CSV.", fileName);
    return parseToileTemplate(fileName, bytes, options, pace);
  }
  if (["xls", "ods", "pdf", "doc", "docx", "zip"].includes(extension) || bytes.subarray(0, 4096).includes(0)) {
    return refused("Ce fichier n'est ni un CSV, ni un JSON, ni un XLSX : enregistrez-le dans l'un de ces formats.", fileName);
  }
  if (format === "lmn") return parseLmnFile(fileName, bytes);
  if (format === "toile") return parseToileTemplate(fileName, bytes, options, pace);
  const start = decodeText(bytes.subarray(0, 2048)).text.trimStart();
  if (start.startsWith("[") || start.startsWith("{")) return parseLmnFile(fileName, bytes);
  const firstLine = start.split(/\r?\n/)[0] ?? "";
  return /(^|[;,\t|])"?Qui"?[;,\t|]"?Quoi"?([;,\t|]|$)/.test(firstLine) ? parseToileTemplate(fileName, bytes, options, pace) : parseLmnFile(fileName, bytes);
}

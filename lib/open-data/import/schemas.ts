/** The import page's forms: upload (then the job's progress and preview), confirm, abandon. */
import { z } from "zod";
import { IMPORT_FORMATS, type ImportFormat } from "./file";

export const importUploadSchema = z.object({
  territoryId: z.uuid(),
  format: z.enum(Object.keys(IMPORT_FORMATS) as [ImportFormat, ...ImportFormat[]]).default("auto"),
});

export const importConfirmSchema = z.object({
  territoryId: z.uuid(),
  jobId: z.uuid(),
  planHash: z.string().regex(/^[0-9a-f]{64}$/),
});

export const importAbandonSchema = z.object({
  territoryId: z.uuid(),
  jobId: z.uuid(),
});

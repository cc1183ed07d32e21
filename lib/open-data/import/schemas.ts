/** The import page's two forms: upload (then preview) and confirm. */
import { z } from "zod";
import { IMPORT_FORMATS, type ImportFormat } from "./file";

export const importUploadSchema = z.object({
  territoryId: z.uuid(),
  format: z.enum(Object.keys(IMPORT_FORMATS) as [ImportFormat, ...ImportFormat[]]).default("auto"),
});

export const importConfirmSchema = z.object({
  territoryId: z.uuid(),
  draftId: z.uuid(),
  planHash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The import page's forms: upload (then the job's progress and preview), communes picked in the preview, confirm, abandon. */
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

/** Each ambiguous commune's pick: a field `commune:<row>:<place as written>` whose value is `<INSEE code>|<postal code>`. */
export const importCommunesSchema = z.object({
  territoryId: z.uuid(),
  jobId: z.uuid(),
  // The action gathers the fields into one JSON value.
  answers: z
    .string()
    .max(100_000)
    .transform((value, context) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "Réponses illisibles." });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().regex(/^\d+:.{1,300}$/), z.string().regex(/^(\d{5}|2[AB]\d{3})\|\d{5}$/))),
});

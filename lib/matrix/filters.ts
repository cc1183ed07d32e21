/** The matrix's filters and sort, read from the URL (a filtered matrix can be shared). */
import { z } from "zod";

const optionalText = z.string().trim().max(200).optional().transform((value) => value || undefined);

const SORT_COLUMNS = ["qui", "quoi", "ou", "verification"] as const;

export const matrixFiltersSchema = z.object({
  besoin: optionalText, // a need's term id
  public: optionalText,
  posture: optionalText,
  acces: optionalText,
  commune: optionalText, // commune code
  structure: optionalText,
  tri: z.enum(SORT_COLUMNS).optional().catch(undefined),
});

export type MatrixFilters = z.infer<typeof matrixFiltersSchema>;

export function parseMatrixFilters(params: Record<string, string | string[] | undefined>): MatrixFilters {
  const single = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = matrixFiltersSchema.safeParse(single);
  return parsed.success ? parsed.data : matrixFiltersSchema.parse({});
}

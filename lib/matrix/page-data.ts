/** What the matrix, its export and the coverage page read (app/territoires/[slug]/…), with the one client bound: app/ never imports `db`. */
import { withDb } from "@/lib/db";
import { findMatrixTerritory, getCoverageInputs, getMatrix, getMatrixFilterOptions } from "@/lib/matrix/queries";

/** The territory, when the actor may read its matrix; null answers 404. */
export const loadMatrixTerritory = withDb(findMatrixTerritory);
export const loadMatrix = withDb(getMatrix);
export const loadMatrixFilterOptions = withDb(getMatrixFilterOptions);
export const loadCoverageInputs = withDb(getCoverageInputs);

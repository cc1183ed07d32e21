/**
 * Coverage of the territory: for each need × public (or need × posture), how many published
 * offers answer it. An offer "for everyone" covers every public. Empty and single-provider cells
 * are the gaps seed 001 asks coordinators to see (José's case: nobody for the under-26s' job search).
 */
export interface CoverageOffer {
  structure: string;
  needs: string[];
  publics: string[];
  postures: string[];
}

export interface CoverageCell {
  count: number;
  structures: string[];
  level: "none" | "single" | "covered";
}

export const EVERYONE = "Tous publics";

export function coverageTable(offers: CoverageOffer[], rows: string[], columns: string[], dimension: "publics" | "postures") {
  return rows.map((need) => ({
    need,
    cells: columns.map((column): CoverageCell => {
      const matching = offers.filter(
        (offer) =>
          offer.needs.includes(need) &&
          (offer[dimension].includes(column) || (dimension === "publics" && offer.publics.includes(EVERYONE))),
      );
      const structures = [...new Set(matching.map((offer) => offer.structure))].sort();
      return {
        count: matching.length,
        structures,
        level: structures.length === 0 ? "none" : structures.length === 1 ? "single" : "covered",
      };
    }),
  }));
}

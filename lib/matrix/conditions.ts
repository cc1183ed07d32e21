/**
 * An offer's conditions as the matrix says them ("de 16 à 25 ans ; habiter la commune ; …"), and
 * back: the Toile template reads the same words (lib/open-data/import/template.ts).
 */
export interface OfferConditions {
  minAge: number | null;
  maxAge: number | null;
  residencyCondition: string | null;
  otherConditions: string | null;
}

function agePhrase(minAge: number | null, maxAge: number | null): string | null {
  if (minAge != null && maxAge != null) return `de ${minAge} à ${maxAge} ans`;
  if (minAge != null) return `à partir de ${minAge} ans`;
  if (maxAge != null) return `jusqu'à ${maxAge} ans`;
  return null;
}

/** The conditions in the matrix's order: age, residency, the rest. */
export function conditionList(conditions: OfferConditions): string[] {
  return [agePhrase(conditions.minAge, conditions.maxAge), conditions.residencyCondition, conditions.otherConditions].filter((condition): condition is string => !!condition);
}

/**
 * The matrix's "Conditions" cell read back: a leading age phrase gives the ages; what follows
 * (it cannot tell a residency condition from another) is kept whole as the other conditions, so
 * that it is written back as it was read.
 */
export function readConditions(text: string): OfferConditions {
  const parts = text.split(" ; ").map((part) => part.trim()).filter(Boolean);
  let minAge: number | null = null;
  let maxAge: number | null = null;
  const age = parts[0] ? /^(?:de (\d{1,3}) à (\d{1,3}) ans|à partir de (\d{1,3}) ans|jusqu'à (\d{1,3}) ans)$/.exec(parts[0]) : null;
  if (age) {
    parts.shift();
    minAge = age[1] ? Number(age[1]) : age[3] ? Number(age[3]) : null;
    maxAge = age[2] ? Number(age[2]) : age[4] ? Number(age[4]) : null;
  }
  return { minAge, maxAge, residencyCondition: null, otherConditions: parts.length > 0 ? parts.join(" ; ") : null };
}

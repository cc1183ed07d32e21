/**
 * Pure rules about communes and postal codes, safe in the browser (no list of communes here:
 * that stays on the server, in communes.ts).
 */

export interface Commune {
  /** INSEE code (Corsica: 2A…, 2B…). */
  code: string;
  name: string;
  postalCodes: string[];
}

/** A commune's name as people type it: no accents, case, hyphens or apostrophes; "St" is "Saint". */
export function normalizeCommuneName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\bste\b/g, "sainte")
    .replace(/\bst\b/g, "saint");
}

/**
 * The commune of `communes` that `typed` designates: its INSEE code (chosen in the list) or its
 * name. Undefined when none matches.
 */
export function matchCommune(communes: Commune[], typed: string): Commune | undefined {
  const value = typed.trim();
  const byCode = communes.find((commune) => commune.code === value.toUpperCase());
  if (byCode) return byCode;
  const wanted = normalizeCommuneName(value);
  return communes.find((commune) => normalizeCommuneName(commune.name) === wanted);
}

/** A Belgian postal code: 4 digits, from 1000 to 9992. */
export function isBelgianPostalCode(postalCode: string): boolean {
  return /^\d{4}$/.test(postalCode) && Number(postalCode) >= 1000 && Number(postalCode) <= 9992;
}

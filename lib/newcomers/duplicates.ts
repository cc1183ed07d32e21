/**
 * Is a newcomer already in the matrix? Compared with each structure of the territory: the same
 * identifier (SIRET, RNA, BCE), the same organisation (SIRET of another establishment of the same
 * SIREN), a close name (case, accents, hyphens, apostrophes and the usual words of structures'
 * names set aside, then the same words or one name within the other), the same address (street
 * and postal code). Pure: the coordinator's page reads the structures, this says which look alike
 * and why.
 */
import { foldForSearch } from "@/lib/memberships/join-search";

export interface ExistingStructure {
  id: string;
  name: string;
  identifiers: { type: "SIRET" | "RNA" | "BCE"; value: string }[];
  places: { address: string; postalCode: string }[];
}

export interface Newcomer {
  name: string;
  identifierType: "SIRET" | "RNA" | "BCE" | null;
  identifierValue: string | null;
  address: string;
  postalCode: string;
}

export type DuplicateReason = "same_identifier" | "same_siren" | "close_name" | "same_address";

export const REASON_WORDS: Record<DuplicateReason, string> = {
  same_identifier: "même identifiant",
  same_siren: "même SIREN (un autre établissement de la même organisation)",
  close_name: "nom proche",
  same_address: "même adresse",
};

/** Words every other structure's name has: they say nothing about which one it is. */
const COMMON_WORDS = new Set(["association", "asso", "assoc", "de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "sur"]);

const nameWords = (name: string) =>
  foldForSearch(name)
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !COMMON_WORDS.has(word));

function closeNames(a: string, b: string): boolean {
  const left = nameWords(a);
  const right = nameWords(b);
  if (left.length === 0 || right.length === 0) return false;
  const joinedLeft = left.join(" ");
  const joinedRight = right.join(" ");
  if (joinedLeft === joinedRight) return true;
  // One name within the other ("Repair café" and "Repair café du Val de Lise"), on whole words.
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  return shorter.length >= 2 && shorter.every((word) => longer.includes(word));
}

/** "12, rue Carnot" and "12 RUE CARNOT" are one address. */
const foldAddress = (address: string) => foldForSearch(address).replace(/[^a-z0-9]+/g, " ").trim();

export function findDuplicates(newcomer: Newcomer, structures: ExistingStructure[]): { structure: ExistingStructure; reasons: DuplicateReason[] }[] {
  const address = foldAddress(newcomer.address);
  return structures
    .map((structure) => {
      const reasons: DuplicateReason[] = [];
      const { identifierType: type, identifierValue: value } = newcomer;
      if (type && value && structure.identifiers.some((identifier) => identifier.type === type && identifier.value === value)) reasons.push("same_identifier");
      else if (type === "SIRET" && value && structure.identifiers.some((identifier) => identifier.type === "SIRET" && identifier.value.slice(0, 9) === value.slice(0, 9))) {
        reasons.push("same_siren");
      }
      if (closeNames(newcomer.name, structure.name)) reasons.push("close_name");
      if (address && structure.places.some((place) => place.postalCode === newcomer.postalCode && foldAddress(place.address) === address)) reasons.push("same_address");
      return { structure, reasons };
    })
    .filter((candidate) => candidate.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || a.structure.name.localeCompare(b.structure.name, "fr"));
}

/**
 * A transfer's reference code, printed on the fiche navette and typed by the receiving partner:
 * "TR-7K4Q-2M". Six characters from an alphabet without look-alikes (no 0/O/Q/D, 1/I/L, 2/Z,
 * 5/S, U/V, B/8), drawn from a cryptographic source: 21⁶ ≈ 86 million codes, so guessing one is
 * hopeless behind the lookup's rate limit. Typing is forgiving: case, spaces, dashes and the "TR"
 * prefix are optional.
 */
import { randomInt } from "node:crypto";

export const CODE_ALPHABET = "34679ACEFGHJKMNPRTWXY";

/** A new random code. */
export function newTransferCode(random: (max: number) => number = randomInt): string {
  let chars = "";
  for (let index = 0; index < 6; index++) chars += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return `TR-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** What a person typed, as a stored code, or null when it cannot be one. */
export function normalizeTransferCode(typed: string): string | null {
  let chars = typed.toUpperCase().replace(/[\s\-–—_.]/g, "");
  if (chars.length === 8 && chars.startsWith("TR")) chars = chars.slice(2);
  if (chars.length !== 6 || [...chars].some((char) => !CODE_ALPHABET.includes(char))) return null;
  return `TR-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

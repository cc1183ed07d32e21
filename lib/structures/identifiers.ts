/**
 * Structure identifiers: SIRET (France, establishment), RNA (France, association), BCE/KBO
 * (Belgium, enterprise number). Each is normalised (spaces, dots and prefixes removed) and checked,
 * checksum included, so a typo is caught at the field.
 */

export type IdentifierCheck = { ok: true; value: string } | { ok: false; message: string };

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** La Poste's establishments share one SIREN and follow their own rule (digit sum divisible by 5). */
const LA_POSTE_SIREN = "356000000";

export function checkSiret(input: string): IdentifierCheck {
  const value = input.replace(/[\s.]/g, "");
  if (!/^\d{14}$/.test(value)) return { ok: false, message: "Un SIRET a 14 chiffres." };
  const valid = value.startsWith(LA_POSTE_SIREN)
    ? [...value].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0
    : luhnValid(value);
  return valid ? { ok: true, value } : { ok: false, message: "Ce SIRET n'existe pas : vérifiez les chiffres (clé de contrôle)." };
}

export function checkRna(input: string): IdentifierCheck {
  const value = input.replace(/\s/g, "").toUpperCase();
  return /^W\d{9}$/.test(value)
    ? { ok: true, value }
    : { ok: false, message: "Un numéro RNA s'écrit W suivi de 9 chiffres (exemple : W751234567)." };
}

export function checkBce(input: string): IdentifierCheck {
  const value = input.replace(/^BE/i, "").replace(/[\s.]/g, "");
  if (!/^[01]\d{9}$/.test(value)) {
    return { ok: false, message: "Un numéro d'entreprise (BCE/KBO) a 10 chiffres et commence par 0 ou 1." };
  }
  const valid = 97 - (Number(value.slice(0, 8)) % 97) === Number(value.slice(8));
  return valid ? { ok: true, value } : { ok: false, message: "Ce numéro d'entreprise n'existe pas : vérifiez les chiffres (clé de contrôle)." };
}

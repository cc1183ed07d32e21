/**
 * What a mediator should know before sending a person to an offer (pure). When the offer does
 * not accept transfers, only a simple transfer (information given to the person) is possible;
 * the other warnings only ask for an explicit "Je transfère quand même" before sending.
 * Both rules are enforced by createTransfer, and shown by the form.
 */
import { isStale } from "@/lib/offers/rules";
import { AGE_BANDS, type AgeBand } from "./schemas";

export type TransferWarningKind = "not_accepting_transfers" | "public_not_served" | "age_not_served" | "stale" | "saturated" | "no_opening_soon";

export interface TransferWarning {
  kind: TransferWarningKind;
  message: string;
}

export interface WarningOffer {
  acceptsTransfers: boolean;
  isSaturated: boolean;
  lastVerifiedAt: Date | null;
  minAge: number | null;
  maxAge: number | null;
  /** The offer's public terms (ids and codes): none, or "tous-publics", serves everyone. */
  publicTerms: { id: string; code: string; label: string }[];
  /** The soonest opening among its places (now counts), null when none is scheduled in the coming weeks; undefined when unknown. */
  nextOpeningAt?: Date | null;
}

export interface WarningPerson {
  publicTermIds?: string[];
  ageBand?: AgeBand | null;
}

/** An opening further away than this is worth a word ("pas d'ouverture avant le …"). */
const NO_OPENING_SOON_DAYS = 14;
const EVERYONE = new Set(["tous-publics", "Tous publics"]);

const agesText = (min: number | null, max: number | null) =>
  min != null && max != null ? `de ${min} à ${max} ans` : min != null ? `à partir de ${min} ans` : `jusqu'à ${max} ans`;

export function transferWarnings(
  offer: WarningOffer,
  person: WarningPerson,
  { now, staleAfterMonths, timeZone = "Europe/Paris" }: { now: Date; staleAfterMonths: number; timeZone?: string },
): TransferWarning[] {
  const warnings: TransferWarning[] = [];
  if (!offer.acceptsTransfers) {
    warnings.push({
      kind: "not_accepting_transfers",
      message:
        "Cette offre n'accepte pas les transferts accompagnés : seul un transfert simple est possible (la personne reçoit l'information et s'y rend elle-même).",
    });
  }
  const chosenPublics = person.publicTermIds ?? [];
  const servesEveryone = offer.publicTerms.length === 0 || offer.publicTerms.some((term) => EVERYONE.has(term.code));
  if (chosenPublics.length > 0 && !servesEveryone && !offer.publicTerms.some((term) => chosenPublics.includes(term.id))) {
    warnings.push({
      kind: "public_not_served",
      message: `Cette offre s'adresse à un autre public : ${offer.publicTerms.map((term) => term.label).join(", ")}.`,
    });
  }
  if (person.ageBand && (offer.minAge != null || offer.maxAge != null)) {
    const band = AGE_BANDS[person.ageBand];
    const inside = (offer.minAge == null || band.min >= offer.minAge) && (offer.maxAge == null || band.max <= offer.maxAge);
    if (!inside) {
      warnings.push({
        kind: "age_not_served",
        message: `Cette offre est réservée aux personnes ${agesText(offer.minAge, offer.maxAge)} ; la personne a ${band.label.toLowerCase()}.`,
      });
    }
  }
  if (isStale(offer.lastVerifiedAt, staleAfterMonths, now)) {
    warnings.push({
      kind: "stale",
      message: offer.lastVerifiedAt
        ? `Ces informations n'ont pas été vérifiées depuis plus de ${staleAfterMonths} mois : appelez la structure pour confirmer.`
        : "Ces informations n'ont jamais été vérifiées : appelez la structure pour confirmer.",
    });
  }
  if (offer.isSaturated) {
    warnings.push({ kind: "saturated", message: "La structure indique être complète pour le moment." });
  }
  if (offer.nextOpeningAt === null) {
    warnings.push({ kind: "no_opening_soon", message: "Aucune ouverture n'est prévue dans les semaines qui viennent." });
  } else if (offer.nextOpeningAt && offer.nextOpeningAt.getTime() - now.getTime() > NO_OPENING_SOON_DAYS * 24 * 60 * 60_000) {
    warnings.push({
      kind: "no_opening_soon",
      message: `Pas d'ouverture avant le ${new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone }).format(offer.nextOpeningAt)}.`,
    });
  }
  return warnings;
}

/** The warnings the mediator must confirm ("Je transfère quand même") before sending. */
export const warningsToConfirm = (warnings: TransferWarning[]) => warnings.filter((warning) => warning.kind !== "not_accepting_transfers");

/** Whether the offer allows this level: a simple transfer always; the others only when it accepts transfers. */
export const levelAllowed = (offer: Pick<WarningOffer, "acceptsTransfers">, level: string) => level === "simple" || offer.acceptsTransfers;

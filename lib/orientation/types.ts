/**
 * What the orientation engine answers: the offers ranked for a situation, each with the reasons
 * of its place, and the offers left out with the reason why. Reasons are codes with parameters,
 * never sentences: the mediators' pages say them in French (reason-text.ts), the residents'
 * questionnaire in plain words in French, English or Arabic.
 *
 * Parameters are plain values: dates are "YYYY-MM-DD" (a day) or ISO instants (a time), to be
 * formatted in the territory's time zone by whoever shows them.
 */
import type { NeedMatch } from "@/lib/public-search/match";
import type { PublicNeed } from "@/lib/public-search/needs";
import type { Commune } from "@/lib/public-search/filters";
import type { IgnoredAnswer, Posture, Situation } from "./situation";

/** Why an offer is ranked where it is: for it, against it, or worth knowing. */
export type ReasonCode =
  /** It answers the need asked (params: need — the need's slug; coverage — "full" or "partial": it carries
   * every term of the need, or only the broader ones). */
  | "need_answered"
  /** Nothing answers the need itself: it can help with its digital part only (params: need). */
  | "digital_part_only"
  /** Its title or description holds the words typed, which mean no known need (params: words). */
  | "text_matches"
  /** Another offer of the matrix sends this need here (params: fromStructure, notOffered). */
  | "redirected_here"
  /** It is meant for the person's public or age (params: public? — a public code; minAge?, maxAge?). */
  | "serves_public"
  /** Open to everyone. */
  | "for_everyone"
  /** Its posture is the support the person needs (params: posture). */
  | "posture_matches"
  /** It works another way than the person needs (params: posture — what it does; wanted). */
  | "posture_differs"
  /** The person can come without an appointment: an answer on the spot (params: quick — 1 when the
   * request is short; long — 1 when it is too long for a walk-in, the reason is then against). */
  | "walk_in"
  /** By appointment only (params: long — 1 when the request is long: an appointment suits it). */
  | "appointment_only"
  /** Its next opening (params: at — ISO instant; open — 1 when open now, at is then its closing time). */
  | "next_opening"
  /** It opens before the deadline (params: at — ISO instant, deadline — day). */
  | "open_before_deadline"
  /** Its next free appointment slot in the agendas (params: at — ISO instant). */
  | "next_free_slot"
  /** No free slot before the deadline (params: deadline). */
  | "no_free_slot_before_deadline"
  /** It usually takes this many days, more than the deadline leaves (params: days, deadline). */
  | "delay_beyond_deadline"
  /** It has no room for new people at the moment. */
  | "saturated"
  /** How far its nearest place is from the person's commune (params: km — one decimal, place). */
  | "distance"
  /** By phone or online: nothing to travel. */
  | "remote"
  /** Remote, but the person has no equipment to use it (params: none). */
  | "remote_needs_equipment"
  /** Computers and connection on the spot, for someone without equipment. */
  | "equipment_provided"
  /** It speaks the person's language (params: language — ISO 639-1). */
  | "language_spoken"
  /** It does not say it speaks the person's language (params: language). */
  | "language_not_spoken"
  /** Its places are accessible in a wheelchair. */
  | "wheelchair_accessible"
  /** Whether its place is accessible is not known (params: place). */
  | "wheelchair_unknown"
  /** A condition to check with the person (params: condition — the matrix's words; or publics — the
   * public codes it is meant for, joined by ",", when the person's public was not said). */
  | "condition_to_check"
  /** What to bring (params: documents — the list joined by " ; "). */
  | "documents_to_bring"
  | "free"
  /** It costs something (params: details? — the matrix's words). */
  | "paid"
  /** Checked by its structure recently (params: on — day). */
  | "verified_recently"
  /** Not checked for a long time: call before sending someone (params: on? — day, or never). */
  | "stale"
  /** The receiving partner takes accompanied transfers in Toile. */
  | "accepts_transfers";

export type ReasonKind = "for" | "against" | "info";

export interface Reason {
  code: ReasonCode;
  kind: ReasonKind;
  /** What it adds to the score (0 for information). */
  weight: number;
  params: Record<string, string | number>;
}

/** Why an offer that answers the need is not proposed. */
export type ExclusionCode =
  /** Reserved to ages the person is not (params: minAge?, maxAge?). */
  | "age_restricted"
  /** Reserved to publics the person is not part of (params: publics — codes joined by ","). */
  | "public_restricted"
  /** Closed until a day after the deadline, or for the coming weeks (params: until — day, label). */
  | "closed_until"
  /** No opening before the deadline (params: deadline). */
  | "no_opening_before_deadline"
  /** Farther than the person can travel (params: km, max). */
  | "too_far"
  /** None of its places is accessible in a wheelchair. */
  | "not_accessible"
  /** The offer says it does not do this and sends it elsewhere (params: notOffered, to — title or structure). */
  | "redirects_elsewhere";

export interface Exclusion {
  code: ExclusionCode;
  params: Record<string, string | number>;
}

/** An offer as the results show it. */
export interface OrientationOfferSummary {
  id: string;
  title: string;
  structureId: string;
  structureName: string;
  phone: string | null;
  places: { name: string; address: string; postalCode: string; communeName: string }[];
  /** No place: by phone or online, for the whole territory. */
  remote: boolean;
  postures: Posture[];
  accessModes: string[];
  documentsToBring: string[];
  acceptsTransfers: boolean;
}

export interface RankedOffer {
  offer: OrientationOfferSummary;
  score: number;
  /** For, against, then information; each group by weight. */
  reasons: Reason[];
  /** Its next free appointment slot (ISO instant), when it has agendas. */
  nextFreeSlot: string | null;
  /** Its nearest place from the person's commune, in km (null: no commune, or remote). */
  distanceKm: number | null;
}

export interface ExcludedOffer {
  offer: OrientationOfferSummary;
  exclusion: Exclusion;
}

/** Answers the pages must say: what contradicts itself or the territory. */
export type SituationProblem =
  /** The deadline is already past (params: deadline). */
  | { code: "deadline_past"; params: { deadline: string } }
  /** The commune is not one of the territory's (params: commune — as typed). */
  | { code: "commune_unknown"; params: { commune: string } }
  /** A distance was given without a commune: it cannot be measured. */
  | { code: "distance_without_commune"; params: Record<string, never> }
  /** The words mean no need Toile knows: the closest needs and the frequent ones are offered. */
  | { code: "need_unknown"; params: { words: string } };

export interface OrientationResult {
  territory: { id: string; slug: string; name: string; timeZone: string; country: "FR" | "BE" };
  situation: Situation;
  ignored: IgnoredAnswer[];
  problems: SituationProblem[];
  /** The needs ranked for: the chosen one, or those the words mean (empty: nothing asked or understood). */
  needs: NeedMatch[];
  /** When the words mean no need: the closest needs (typos, prefixes), then the frequent needs. */
  suggestions: { closest: PublicNeed[]; frequent: PublicNeed[] } | null;
  /** The communes the answer resolved to. */
  communes: Commune[];
  /** Best first. */
  ranked: RankedOffer[];
  excluded: ExcludedOffer[];
}

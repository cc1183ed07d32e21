/**
 * The orientation assistant's weights, in one place. An offer's score is the sum of the weights of
 * its reasons (rank.ts); every weight is shown with its reason, so a ranking can always be
 * explained. The need comes first by far: an offer that answers the need in full outranks one that
 * answers it in part, unless the rest of the situation (the support the person needs, the deadline,
 * the distance) speaks strongly against it. Tuned on the seeds' scenarios (rank.test.ts): change a
 * weight, run those tests.
 */
export const WEIGHTS = {
  /** × the need's strength: 1 for an offer carrying the need's terms in full (in one of its vocabularies), 0.2–1 in part. */
  need: 50,
  /** Only the digital part of a need nobody answers (seed 001: José's CV, "mise en forme"). */
  digitalPartOnly: 12,
  /** Words that mean no need, found in the offer's title or description. */
  textMatches: 20,
  /** × the need's share: another partner of the matrix sends this need here. */
  redirectedHere: 12,
  /** Meant for the person's public or age band: a service made for them (and the generalists kept for the others). */
  servesPublic: 15,
  /** Open to everyone. */
  forEveryone: 2,
  /** Works the way the person needs (done for them, with them, learn). */
  postureMatches: 15,
  /** Works the opposite way (does it for them when they want to learn, or the reverse). */
  postureOpposite: -10,
  /** No appointment needed, when it is urgent or the deadline is within a week: an answer on the spot. */
  walkInUrgent: 10,
  /** No appointment needed, otherwise. */
  walkIn: 3,
  /** Appointments only, with no free slot known, when it is urgent. */
  appointmentOnlyUrgent: -6,
  /** A short request (the mediator's judgement) where people walk in: done on the spot. */
  quickOnTheSpot: 8,
  /** A long request where people only walk in: too long for a permanence. */
  tooLongForWalkIn: -6,
  /** A long request where appointments are given. */
  appointmentForLongRequest: 6,
  /** Opens before the deadline. */
  openBeforeDeadline: 6,
  /** × how soon it opens, within the next three days (1: open now). */
  opensSoon: 6,
  /** A free slot in the agendas (before the deadline when there is one); half where people may walk in anyway. */
  freeSlot: 10,
  /** Agendas, but no free slot before the deadline. */
  noFreeSlotBeforeDeadline: -10,
  /** Its usual delay runs past the deadline. */
  delayBeyondDeadline: -12,
  /** No room for new people at the moment (still the right place: said, not hidden). */
  saturated: -8,
  /** Reserved to an age or a public the person did not say: to check. */
  restrictionToCheck: -4,
  /** × (1 − distance ÷ the distance the person can travel, or 20 km). */
  nearby: 10,
  /** By phone or online, for someone who cannot travel. */
  remoteCannotTravel: 10,
  /** By phone or online, for someone without any equipment. */
  remoteNeedsEquipment: -12,
  /** Computers on the spot, for someone without a computer or tablet. */
  equipmentProvided: 8,
  /** Speaks the person's language. */
  languageSpoken: 8,
  /** Does not say it speaks the person's language. */
  languageNotSpoken: -6,
  /** A place without steps, for someone in a wheelchair. */
  wheelchairAccessible: 4,
  free: 2,
  paid: -3,
  /** Checked by its structure within the territory's freshness period. */
  verifiedRecently: 2,
  /** Not checked for longer: call before sending someone. */
  stale: -5,
  /** The receiving partner takes transfers in Toile: the person will not be lost. */
  acceptsTransfers: 2,
} as const;

/** The distance that counts as "near" when the person did not say how far they can go, in km. */
export const DEFAULT_REACH_KM = 20;
/** A deadline within this many days makes the request urgent. */
export const URGENT_WITHIN_DAYS = 7;
/** Free slots are looked for this far ahead when there is no deadline. */
export const SLOT_HORIZON_DAYS = 21;
/** How many ranked offers an answer holds (the best ones). */
export const MAX_RANKED = 20;
/** How many of the best provisional scores are judged in full (openings, deadline, free slots): rank.ts. */
export const SHORTLIST = 40;
/** How many offers left out an answer lists (those answering the need best). */
export const MAX_EXCLUDED = 30;

/**
 * Whether information last verified at `lastVerifiedAt` is stale: never verified, or not
 * verified for more than `staleAfterMonths` calendar months before `now`.
 */
export function isStale(lastVerifiedAt: Date | null, staleAfterMonths: number, now: Date): boolean {
  return !lastVerifiedAt || lastVerifiedAt < staleBefore(staleAfterMonths, now);
}

/** The instant before which a verification is stale (to compare many offers against one limit). */
export function staleBefore(staleAfterMonths: number, now: Date): Date {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - staleAfterMonths);
  return limit;
}

export interface PublishReadiness {
  needs: number;
  accessModes: string[];
  places: number;
}

/**
 * What an offer lacks before the public may see it: what it helps with, how to come, and where
 * (a place, or "à distance"). Said in plain words, one line each.
 */
export function publishProblems({ needs, accessModes, places }: PublishReadiness): string[] {
  const problems: string[] = [];
  if (needs === 0) problems.push("Cochez au moins un besoin auquel l'offre répond.");
  if (accessModes.length === 0) problems.push("Dites comment venir (accès libre, sans rendez-vous, sur rendez-vous…).");
  if (places === 0 && !accessModes.includes("a-distance")) {
    problems.push("Choisissez au moins un lieu, ou indiquez que l'offre se fait à distance.");
  }
  return problems;
}

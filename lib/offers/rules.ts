/**
 * Whether information last verified at `lastVerifiedAt` is stale: never verified, or not
 * verified for more than `staleAfterMonths` calendar months before `now`.
 */
export function isStale(lastVerifiedAt: Date | null, staleAfterMonths: number, now: Date): boolean {
  if (!lastVerifiedAt) return true;
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - staleAfterMonths);
  return lastVerifiedAt < limit;
}

/**
 * Sliding-window rate limits kept in PostgreSQL, so they hold across app instances.
 * A transaction-scoped advisory lock on the key makes check-then-record atomic. Each hit carries
 * the end of its window (`expiresAt`); lib/maintenance/purges.ts deletes it after that.
 */
import type { PrismaClient } from "@/lib/db";

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** When refused: how long until the oldest hit leaves the window. */
  retryAfterMs: number;
}

/** Records a hit on `key` unless the limit is reached within the window. */
export async function hitRateLimit(
  db: PrismaClient,
  key: string,
  { limit, windowMs }: RateLimit,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowStart = new Date(now.getTime() - windowMs);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    await tx.rateLimitHit.deleteMany({ where: { key, createdAt: { lt: windowStart } } });
    const hits = await tx.rateLimitHit.findMany({
      where: { key },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (hits.length >= limit) {
      const oldest = hits[0]!.createdAt.getTime();
      return { allowed: false, retryAfterMs: Math.max(0, oldest + windowMs - now.getTime()) };
    }
    // The hit says when it stops counting: the scheduled purge deletes it then (its key may hold an email or an address).
    await tx.rateLimitHit.create({ data: { key, createdAt: now, expiresAt: new Date(now.getTime() + windowMs) } });
    return { allowed: true, retryAfterMs: 0 };
  });
}

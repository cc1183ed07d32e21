/**
 * Limits on magic-link requests, per address and per IP (lib/auth/client-address.ts), kept in the database.
 */
import type { PrismaClient } from "@/lib/db";
import { hitRateLimit, type RateLimit } from "./rate-limit";

export const PER_EMAIL: RateLimit = { limit: 3, windowMs: 15 * 60_000 };
export const PER_IP: RateLimit = { limit: 20, windowMs: 60 * 60_000 };

/** Null when allowed; otherwise the minutes to wait. */
export async function checkMagicLinkLimits(
  db: PrismaClient,
  email: string,
  ip: string,
  now = new Date(),
): Promise<number | null> {
  const byIp = await hitRateLimit(db, `magic-link:ip:${ip}`, PER_IP, now);
  if (!byIp.allowed) return Math.ceil(byIp.retryAfterMs / 60_000);
  const byEmail = await hitRateLimit(db, `magic-link:email:${email}`, PER_EMAIL, now);
  if (!byEmail.allowed) return Math.ceil(byEmail.retryAfterMs / 60_000);
  return null;
}

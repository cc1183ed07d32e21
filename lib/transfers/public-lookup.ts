/**
 * The public page by code (/fiche/<code>), for the person holding a fiche navette: the practical
 * part only (lib/transfers/fiche.ts `publicFicheByCode`). Rate-limited per client address
 * (lib/auth/client-address.ts), counted before the lookup, so guessing codes is hopeless (21⁶
 * codes; 30 tries per 10 minutes). An invalid code, an unknown one and a draft all answer the same
 * "not found".
 *
 * A request is counted by `proxy.ts` (`countFicheLookup`), which answers over the limit with HTTP
 * 429, `Retry-After` and a plain French page (`ficheRateLimitedPage`, in rate-limited-page.tsx): an App Router page cannot
 * choose its status. The page then looks the code up (`findPublicFiche`). `lookUpFiche` is the two
 * in that order, as one request goes through them.
 */
import { hitRateLimit, type RateLimit } from "@/lib/auth/rate-limit";
import type { PrismaClient } from "@/lib/db";
import { normalizeTransferCode } from "./code";
import { publicFicheByCode, type Fiche } from "./fiche";

export const LOOKUPS_PER_IP: RateLimit = { limit: 30, windowMs: 10 * 60_000 };

export type PublicLookup = { ok: true; fiche: Fiche } | { ok: false; reason: "not_found" } | { ok: false; reason: "rate_limited"; minutes: number };

export type LookupAllowance = { allowed: true } | { allowed: false; minutes: number; retryAfterSeconds: number };

/** Counts one lookup from `ip`: refused past 30 in 10 minutes, with the wait. */
export async function countFicheLookup(db: PrismaClient, ip: string, now = new Date()): Promise<LookupAllowance> {
  const limit = await hitRateLimit(db, `transfer-lookup:ip:${ip}`, LOOKUPS_PER_IP, now);
  if (limit.allowed) return { allowed: true };
  return { allowed: false, minutes: Math.max(1, Math.ceil(limit.retryAfterMs / 60_000)), retryAfterSeconds: Math.max(1, Math.ceil(limit.retryAfterMs / 1000)) };
}

/** The fiche of a typed code (lenient: case, spaces), or null: invalid, unknown or draft alike. */
export async function findPublicFiche(db: PrismaClient, typed: string, now = new Date()): Promise<Fiche | null> {
  const code = normalizeTransferCode(typed);
  return code ? publicFicheByCode(db, code, now) : null;
}

export async function lookUpFiche(db: PrismaClient, typed: string, { ip, now = new Date() }: { ip: string; now?: Date }): Promise<PublicLookup> {
  const allowance = await countFicheLookup(db, ip, now);
  if (!allowance.allowed) return { ok: false, reason: "rate_limited", minutes: allowance.minutes };
  const fiche = await findPublicFiche(db, typed, now);
  return fiche ? { ok: true, fiche } : { ok: false, reason: "not_found" };
}


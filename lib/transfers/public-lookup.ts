/**
 * The public page by code (/fiche/<code>), for the person holding a fiche navette: the practical
 * part only (lib/transfers/fiche.ts `publicFicheByCode`). Rate-limited per address, counted before
 * the lookup, so guessing codes is hopeless (21⁶ codes; 30 tries per 10 minutes). An invalid
 * code, an unknown one and a draft all answer the same "not found".
 */
import { hitRateLimit, type RateLimit } from "@/lib/auth/rate-limit";
import type { PrismaClient } from "@/lib/db";
import { normalizeTransferCode } from "./code";
import { publicFicheByCode, type Fiche } from "./fiche";

export const LOOKUPS_PER_IP: RateLimit = { limit: 30, windowMs: 10 * 60_000 };

export type PublicLookup = { ok: true; fiche: Fiche } | { ok: false; reason: "not_found" } | { ok: false; reason: "rate_limited"; minutes: number };

export async function lookUpFiche(db: PrismaClient, typed: string, { ip, now = new Date() }: { ip: string; now?: Date }): Promise<PublicLookup> {
  const limit = await hitRateLimit(db, `transfer-lookup:ip:${ip}`, LOOKUPS_PER_IP, now);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", minutes: Math.max(1, Math.ceil(limit.retryAfterMs / 60_000)) };
  const code = normalizeTransferCode(typed);
  const fiche = code ? await publicFicheByCode(db, code, now) : null;
  return fiche ? { ok: true, fiche } : { ok: false, reason: "not_found" };
}

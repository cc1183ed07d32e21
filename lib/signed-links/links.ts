/**
 * Signed links: a secret in a URL that lets someone without an account do one thing — review
 * their structure in an update campaign (lib/campaigns). Done right (issue 21, item 4):
 * - single-purpose: a link is checked against the purpose it was made for;
 * - stored hashed: only the SHA-256 of the secret is kept, so a copy of the database opens nothing;
 * - expiring and revocable: `expiresAt`, `revokedAt`, and a link past either says which, in words;
 * - rate-limited: every use counts against the visitor's address, and unknown secrets far more
 *   (guessing is pointless with 256 bits, but hammering the table is not free).
 * The secret is 64 hex characters: the access log replaces it with `:id` (lib/http/policy.mjs).
 */
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hitRateLimit, type RateLimit } from "@/lib/auth/rate-limit";

export type LinkPurpose = "campaign.review";

/** Pages and saves through links, per address: a structure reviewing a dozen items stays far below. */
const USES_PER_IP: RateLimit = { limit: 300, windowMs: 10 * 60_000 };
/** Secrets that match nothing, per address. */
const MISSES_PER_IP: RateLimit = { limit: 20, windowMs: 60 * 60_000 };

const TOKEN_SHAPE = /^[0-9a-f]{64}$/;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new link: its secret goes into one email (or one screen) and is never stored. */
export async function createSignedLink(
  tx: Pick<Prisma.TransactionClient, "signedLink">,
  { purpose, campaignTargetId, expiresAt }: { purpose: LinkPurpose; campaignTargetId: string; expiresAt: Date },
): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString("hex");
  const { id } = await tx.signedLink.create({ data: { purpose, tokenHash: hashToken(token), campaignTargetId, expiresAt }, select: { id: true } });
  return { id, token };
}

export type OpenedLink = { id: string; campaignTargetId: string | null; expiresAt: Date };

export type LinkCheck =
  | { ok: true; link: OpenedLink }
  | { ok: false; reason: "unknown" }
  | { ok: false; reason: "expired" | "revoked"; at: Date; campaignTargetId: string | null }
  | { ok: false; reason: "rate_limited"; minutes: number };

/**
 * The link behind `token` if it may be used now for `purpose`. Counts the use against `ip`;
 * records when it was last used.
 */
export async function openSignedLink(
  db: PrismaClient,
  token: string,
  purpose: LinkPurpose,
  { ip, now = new Date() }: { ip: string; now?: Date },
): Promise<LinkCheck> {
  const use = await hitRateLimit(db, `signed-link:ip:${ip}`, USES_PER_IP, now);
  if (!use.allowed) return { ok: false, reason: "rate_limited", minutes: Math.max(1, Math.ceil(use.retryAfterMs / 60_000)) };
  const link = TOKEN_SHAPE.test(token)
    ? await db.signedLink.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, purpose: true, campaignTargetId: true, expiresAt: true, revokedAt: true } })
    : null;
  if (!link || link.purpose !== purpose) {
    const miss = await hitRateLimit(db, `signed-link:miss:${ip}`, MISSES_PER_IP, now);
    if (!miss.allowed) return { ok: false, reason: "rate_limited", minutes: Math.max(1, Math.ceil(miss.retryAfterMs / 60_000)) };
    return { ok: false, reason: "unknown" };
  }
  if (link.revokedAt) return { ok: false, reason: "revoked", at: link.revokedAt, campaignTargetId: link.campaignTargetId };
  if (link.expiresAt <= now) return { ok: false, reason: "expired", at: link.expiresAt, campaignTargetId: link.campaignTargetId };
  await db.signedLink.update({ where: { id: link.id }, data: { lastUsedAt: now } });
  return { ok: true, link: { id: link.id, campaignTargetId: link.campaignTargetId, expiresAt: link.expiresAt } };
}

/** Revokes every live link of a campaign's structure (a lost email, a wrong recipient). */
export async function revokeTargetLinks(db: Pick<PrismaClient, "signedLink">, campaignTargetId: string, now = new Date()): Promise<number> {
  const { count } = await db.signedLink.updateMany({ where: { campaignTargetId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
  return count;
}

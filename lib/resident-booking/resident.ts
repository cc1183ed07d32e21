/** What the resident's booking and waiting list share: the bookable offer, the contact and its consent, the rate limits. */
import type { PrismaClient } from "@/lib/db";
import { hitRateLimit, type RateLimit } from "@/lib/auth/rate-limit";
import type { Locale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/ids";
import type { PersonalDetails } from "@/lib/transfers/personal-data";

const PER_ADDRESS: RateLimit = { limit: 10, windowMs: 60 * 60_000 };
const PER_CONTACT: RateLimit = { limit: 5, windowMs: 24 * 60 * 60_000 };
/** What the person consented to: being reached about this appointment. */
export const CONTACT_CONSENT = ["appointment_contact"];

export interface ResidentContact {
  personLabel: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
}

/** A published offer of a published structure that lets residents book, in that territory. */
export async function bookableOffer(db: PrismaClient, territorySlug: string, offerId: string) {
  if (!isUuid(offerId) || territorySlug.length > 100) return null;
  return db.offer.findFirst({
    where: { id: offerId, status: "published", structure: { status: "published", residentsBookOnline: true, territory: { slug: territorySlug } } },
    select: { id: true, title: true, territoryId: true, territory: { select: { slug: true, timeZone: true } } },
  });
}

/** Rate limits per client address and per contact; null when allowed, else the minutes to wait. */
export async function residentRateLimit(db: PrismaClient, scope: string, ip: string, contact: Pick<ResidentContact, "email" | "phone">, now: Date) {
  const keys: [string, RateLimit][] = [[`${scope}:ip:${ip}`, PER_ADDRESS]];
  if (contact.email) keys.push([`${scope}:email:${contact.email.toLowerCase()}`, PER_CONTACT]);
  if (contact.phone) keys.push([`${scope}:phone:${contact.phone.replace(/\D/g, "")}`, PER_CONTACT]);
  for (const [key, limit] of keys) {
    const result = await hitRateLimit(db, key, limit, now);
    if (!result.allowed) return Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
  }
  return null;
}

export const detailsOf = (contact: ResidentContact): PersonalDetails => ({ email: contact.email, phone: contact.phone, language: contact.locale, accessibilityNeeds: null });


/**
 * The residents' forms, one zod schema each, messages in the page's language: booking a slot,
 * joining an offer's waiting list, moving a booking, and the one-button forms of a link's page.
 */
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { bookingWords } from "./words";

const MARKUP = /[<>]/;
const PHONE = /^\+?[\d\s.()-]{8,20}$/;
/** "<mediator id>|<start as ISO>": a slot as the booking page offers it (its unique key). */
const SLOT = /^[0-9a-f-]{36}\|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const trimmed = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === "string" ? value.trim() : ""));

export function contactFields(locale: Locale) {
  const t = bookingWords(locale);
  return {
    lang: z.string().optional(),
    territory: z.string().max(100),
    personLabel: trimmed.pipe(z.string().min(1, t.firstNameRequired).max(60, t.tooLong).refine((value) => !MARKUP.test(value), t.noMarkup)),
    email: trimmed.pipe(z.union([z.literal(""), z.email(t.invalidEmail).max(200, t.invalidEmail)])).transform((value) => value.toLowerCase() || null),
    phone: trimmed.pipe(z.union([z.literal(""), z.string().regex(PHONE, t.invalidPhone)])).transform((value) => value || null),
    // A checkbox left unticked is not posted at all: read the value first, then require it.
    consent: z
      .unknown()
      .optional()
      .transform((value) => value === "on" || value === "1" || value === "true")
      .refine((given) => given, t.consentRequired),
    /** The honeypot: hidden from people, filled by bots. */
    website: z.string().optional(),
  };
}

export const needsContact = (locale: Locale) => (value: { email: string | null; phone: string | null }, context: z.RefinementCtx) => {
  if (!value.email && !value.phone) context.addIssue({ code: "custom", path: ["email"], message: bookingWords(locale).contactRequired });
};

const slotField = (locale: Locale) =>
  z
    .unknown()
    .optional()
    .refine((value): value is string => typeof value === "string" && SLOT.test(value), bookingWords(locale).slotRequired)
    .transform((value) => {
      const [mediatorId, startsAt] = (value as string).split("|");
      return { mediatorId: mediatorId!, startsAt: new Date(startsAt!) };
    });

export function bookingSchema(locale: Locale) {
  return z
    .object({ ...contactFields(locale), offerId: z.string().uuid(), slot: slotField(locale), idempotencyKey: z.string().uuid().optional() })
    .superRefine(needsContact(locale));
}

export function waitlistSchema(locale: Locale) {
  return z.object({ ...contactFields(locale), offerId: z.string().uuid() }).superRefine(needsContact(locale));
}

export function moveSchema(locale: Locale) {
  return z.object({ lang: z.string().optional(), territory: z.string().max(100), token: z.string().max(64), slot: slotField(locale) });
}

export const TOKEN_COMMANDS = ["cancel", "confirm", "refuse", "leave"] as const;
export type TokenCommand = (typeof TOKEN_COMMANDS)[number];

export function tokenCommandSchema() {
  return z.object({ lang: z.string().optional(), territory: z.string().max(100), token: z.string().max(64), command: z.enum(TOKEN_COMMANDS) });
}

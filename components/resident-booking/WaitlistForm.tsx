"use client";

/** "Être prévenu(e) quand un créneau se libère": an offer's waiting list, without an account or JavaScript. */
import type { ServerAction } from "@/components/forms/server-form";
import type { Locale } from "@/lib/i18n/locales";
import { bookingWords } from "@/lib/resident-booking/words";
import { ContactRequestForm } from "./ContactRequestForm";

export function WaitlistForm({ action, locale, territory, offerId }: { action: ServerAction; locale: Locale; territory: string; offerId: string }) {
  const t = bookingWords(locale);
  return (
    <ContactRequestForm
      action={action}
      locale={locale}
      hidden={{ territory, offerId }}
      prefix="attente"
      consent={t.waitlistConsent}
      consentHint={t.waitlistConsentHint}
      submitLabel={t.joinWaitlist}
    />
  );
}

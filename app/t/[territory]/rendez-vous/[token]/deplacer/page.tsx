/**
 * Moving an appointment from the resident's link: the offer's free slots of two weeks, one to
 * choose; the new booking and the cancellation of the old one happen in one transaction
 * (lib/resident-booking/booking.ts `moveByToken`). Only a booked, upcoming appointment moves.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BookingForm } from "@/components/resident-booking/BookingForm";
import { slotDays } from "@/components/resident-booking/slot-days";
import { hrefInLocale, localeFrom, type SearchParams } from "@/lib/i18n/locales";
import { moveAppointmentAction } from "@/lib/resident-booking/actions";
import { loadBookingPage, loadResidentLink } from "@/lib/resident-booking/page-data";
import { bookingWords } from "@/lib/resident-booking/words";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string; token: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: "Changer de créneau", robots: { index: false }, referrer: "same-origin" };

export default async function MovePage({ params, searchParams }: Props) {
  const { territory: slug, token } = await params;
  const locale = localeFrom((await searchParams).lang);
  const now = new Date();
  const found = await loadResidentLink(slug, token);
  if (!found || found.kind !== "appointment" || !found.offer || found.status !== "booked" || found.startsAt <= now) notFound();
  const page = await loadBookingPage(slug, found.offer.id, 0, now);
  if (!page || !page.bookOnline) notFound();
  const t = bookingWords(locale);
  return (
    <article className="space-y-6">
      <p>
        <a href={hrefInLocale(`/t/${slug}/rendez-vous/${token}`, {}, locale)} className="text-accent underline">
          <span aria-hidden="true">{locale === "ar" ? "→ " : "← "}</span>
          {t.confirmationTitle}
        </a>
      </p>
      <h1 className="text-3xl font-bold">{t.moveTitle}</h1>
      {page.days.length === 0 ? (
        <p className="text-lg">{t.noSlot}</p>
      ) : (
        <BookingForm action={moveAppointmentAction} locale={locale} territory={slug} offerId={page.offer.id} days={slotDays(page.days, page.territory.timeZone, locale)} idempotencyKey="" token={token} />
      )}
    </article>
  );
}

/**
 * The offer page's appointments block (issue 17, point 6): the next free slots when the offer has
 * an agenda, with "Prendre rendez-vous" where residents book online, else how to call; and the
 * offer's upcoming permanences at partner places (date, time, place).
 */
import type { Locale } from "@/lib/i18n/locales";
import { hrefInLocale } from "@/lib/i18n/locales";
import { rangeText, telHref } from "@/lib/public-offer/present";
import { formatDay, formatSlot } from "@/lib/resident-booking/present";
import type { getOfferBooking } from "@/lib/resident-booking/queries";
import { bookingWords } from "@/lib/resident-booking/words";

type OfferBooking = NonNullable<Awaited<ReturnType<typeof getOfferBooking>>>;

export function OfferBookingBlock({ booking, locale, bookingPath }: { booking: OfferBooking; locale: Locale; bookingPath: string }) {
  const t = bookingWords(locale);
  const fr = locale === "fr" ? undefined : "fr";
  if (!booking.hasAgenda && booking.permanences.length === 0) return null;
  return (
    <>
      {booking.hasAgenda ? (
        <section aria-labelledby="rendez-vous" className="rounded border-2 border-slate-300 p-4 print:hidden">
          <h2 id="rendez-vous" className="text-xl font-bold">
            {t.nextSlots}
          </h2>
          {booking.slots.length === 0 ? (
            <p className="mt-2">{t.noSlot}</p>
          ) : (
            <ul className="mt-2 list-disc space-y-1 ps-5 text-lg">
              {booking.slots.map((slot) => (
                <li key={`${slot.mediatorId}${slot.startsAt.toISOString()}`}>
                  <span className="first-letter:uppercase">{formatSlot(slot.startsAt, booking.timeZone, locale)}</span>
                  {slot.placeName ? <span lang={fr}> — {slot.placeName}</span> : null}
                </li>
              ))}
            </ul>
          )}
          {booking.bookOnline ? (
            <p className="mt-3">
              <a href={hrefInLocale(bookingPath, {}, locale)} className="inline-block rounded bg-accent px-4 py-2 font-semibold text-white">
                {t.book}
              </a>
            </p>
          ) : (
            <p className="mt-3">
              {t.callOrCome}{" "}
              {booking.phone ? (
                <a href={telHref(booking.phone)} className="font-semibold text-accent underline">
                  <span dir="ltr">{t.call(booking.phone)}</span>
                </a>
              ) : null}
            </p>
          )}
        </section>
      ) : null}
      {booking.permanences.length > 0 ? (
        <section aria-labelledby="permanences">
          <h2 id="permanences" className="text-2xl font-bold">
            {t.upcomingPermanences}
          </h2>
          <ul className="mt-2 space-y-1 text-lg">
            {booking.permanences.map((permanence) => (
              <li key={`${permanence.date}${permanence.placeName}`}>
                <span className="font-semibold first-letter:uppercase">{formatDay(permanence.date, locale)}</span>,{" "}
                {permanence.ranges.map((range) => rangeText(locale, range)).join(", ")} — <span lang={fr}>{permanence.placeName}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** @jsxImportSource @/lib/html */
/**
 * The offer page's appointments block (issue 17, point 6): the next free slots when the offer has
 * an agenda, with "Prendre rendez-vous" where residents book online, else how to call; and the
 * offer's upcoming permanences at partner places (date, time, place).
 */
import { frenchWithin } from "@/lib/html/html";
import { appUrl, safeUrl } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { formatDay, formatSlot } from "@/lib/resident-booking/present";
import type { getOfferBooking } from "@/lib/resident-booking/queries";
import { bookingWords } from "@/lib/resident-booking/words";
import { rangeText, telHref } from "../present";

type OfferBooking = NonNullable<Awaited<ReturnType<typeof getOfferBooking>>>;

export function bookingBlock(booking: OfferBooking, locale: Locale, bookingPath: string) {
  const t = bookingWords(locale);
  const fr = frenchWithin(locale);
  if (!booking.hasAgenda && booking.permanences.length === 0) return null;
  return (
    <>
      {booking.hasAgenda && (
        <section aria-labelledby="rendez-vous" class="rounded border-2 border-slate-300 p-4 print:hidden">
          <h2 id="rendez-vous" class="text-xl font-bold">
            {t.nextSlots}
          </h2>
          {booking.slots.length === 0 ? (
            <p class="mt-2">{t.noSlot}</p>
          ) : (
            <ul class="mt-2 list-disc space-y-1 ps-5 text-lg">
              {booking.slots.map((slot) => (
                <li>
                  <span class="first-letter:uppercase">{formatSlot(slot.startsAt, booking.timeZone, locale)}</span>
                  {slot.placeName && <span lang={fr}> — {slot.placeName}</span>}
                </li>
              ))}
            </ul>
          )}
          {booking.bookOnline ? (
            <p class="mt-3">
              <a href={safeUrl(bookingPath, locale === "fr" ? undefined : { lang: locale })} class="inline-block min-h-11 rounded bg-accent px-4 py-2 font-semibold text-white">
                {t.book}
              </a>
            </p>
          ) : (
            <p class="mt-3">
              {t.callOrCome}{" "}
              {booking.phone && (
                <a href={appUrl("tel", telHref(booking.phone).slice("tel:".length))} class="font-semibold text-accent underline">
                  <span dir="ltr">{t.call(booking.phone)}</span>
                </a>
              )}
            </p>
          )}
        </section>
      )}
      {booking.permanences.length > 0 && (
        <section aria-labelledby="permanences">
          <h2 id="permanences" class="text-2xl font-bold">
            {t.upcomingPermanences}
          </h2>
          <ul class="mt-2 space-y-1 text-lg">
            {booking.permanences.map((permanence) => (
              <li>
                <span class="font-semibold first-letter:uppercase">{formatDay(permanence.date, locale)}</span>
                {`, ${permanence.ranges.map((range) => rangeText(locale, range)).join(", ")} — `}
                <span lang={fr}>{permanence.placeName}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

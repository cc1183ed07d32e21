/**
 * A resident books a slot without an account and without JavaScript (issue 17, point 6): the
 * offer's free slots of two weeks by day (`?semaine=` for the next ones), the form, and the
 * waiting list when nothing suits. Only where the structure lets residents book online.
 */
import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { BookingForm } from "@/components/resident-booking/BookingForm";
import { slotDays } from "@/components/resident-booking/slot-days";
import { WaitlistForm } from "@/components/resident-booking/WaitlistForm";
import { hrefInLocale, localeFrom, type SearchParams } from "@/lib/i18n/locales";
import { telHref } from "@/lib/public-offer/present";
import { bookAppointmentAction, joinWaitlistAction } from "@/lib/resident-booking/actions";
import { loadBookingPage } from "@/lib/resident-booking/page-data";
import { formatDay } from "@/lib/resident-booking/present";
import { pageFrom } from "@/lib/resident-booking/queries";
import { bookingWords } from "@/lib/resident-booking/words";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string; offerId: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: "Prendre rendez-vous", robots: { index: false } };

export default async function BookingPage({ params, searchParams }: Props) {
  const { territory: slug, offerId } = await params;
  const query = await searchParams;
  const locale = localeFrom(query.lang);
  const page = pageFrom(query.semaine);
  const found = await loadBookingPage(slug, offerId, page, new Date());
  if (!found) notFound();
  const t = bookingWords(locale);
  const { offer, territory } = found;
  const offerPath = `/t/${territory.slug}/offres/${offer.id}`;
  const here = `${offerPath}/rendez-vous`;
  return (
    <article className="space-y-8">
      <p>
        <a href={hrefInLocale(offerPath, {}, locale)} className="text-accent underline">
          <span aria-hidden="true">{locale === "ar" ? "→ " : "← "}</span>
          {t.backToOffer}
        </a>
      </p>
      <h1 className="text-3xl font-bold">
        {t.pageTitle(offer.title)}
      </h1>
      {!found.bookOnline ? (
        <section>
          <p className="text-lg">{t.callOrCome}</p>
          {offer.phone ? (
            <p className="mt-2">
              <a href={telHref(offer.phone)} className="font-semibold text-accent underline">
                <span dir="ltr">{t.call(offer.phone)}</span>
              </a>
            </p>
          ) : null}
        </section>
      ) : (
        <>
          <section aria-labelledby="creneaux" className="space-y-4">
            <h2 id="creneaux" className="text-2xl font-bold">
              {t.slotsOfWeeks(formatDay(found.firstDay, locale), formatDay(found.lastDay, locale))}
            </h2>
            {found.days.length === 0 ? <p className="text-lg">{t.noSlot}</p> : null}
            {found.days.length > 0 ? (
              <BookingForm
                action={bookAppointmentAction}
                locale={locale}
                territory={territory.slug}
                offerId={offer.id}
                days={slotDays(found.days, territory.timeZone, locale)}
                idempotencyKey={randomUUID()}
              />
            ) : null}
            <ul className="flex flex-wrap gap-4">
              {page > 0 ? (
                <li>
                  <a href={hrefInLocale(here, page > 1 ? { semaine: String(page - 1) } : {}, locale)} className="text-accent underline">
                    {t.earlierSlots}
                  </a>
                </li>
              ) : null}
              {found.hasLater ? (
                <li>
                  <a href={hrefInLocale(here, { semaine: String(page + 1) }, locale)} className="text-accent underline">
                    {t.laterSlots}
                  </a>
                </li>
              ) : null}
            </ul>
          </section>
          <section aria-labelledby="liste-attente" className="space-y-3 border-t border-slate-300 pt-4">
            <h2 id="liste-attente" className="text-2xl font-bold">
              {t.waitlistTitle}
            </h2>
            <p>{t.waitlistIntro}</p>
            <WaitlistForm action={joinWaitlistAction} locale={locale} territory={territory.slug} offerId={offer.id} />
          </section>
        </>
      )}
    </article>
  );
}

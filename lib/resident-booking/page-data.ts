/** What the residents' booking pages read (app/t/[territory]/…), with the one client bound: app/ never imports `db`. */
import { db, withDb } from "@/lib/db";
import { localTime } from "@/lib/hours/rules";
import { ByVersion } from "@/lib/public-search/by-version";
import { getBookingPage, getOfferBooking, getResidentLink } from "./queries";

export const loadOfferBooking = withDb(getOfferBooking);
export const loadBookingPage = withDb(getBookingPage);
export const loadResidentLink = withDb(getResidentLink);

const withoutAgenda = new ByVersion<Awaited<ReturnType<typeof getOfferBooking>>>(1_000);

/**
 * The appointments block of an offer without an agenda: its permanences at partners' places only,
 * which change with their hours (the territory's `version`) and the day, not with bookings.
 */
export const loadOfferPermanences = (territory: { slug: string; timeZone: string }, offerId: string, version: number, now: Date) =>
  withoutAgenda.get(offerId, `${version}/${localTime(now, territory.timeZone).date}`, () => getOfferBooking(db, territory.slug, offerId, now));

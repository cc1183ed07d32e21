/** What the residents' booking pages read (app/t/[territory]/…), with the one client bound: app/ never imports `db`. */
import { withDb } from "@/lib/db";
import { getBookingPage, getOfferBooking, getResidentLink } from "./queries";

export const loadOfferBooking = withDb(getOfferBooking);
export const loadBookingPage = withDb(getBookingPage);
export const loadResidentLink = withDb(getResidentLink);

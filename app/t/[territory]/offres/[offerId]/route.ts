/**
 * An offer's public page, as HTML (lib/public-offer/html/offer-page.tsx): the public site is
 * HTML; the workspace is React. GET reads it; POST is its "Signaler une erreur" form: a refusal
 * comes back on the page with what was typed, a report sent comes back as the page with its
 * thanks (Post/Redirect/Get, so reloading does not send it twice).
 */
import type { NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { htmlPageResponse, htmlRoute, postedFromThisSite } from "@/lib/html/respond";
import { localeFrom, type Locale } from "@/lib/i18n/locales";
import { submitOfferReport } from "@/lib/public-offer/actions";
import { publicNotFound } from "@/lib/public-offer/html/not-found";
import { offerPageAt, offerPath } from "@/lib/public-offer/html/offer-page";
import type { ReportState } from "@/lib/public-offer/html/report-form";
import { offerMessages } from "@/lib/public-offer/messages";
import { loadOfferPage, loadPublicOffer } from "@/lib/public-offer/page-data";
import { loadOfferBooking, loadOfferPermanences } from "@/lib/resident-booking/page-data";
import { requestOrigin } from "@/lib/request-origin";
import { mayOrientIn, newTransferHref } from "@/lib/transfers/create-form";
import { loadUpcomingSessions } from "@/lib/workshops/page-data";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ territory: string; offerId: string }> };

const WORKSHOP_WEEKS = 8;

async function respond(slug: string, offerId: string, locale: Locale, report: ReportState) {
  const now = new Date();
  // Workshops on registration: the next eight weeks' sessions, with the seats left.
  const until = new Date(now.getTime() + WORKSHOP_WEEKS * 7 * 86_400_000);
  const page = await loadOfferPage(slug, offerId, now, until);
  if (!page) return htmlPageResponse(locale, publicNotFound(locale, slug), { status: 404 });
  const { found } = page;
  const [booking, workshops, actor, origin] = await Promise.all([
    page.hasAgenda
      ? loadOfferBooking(found.territory.slug, found.offer.id, now)
      : page.hasPermanences
        ? loadOfferPermanences(found.territory, found.offer.id, page.version, now)
        : null,
    page.hasSessions ? loadUpcomingSessions({ offerId: found.offer.id }, { from: now, until }, 6) : [],
    getActor(),
    requestOrigin(),
  ]);
  const orientHref = mayOrientIn(actor, found.territory.id) ? newTransferHref(found.offer.id) : null;
  return htmlPageResponse(locale, await offerPageAt({ found, locale, now, origin, booking, workshops, orientHref, report }, page.version), { actor });
}

export const GET = htmlRoute(async function get(request: NextRequest, { params }: Context) {
  const { territory, offerId } = await params;
  const query = request.nextUrl.searchParams;
  const locale = localeFrom(query.get("lang"));
  const thanks: ReportState = query.get("signalement") === "merci" ? { ok: true, data: null, message: offerMessages(locale).reportThanks } : null;
  return respond(territory, offerId, locale, thanks);
});

/** A report is a few lines: anything much bigger is not one, and is not read. */
const MAX_REPORT_BYTES = 64 * 1024;

export const POST = htmlRoute(async function post(request: NextRequest, { params }: Context) {
  if (!(await postedFromThisSite(request))) return new Response("Formulaire envoyé depuis un autre site.", { status: 403 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REPORT_BYTES) return new Response("Signalement trop long.", { status: 413 });
  const { territory, offerId } = await params;
  const form = await request.formData();
  const locale = localeFrom(form.get("lang"));
  // The offer first: unknown, it is a 404; and a database that does not answer is a 503 before anything is saved.
  const found = await loadPublicOffer(territory, offerId);
  if (!found) return htmlPageResponse(locale, publicNotFound(locale, territory), { status: 404 });
  form.set("offerId", found.offer.id);
  const result = await submitOfferReport(null, form);
  if (!result.ok) return respond(territory, offerId, locale, result);
  const thanks = new URLSearchParams(locale === "fr" ? { signalement: "merci" } : { lang: locale, signalement: "merci" });
  return new Response(null, { status: 303, headers: { location: `${offerPath(found.territory.slug, found.offer.id)}?${thanks}#signaler` } });
});

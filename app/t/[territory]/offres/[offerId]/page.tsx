/**
 * The public page of one offer, for a resident on a phone: when it is open, what it is and for
 * whom, how to come, where, whom to call, what to bring. Works without JavaScript, prints on A4
 * (see the print block at the end of app/globals.css), speaks French, English and Arabic.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { JsonLd } from "@/components/JsonLd";
import { LanguageSwitch } from "@/components/public/LanguageSwitch";
import { OfferPrintButton } from "@/components/public/OfferPrintButton";
import { OfferWeekTable } from "@/components/public/OfferWeekTable";
import { ReportErrorForm } from "@/components/public/ReportErrorForm";
import { OrientLink } from "@/components/transfers/create/OrientLink";
import { OfferBookingBlock } from "@/components/resident-booking/OfferBookingBlock";
import { localTime, openingStatus, type Schedule } from "@/lib/hours/rules";
import { describeOpeningStatus } from "@/lib/hours/status-text";
import { hrefInLocale, localeFrom, type Locale, type SearchParams } from "@/lib/i18n/locales";
import { isStale } from "@/lib/offers/rules";
import { LANGUAGES } from "@/lib/offers/schemas";
import { reportOfferErrorAction } from "@/lib/public-offer/actions";
import { offerJsonLd } from "@/lib/public-offer/json-ld";
import { offerMessages } from "@/lib/public-offer/messages";
import { closureToday, languageNames, longDate, mapLinks, telHref } from "@/lib/public-offer/present";
import { requestOrigin } from "@/lib/public-offer/public-action";
import { loadPublicOffer } from "@/lib/public-offer/page-data";
import { loadOfferBooking } from "@/lib/resident-booking/page-data";
import { UpcomingSessions } from "@/components/workshops/UpcomingSessions";
import { loadUpcomingSessions } from "@/lib/workshops/page-data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string; offerId: string }>; searchParams: Promise<SearchParams> };

const load = cache((territory: string, offerId: string) => loadPublicOffer(territory, offerId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { territory, offerId } = await params;
  const found = await load(territory, offerId);
  if (!found) return { title: "Page introuvable" };
  const { offer } = found;
  const description = [offer.description, offer.structure.name, offer.places.map((place) => place.communeName).join(", ")].filter(Boolean).join(" — ");
  return { title: `${offer.title} · ${offer.structure.name}`, description: description.slice(0, 300) };
}

/** A link within the public pages, in the page's language. */
const inLocale = (path: string, locale: Locale) => hrefInLocale(path, {}, locale);

function StatusLine({ schedule, now, today, locale, label }: { schedule: Schedule; now: Date; today: string; locale: Locale; label?: string }) {
  const t = offerMessages(locale);
  const status = describeOpeningStatus(openingStatus(schedule, now), now, schedule.timeZone, locale);
  const closure = closureToday(schedule, today);
  return (
    <li>
      {label ? (
        <span className="font-semibold" lang={locale === "fr" ? undefined : "fr"}>
          {label} :{" "}
        </span>
      ) : null}
      <span className={status.open ? "font-semibold text-green-800" : "font-semibold"}>
        <span aria-hidden="true">{status.open ? "● " : "○ "}</span>
        {status.text}
      </span>
      {closure ? <span className="block">{t.closedUntil(longDate(locale, closure.endsOn), closure.label)}</span> : null}
    </li>
  );
}

export default async function OfferPage({ params, searchParams }: Props) {
  const { territory: slug, offerId } = await params;
  const query = await searchParams;
  const locale = localeFrom(query.lang);
  const found = await load(slug, offerId);
  if (!found) notFound();
  const { territory, offer } = found;
  const t = offerMessages(locale);
  const fr = locale === "fr" ? undefined : "fr";
  const now = new Date();
  const today = localTime(now, territory.timeZone).date;
  const path = `/t/${territory.slug}/offres/${offer.id}`;
  const url = `${await requestOrigin()}${inLocale(path, locale)}`;
  const roles = offer.termsByRole;
  const labels = (role: string) => (roles[role] ?? []).map((term) => term.label);
  const allSlots = [...offer.places.flatMap((place) => place.schedule.slots), ...(offer.remoteSchedule?.slots ?? [])];
  const byAppointment =
    (roles.access_mode ?? []).some((term) => term.code === "sur-rendez-vous") ||
    (allSlots.length > 0 && allSlots.every((slot) => slot.appointmentOnly));
  const stale = isStale(offer.lastVerifiedAt, territory.staleAfterMonths, now);
  const { structure } = offer;
  const languages = languageNames(locale, offer.languages, LANGUAGES);
  const shareText = t.shareText(offer.title, url);
  const booking = await loadOfferBooking(territory.slug, offer.id, now);
  // Workshops on registration: the next eight weeks' sessions, with the seats left.
  const workshops = await loadUpcomingSessions({ offerId: offer.id }, { from: now, until: new Date(now.getTime() + 56 * 86_400_000) }, 6);

  return (
    <article className="public-offer space-y-8 break-words hyphens-auto">
      <JsonLd value={offerJsonLd(found, url, today)} />
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <a href={inLocale(`/t/${territory.slug}`, locale)} className="text-accent underline">
          <span aria-hidden="true">{locale === "ar" ? "→ " : "← "}</span>
          {t.backToTerritory(territory.name)}
        </a>
        <LanguageSwitch locale={locale} pathname={path} searchParams={query} />
      </div>

      <header>
        <h1 className="text-3xl font-bold" lang={fr}>
          {offer.title}
        </h1>
        <p className="mt-1 text-lg">
          {t.offeredBy}{" "}
          <a href={inLocale(`/t/${territory.slug}/structures/${structure.id}/programme`, locale)} lang={fr} className="font-semibold text-accent underline">
            {structure.name}
          </a>
        </p>
        <OrientLink offerId={offer.id} territoryId={territory.id} className="mt-2 print:hidden" />
      </header>

      <section aria-labelledby="aujourdhui" className="rounded border-2 border-slate-300 p-4">
        <h2 id="aujourdhui" className="text-xl font-bold">
          {t.todayStatus}
        </h2>
        <ul className="mt-2 space-y-2 text-lg">
          {offer.places.map((place) => (
            <StatusLine key={place.id} schedule={place.schedule} now={now} today={today} locale={locale} label={offer.places.length > 1 ? place.name : undefined} />
          ))}
          {offer.remoteSchedule ? <StatusLine schedule={offer.remoteSchedule} now={now} today={today} locale={locale} /> : null}
        </ul>
        {byAppointment ? <p className="mt-2 text-lg font-semibold">{t.byAppointmentBanner}</p> : null}
        {offer.isSaturated ? <p className="mt-2">{t.saturated}</p> : null}
      </section>

      {booking ? <OfferBookingBlock booking={booking} locale={locale} bookingPath={`${path}/rendez-vous`} /> : null}

      <UpcomingSessions sessions={workshops} territory={territory.slug} timeZone={territory.timeZone} locale={locale} />

      <section aria-labelledby="quoi">
        <h2 id="quoi" className="text-2xl font-bold">
          {t.whatItIs}
        </h2>
        <div lang={fr}>
          {offer.description ? <p className="mt-2 text-lg">{offer.description}</p> : null}
          {labels("need").length > 0 ? (
            <ul className="mt-2 list-disc ps-5">
              {labels("need").map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="pour-qui">
        <h2 id="pour-qui" className="text-2xl font-bold">
          {t.forWhom}
        </h2>
        <dl className="mt-2 space-y-2">
          {labels("public").length > 0 ? <Item term={t.publics} lang={fr}>{labels("public").join(", ")}</Item> : null}
          {offer.minAge != null || offer.maxAge != null ? <Item term={t.age}>{t.ages(offer.minAge, offer.maxAge)}</Item> : null}
          {offer.residencyCondition ? <Item term={t.residency} lang={fr}>{offer.residencyCondition}</Item> : null}
          {offer.otherConditions ? <Item term={t.conditions} lang={fr}>{offer.otherConditions}</Item> : null}
          {labels("fee").length > 0 || offer.feeDetails ? (
            <Item term={t.fees} lang={fr}>{[...labels("fee"), offer.feeDetails].filter(Boolean).join(" — ")}</Item>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="comment-venir">
        <h2 id="comment-venir" className="text-2xl font-bold">
          {t.howToCome}
        </h2>
        <dl className="mt-2 space-y-2">
          {labels("access_mode").length > 0 || offer.residentAccess ? (
            <Item term={t.howToCome} lang={fr}>{[labels("access_mode").join(", "), offer.residentAccess].filter(Boolean).join(". ")}</Item>
          ) : null}
          {labels("contact_mode").length > 0 ? <Item term={t.contactModes} lang={fr}>{labels("contact_mode").join(", ")}</Item> : null}
        </dl>
      </section>

      {offer.places.length > 0 || offer.remoteSchedule ? (
        <section aria-labelledby="ou">
          <h2 id="ou" className="text-2xl font-bold">
            {t.where}
          </h2>
          {offer.places.map((place) => {
            const map = mapLinks(place);
            const wheelchair = place.wheelchairAccessible === true ? t.wheelchairYes : place.wheelchairAccessible === false ? t.wheelchairNo : t.wheelchairUnknown;
            return (
              <div key={place.id} className="mt-4 border-t border-slate-200 pt-3">
                <h3 className="text-xl font-semibold" lang={fr}>
                  {place.name}
                </h3>
                <address className="not-italic text-lg" lang={fr}>
                  {place.address}
                  {place.addressComplement ? <span className="block">{place.addressComplement}</span> : null}
                  <span className="block">
                    {place.postalCode} {place.communeName}
                  </span>
                </address>
                <p className="mt-1">
                  {wheelchair}
                  {place.accessibilityNotes ? (
                    <span className="block" lang={fr}>
                      {place.accessibilityNotes}
                    </span>
                  ) : null}
                </p>
                <ul className="mt-2 space-y-1 print:hidden">
                  <li>
                    <a href={map.osm} className="text-accent underline">
                      {t.openMap}
                      <span className="sr-only">{t.mapOf(place.name)}</span>
                    </a>
                  </li>
                  <li>
                    <a href={map.geo} className="text-accent underline">
                      {t.openMapApp}
                      <span className="sr-only">{t.mapOf(place.name)}</span>
                    </a>
                  </li>
                </ul>
                <h4 className="mt-3 text-lg font-semibold">{t.weekHours}</h4>
                <OfferWeekTable schedule={place.schedule} today={today} locale={locale} caption={t.weekCaption(place.name)} />
                <p className="mt-2 print:hidden">
                  <a href={inLocale(`/t/${territory.slug}/lieux/${place.id}/programme`, locale)} className="text-accent underline">
                    {t.programmeLink(place.name)}
                  </a>
                </p>
              </div>
            );
          })}
          {offer.remoteSchedule ? (
            <div className="mt-4">
              <h3 className="text-xl font-semibold">{t.remote}</h3>
              <h4 className="mt-2 text-lg font-semibold">{t.weekHours}</h4>
              <OfferWeekTable schedule={offer.remoteSchedule} today={today} locale={locale} caption={t.weekCaption(t.remote)} />
            </div>
          ) : null}
        </section>
      ) : null}

      {structure.phone || structure.email || structure.website ? (
        <section aria-labelledby="contact">
          <h2 id="contact" className="text-2xl font-bold">
            {t.contact}
          </h2>
          <ul className="mt-2 space-y-2 text-lg">
            {structure.phone ? (
              <li>
                <a href={telHref(structure.phone)} className="offer-contact inline-block rounded border-2 border-accent px-3 py-2 font-semibold text-accent">
                  <span dir="ltr">{t.call(structure.phone)}</span>
                </a>
              </li>
            ) : null}
            {structure.email ? (
              <li>
                <a href={`mailto:${structure.email}`} className="offer-contact text-accent underline">
                  {t.writeTo(structure.email)}
                </a>
              </li>
            ) : null}
            {structure.website ? (
              <li>
                <a href={structure.website} className="offer-contact offer-print-url text-accent underline">
                  {t.website}
                </a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      {offer.documentsToBring.length > 0 ? (
        <section aria-labelledby="documents" className="offer-documents">
          <h2 id="documents" className="text-2xl font-bold">
            {t.documents}
          </h2>
          <p className="hidden text-sm print:block">{t.documentsHint}</p>
          <ul className="offer-checklist mt-2 list-disc space-y-2 ps-5 text-lg print:ps-0" lang={fr}>
            {offer.documentsToBring.map((document) => (
              <li key={document}>{document}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {languages.length > 0 ? (
        <section aria-labelledby="langues">
          <h2 id="langues" className="text-2xl font-bold">
            {t.languages}
          </h2>
          <p className="mt-2 text-lg">{languages.join(", ")}</p>
        </section>
      ) : null}

      {offer.redirects.length > 0 ? (
        <section aria-labelledby="pas-ici">
          <h2 id="pas-ici" className="text-2xl font-bold">
            {t.notOffered}
          </h2>
          <ul className="mt-2 space-y-3">
            {offer.redirects.map((redirect) => (
              <li key={redirect.id}>
                <span className="font-semibold" lang={fr}>
                  {redirect.notOffered}
                </span>
                {redirect.offer || redirect.structure ? (
                  <>
                    {" "}
                    {t.goTo}{" "}
                    {redirect.offer ? (
                      <a href={inLocale(`/t/${territory.slug}/offres/${redirect.offer.id}`, locale)} className="text-accent underline" lang={fr}>
                        {redirect.offer.title} ({redirect.offer.structureName})
                      </a>
                    ) : (
                      <a href={inLocale(`/t/${territory.slug}/structures/${redirect.structure!.id}/programme`, locale)} className="text-accent underline" lang={fr}>
                        {redirect.structure!.name}
                      </a>
                    )}
                  </>
                ) : null}
                {redirect.note ? (
                  <span className="block" lang={fr}>
                    {redirect.note}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <p className="text-slate-700">
        {offer.lastVerifiedAt ? t.lastVerified(longDate(locale, localTime(offer.lastVerifiedAt, territory.timeZone).date)) : t.neverVerified}
        {offer.unconfirmedSince ? (
          <strong className="block text-ink">{t.unconfirmed(longDate(locale, localTime(offer.unconfirmedSince, territory.timeZone).date))}</strong>
        ) : stale ? (
          <strong className="block text-ink">{t.stale}</strong>
        ) : null}
      </p>

      <section aria-labelledby="partager" className="print:hidden">
        <h2 id="partager" className="text-2xl font-bold">
          {t.share}
        </h2>
        <p className="mt-2">
          <label htmlFor="adresse-page" className="block font-medium">
            {t.shareUrl}
          </label>
          <input id="adresse-page" readOnly value={url} dir="ltr" className="mt-1 w-full max-w-xl rounded border border-slate-500 px-3 py-2" />
        </p>
        <ul className="mt-2 flex flex-wrap gap-4">
          <li>
            <a href={`mailto:?subject=${encodeURIComponent(offer.title)}&body=${encodeURIComponent(shareText)}`} className="text-accent underline">
              {t.shareByEmail}
            </a>
          </li>
          <li>
            <a href={`sms:?body=${encodeURIComponent(shareText)}`} className="text-accent underline">
              {t.shareBySms}
            </a>
          </li>
        </ul>
        <p className="mt-3">
          <OfferPrintButton label={t.print} />
        </p>
      </section>

      <section aria-labelledby="signaler" className="border-t border-slate-300 pt-4 print:hidden">
        <h2 id="signaler" className="text-2xl font-bold">
          {t.reportTitle}
        </h2>
        <p className="mb-3 mt-1">{t.reportIntro}</p>
        <ReportErrorForm action={reportOfferErrorAction} offerId={offer.id} locale={locale} />
      </section>
      <p className="hidden print:block" dir="ltr">
        {url}
      </p>
    </article>
  );
}

function Item({ term, lang, children }: { term: string; lang?: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-semibold">{term}</dt>
      <dd className="text-lg" lang={lang}>
        {children}
      </dd>
    </div>
  );
}

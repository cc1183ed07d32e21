/** @jsxImportSource @/lib/html */
/**
 * The public page of one offer, for a resident on a phone: when it is open, what it is and for
 * whom, how to come, where, whom to call, what to bring. HTML with no script but the small
 * enhancement (print, copy, share buttons: lib/html/scripts.ts); prints on A4 (the print block at
 * the end of app/globals.css); French, English and Arabic. Served by
 * app/t/[territory]/offres/[offerId]/route.ts.
 */
import { localTime, openingStatus, type Schedule } from "@/lib/hours/rules";
import { describeOpeningStatus } from "@/lib/hours/status-text";
import type { DocumentHead } from "@/lib/html/document";
import { frenchWithin, type HtmlChild } from "@/lib/html/html";
import { languageSwitch } from "@/lib/html/language-switch";
import type { HtmlPage } from "@/lib/html/respond";
import { appUrl, externalUrl, safeUrl, sitePath } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { isStale } from "@/lib/offers/rules";
import { LANGUAGES } from "@/lib/offers/schemas";
import type { getOfferBooking } from "@/lib/resident-booking/queries";
import { ByVersion } from "@/lib/public-search/by-version";
import type { UpcomingSession } from "@/lib/workshops/queries";
import { offerJsonLd } from "../json-ld";
import { offerMessages } from "../messages";
import { closureToday, languageNames, longDate, mapLinks, telHref } from "../present";
import type { PublicOffer } from "../queries";
import { bookingBlock } from "./booking";
import { upcomingSessions, weekTable } from "./hours";
import { reportForm, type ReportState } from "./report-form";

export interface OfferPageInput {
  found: PublicOffer;
  locale: Locale;
  now: Date;
  /** The site's address, for the canonical URL, the structured data and the address to share. */
  origin: string;
  booking: Awaited<ReturnType<typeof getOfferBooking>>;
  workshops: readonly UpcomingSession[];
  /** "Orienter une personne vers cette offre", for a signed-in member of one of the territory's structures. */
  orientHref: string | null;
  report: ReportState;
}

export const offerPath = (territorySlug: string, offerId: string) => sitePath("t", territorySlug, "offres", offerId);

const query = (locale: Locale) => (locale === "fr" ? undefined : { lang: locale });

function statusLine(schedule: Schedule, now: Date, today: string, locale: Locale, label?: string) {
  const t = offerMessages(locale);
  const status = describeOpeningStatus(openingStatus(schedule, now), now, schedule.timeZone, locale);
  const closure = closureToday(schedule, today);
  return (
    <li>
      {label && (
        <span class="font-semibold" lang={frenchWithin(locale)}>
          {label} :{" "}
        </span>
      )}
      <span class={status.open ? "font-semibold text-green-800" : "font-semibold"}>
        <span aria-hidden="true">{status.open ? "● " : "○ "}</span>
        {status.text}
      </span>
      {closure && <span class="block">{t.closedUntil(longDate(locale, closure.endsOn), closure.label)}</span>}
    </li>
  );
}

function item(term: string, value: HtmlChild, lang?: string) {
  return (
    <div>
      <dt class="font-semibold">{term}</dt>
      <dd class="text-lg" lang={lang}>
        {value}
      </dd>
    </div>
  );
}

function offerPage({ found, locale, now, origin, booking, workshops, orientHref, report }: OfferPageInput): HtmlPage {
  const { territory, offer } = found;
  const t = offerMessages(locale);
  const fr = frenchWithin(locale);
  const today = localTime(now, territory.timeZone).date;
  const path = offerPath(territory.slug, offer.id);
  const inLocale = query(locale);
  const url = origin + safeUrl(path, inLocale);
  const roles = offer.termsByRole;
  const labels = (role: string) => (roles[role] ?? []).map((term) => term.label);
  const allSlots = [...offer.places.flatMap((place) => place.schedule.slots), ...(offer.remoteSchedule?.slots ?? [])];
  const byAppointment = (roles.access_mode ?? []).some((term) => term.code === "sur-rendez-vous") || (allSlots.length > 0 && allSlots.every((slot) => slot.appointmentOnly));
  const stale = isStale(offer.lastVerifiedAt, territory.staleAfterMonths, now);
  const { structure } = offer;
  const languages = languageNames(locale, offer.languages, LANGUAGES);
  const shareText = t.shareText(offer.title, url);
  const website = externalUrl(structure.website);
  const territoryHome = safeUrl(sitePath("t", territory.slug), inLocale);

  const main = (
    <article class="public-offer space-y-8 break-words hyphens-auto">
      <div class="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <a href={territoryHome} class="text-accent underline">
          <span aria-hidden="true">{locale === "ar" ? "→ " : "← "}</span>
          {t.backToTerritory(territory.name)}
        </a>
        {languageSwitch(locale, path, {})}
      </div>

      <header>
        <h1 class="text-3xl font-bold" lang={fr}>
          {offer.title}
        </h1>
        <p class="mt-1 text-lg">
          {t.offeredBy}{" "}
          <a href={safeUrl(sitePath("t", territory.slug, "structures", structure.id, "programme"), inLocale)} lang={fr} class="font-semibold text-accent underline">
            {structure.name}
          </a>
        </p>
        {orientHref && (
          <p class="mt-2 print:hidden" lang="fr">
            <a href={safeUrl(orientHref)} class="font-semibold text-accent underline">
              Orienter une personne vers cette offre
            </a>
          </p>
        )}
      </header>

      <section aria-labelledby="aujourdhui" class="rounded border-2 border-slate-300 p-4">
        <h2 id="aujourdhui" class="text-xl font-bold">
          {t.todayStatus}
        </h2>
        <ul class="mt-2 space-y-2 text-lg">
          {offer.places.map((place) => statusLine(place.schedule, now, today, locale, offer.places.length > 1 ? place.name : undefined))}
          {offer.remoteSchedule && statusLine(offer.remoteSchedule, now, today, locale)}
        </ul>
        {byAppointment && <p class="mt-2 text-lg font-semibold">{t.byAppointmentBanner}</p>}
        {offer.isSaturated && <p class="mt-2">{t.saturated}</p>}
      </section>

      {booking && bookingBlock(booking, locale, `${path}/rendez-vous`)}

      {upcomingSessions(workshops, territory.slug, territory.timeZone, locale)}

      <section aria-labelledby="quoi">
        <h2 id="quoi" class="text-2xl font-bold">
          {t.whatItIs}
        </h2>
        <div lang={fr}>
          {offer.description && <p class="mt-2 text-lg">{offer.description}</p>}
          {labels("need").length > 0 && (
            <ul class="mt-2 list-disc ps-5">
              {labels("need").map((label) => (
                <li>{label}</li>
              ))}
            </ul>
          )}
        </div>
      </section>

      <section aria-labelledby="pour-qui">
        <h2 id="pour-qui" class="text-2xl font-bold">
          {t.forWhom}
        </h2>
        <dl class="mt-2 space-y-2">
          {labels("public").length > 0 && item(t.publics, labels("public").join(", "), fr)}
          {(offer.minAge != null || offer.maxAge != null) && item(t.age, t.ages(offer.minAge, offer.maxAge))}
          {offer.residencyCondition && item(t.residency, offer.residencyCondition, fr)}
          {offer.otherConditions && item(t.conditions, offer.otherConditions, fr)}
          {(labels("fee").length > 0 || offer.feeDetails) && item(t.fees, [...labels("fee"), offer.feeDetails].filter(Boolean).join(" — "), fr)}
        </dl>
      </section>

      <section aria-labelledby="comment-venir">
        <h2 id="comment-venir" class="text-2xl font-bold">
          {t.howToCome}
        </h2>
        <dl class="mt-2 space-y-2">
          {(labels("access_mode").length > 0 || offer.residentAccess) &&
            item(t.howToCome, [labels("access_mode").join(", "), offer.residentAccess].filter(Boolean).join(". "), fr)}
          {labels("contact_mode").length > 0 && item(t.contactModes, labels("contact_mode").join(", "), fr)}
        </dl>
      </section>

      {(offer.places.length > 0 || offer.remoteSchedule) && (
        <section aria-labelledby="ou">
          <h2 id="ou" class="text-2xl font-bold">
            {t.where}
          </h2>
          {offer.places.map((place) => {
            const map = mapLinks(place);
            const wheelchair = place.wheelchairAccessible === true ? t.wheelchairYes : place.wheelchairAccessible === false ? t.wheelchairNo : t.wheelchairUnknown;
            return (
              <div class="mt-4 border-t border-slate-200 pt-3">
                <h3 class="text-xl font-semibold" lang={fr}>
                  {place.name}
                </h3>
                <address class="not-italic text-lg" lang={fr}>
                  {place.address}
                  {place.addressComplement && <span class="block">{place.addressComplement}</span>}
                  <span class="block">{`${place.postalCode} ${place.communeName}`}</span>
                </address>
                <p class="mt-1">
                  {wheelchair}
                  {place.accessibilityNotes && (
                    <span class="block" lang={fr}>
                      {place.accessibilityNotes}
                    </span>
                  )}
                </p>
                <ul class="mt-2 space-y-1 print:hidden">
                  <li>
                    <a href={safeUrl(map.osm)} class="inline-block min-h-11 py-2 text-accent underline">
                      {t.openMap}
                      <span class="sr-only">{t.mapOf(place.name)}</span>
                    </a>
                  </li>
                  <li>
                    <a href={appUrl("geo", map.geo.slice("geo:".length))} class="inline-block min-h-11 py-2 text-accent underline">
                      {t.openMapApp}
                      <span class="sr-only">{t.mapOf(place.name)}</span>
                    </a>
                  </li>
                </ul>
                <h4 class="mt-3 text-lg font-semibold">{t.weekHours}</h4>
                {weekTable(place.schedule, today, locale, t.weekCaption(place.name))}
                <p class="mt-2 print:hidden">
                  <a href={safeUrl(sitePath("t", territory.slug, "lieux", place.id, "programme"), inLocale)} class="inline-block min-h-11 py-2 text-accent underline">
                    {t.programmeLink(place.name)}
                  </a>
                </p>
              </div>
            );
          })}
          {offer.remoteSchedule && (
            <div class="mt-4">
              <h3 class="text-xl font-semibold">{t.remote}</h3>
              <h4 class="mt-2 text-lg font-semibold">{t.weekHours}</h4>
              {weekTable(offer.remoteSchedule, today, locale, t.weekCaption(t.remote))}
            </div>
          )}
        </section>
      )}

      {(structure.phone || structure.email || website) && (
        <section aria-labelledby="contact">
          <h2 id="contact" class="text-2xl font-bold">
            {t.contact}
          </h2>
          <ul class="mt-2 space-y-2 text-lg">
            {structure.phone && (
              <li>
                <a href={appUrl("tel", telHref(structure.phone).slice("tel:".length))} class="offer-contact inline-block min-h-11 rounded border-2 border-accent px-3 py-2 font-semibold text-accent">
                  <span dir="ltr">{t.call(structure.phone)}</span>
                </a>
              </li>
            )}
            {structure.email && (
              <li>
                <a href={appUrl("mailto", structure.email)} class="offer-contact text-accent underline">
                  {t.writeTo(structure.email)}
                </a>
              </li>
            )}
            {website && (
              <li>
                <a href={website} class="offer-contact offer-print-url text-accent underline">
                  {t.website}
                </a>
              </li>
            )}
          </ul>
        </section>
      )}

      {offer.documentsToBring.length > 0 && (
        <section aria-labelledby="documents" class="offer-documents">
          <h2 id="documents" class="text-2xl font-bold">
            {t.documents}
          </h2>
          <p class="hidden text-sm print:block">{t.documentsHint}</p>
          <ul class="offer-checklist mt-2 list-disc space-y-2 ps-5 text-lg print:ps-0" lang={fr}>
            {offer.documentsToBring.map((document) => (
              <li>{document}</li>
            ))}
          </ul>
        </section>
      )}

      {languages.length > 0 && (
        <section aria-labelledby="langues">
          <h2 id="langues" class="text-2xl font-bold">
            {t.languages}
          </h2>
          <p class="mt-2 text-lg">{languages.join(", ")}</p>
        </section>
      )}

      {offer.redirects.length > 0 && (
        <section aria-labelledby="pas-ici">
          <h2 id="pas-ici" class="text-2xl font-bold">
            {t.notOffered}
          </h2>
          <ul class="mt-2 space-y-3">
            {offer.redirects.map((redirect) => (
              <li>
                <span class="font-semibold" lang={fr}>
                  {redirect.notOffered}
                </span>
                {redirect.offer ? (
                  <>
                    {` ${t.goTo} `}
                    <a href={safeUrl(offerPath(territory.slug, redirect.offer.id), inLocale)} class="text-accent underline" lang={fr}>
                      {`${redirect.offer.title} (${redirect.offer.structureName})`}
                    </a>
                  </>
                ) : redirect.structure ? (
                  <>
                    {` ${t.goTo} `}
                    <a href={safeUrl(sitePath("t", territory.slug, "structures", redirect.structure.id, "programme"), inLocale)} class="text-accent underline" lang={fr}>
                      {redirect.structure.name}
                    </a>
                  </>
                ) : null}
                {redirect.note && (
                  <span class="block" lang={fr}>
                    {redirect.note}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <p class="text-slate-700">
        {offer.lastVerifiedAt ? t.lastVerified(longDate(locale, localTime(offer.lastVerifiedAt, territory.timeZone).date)) : t.neverVerified}
        {offer.unconfirmedSince ? (
          <strong class="block text-ink">{t.unconfirmed(longDate(locale, localTime(offer.unconfirmedSince, territory.timeZone).date))}</strong>
        ) : stale ? (
          <strong class="block text-ink">{t.stale}</strong>
        ) : null}
      </p>

      <section aria-labelledby="partager" class="print:hidden">
        <h2 id="partager" class="text-2xl font-bold">
          {t.share}
        </h2>
        <p class="mt-2">
          <label for="adresse-page" class="block font-medium">
            {t.shareUrl}
          </label>
          <input id="adresse-page" readonly value={url} dir="ltr" class="mt-1 w-full max-w-xl rounded border border-slate-500 px-3 py-2" />
        </p>
        <ul class="mt-2 flex flex-wrap gap-x-4">
          <li>
            <a href={appUrl("mailto", `?subject=${encodeURIComponent(offer.title)}&body=${encodeURIComponent(shareText)}`)} class="inline-block min-h-11 py-2 text-accent underline">
              {t.shareByEmail}
            </a>
          </li>
          <li>
            <a href={appUrl("sms", `?body=${encodeURIComponent(shareText)}`)} class="inline-block min-h-11 py-2 text-accent underline">
              {t.shareBySms}
            </a>
          </li>
        </ul>
        {/* Shown by the enhancement script only (lib/html/scripts.ts): without it they could do nothing. */}
        <p class="mt-3 flex flex-wrap gap-3">
          <button type="button" hidden data-copy="adresse-page" data-done={t.copied} aria-describedby="adresse-copiee" class="min-h-11 rounded border border-accent px-3 py-1 font-semibold text-accent">
            {t.copy}
          </button>
          <button type="button" hidden data-share={url} class="min-h-11 rounded border border-accent px-3 py-1 font-semibold text-accent">
            {t.shareApp}
          </button>
          <button type="button" hidden data-print="" class="min-h-11 rounded border border-accent px-3 py-1 font-semibold text-accent">
            {t.print}
          </button>
        </p>
        <p id="adresse-copiee" aria-live="polite" class="mt-1 text-green-800"></p>
      </section>

      <section aria-labelledby="signaler" class="border-t border-slate-300 pt-4 print:hidden">
        <h2 id="signaler" class="text-2xl font-bold">
          {t.reportTitle}
        </h2>
        <p class="mb-3 mt-1">{t.reportIntro}</p>
        {reportForm(safeUrl(path, undefined, "signaler"), offer.id, locale, report)}
      </section>
      <p class="hidden print:block" dir="ltr">
        {url}
      </p>
    </article>
  );

  const description = [offer.description, structure.name, offer.places.map((place) => place.communeName).join(", ")].filter(Boolean).join(" — ");
  const head: DocumentHead = {
    title: `${offer.title} · ${structure.name}`,
    description: description.slice(0, 300),
    canonical: url,
    alternates: (["fr", "en", "ar"] as const).map((other) => ({ locale: other, href: origin + safeUrl(path, query(other)) })),
    structuredData: offerJsonLd(found, url, today),
    enhanced: true,
  };
  return { head, main };
}

const kept = new ByVersion<HtmlPage>(2_000);

/**
 * The page as most residents get it — no free slots, no workshop sessions (both change with each
 * booking), no one signed in to orient, no refused report — written once a minute per offer,
 * language and thanks: what it says
 * changes only with the offer's data (`version`, the territory's searchVersion) and the clock (its
 * opening status, to the minute). Any other case is written for the request.
 */
export function offerPageAt(input: OfferPageInput, version: number): Promise<HtmlPage> {
  // A refusal carries what the person typed: theirs alone. The thanks after a report is the same for all.
  const personal = input.booking?.hasAgenda === true || input.workshops.length > 0 || input.orientHref !== null || (input.report !== null && !input.report.ok);
  if (personal) return Promise.resolve(offerPage(input));
  const minute = Math.floor(input.now.getTime() / 60_000);
  const variant = input.report ? "merci" : "";
  return kept.get(`${input.found.offer.id}/${input.locale}/${input.origin}/${variant}`, `${version}/${minute}`, async () => offerPage(input));
}

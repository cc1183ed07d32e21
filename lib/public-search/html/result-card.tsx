/** @jsxImportSource @/lib/html */
/**
 * One search result, read in one glance: what, who for, open now or next opening, where, how to
 * come, free or not. A stale offer says "à vérifier"; a closed one says until when. The offer's
 * own words stay in French (marked `lang="fr"` when the page is not).
 */
import { frenchWithin } from "@/lib/html/html";
import type { SafeUrl } from "@/lib/html/url";
import { localTime } from "@/lib/hours/rules";
import { describeOpeningStatus } from "@/lib/hours/status-text";
import type { Locale } from "@/lib/i18n/locales";
import { shortDate } from "@/lib/public-offer/present";
import { ACCESS_MODES, PUBLICS, type AccessMode, type PublicCode } from "../filters";
import { searchMessages } from "../messages";
import type { SearchResult } from "../queries";

const isAccessMode = (code: string): code is AccessMode => ACCESS_MODES.some((mode) => mode === code);

const isPublicCode = (code: string): code is PublicCode => PUBLICS.includes(code as PublicCode);

// Label and value on one line when they fit: the card reads in one glance on a phone.
const ROW = "flex flex-wrap gap-x-2";

/** `freeSlot`: the search kept only offers with a free slot this week, so the card says it. */
export function resultCard(result: SearchResult, href: SafeUrl, locale: Locale, timeZone: string, now: Date, freeSlot = false) {
  const t = searchMessages(locale);
  const french = frenchWithin(locale);
  const status = describeOpeningStatus(result.opening.status, now, timeZone, locale);
  const publics = result.publics.filter(isPublicCode).map((code) => t.publics(code));
  const ages = result.minAge !== null || result.maxAge !== null ? t.ages(result.minAge, result.maxAge) : null;
  const forWhom = [publics.length > 0 ? publics.join(", ") : t.everyone, ages].filter(Boolean).join(", ");
  const closedUntil = result.opening.closedUntil;
  const titleId = `resultat-${result.id}`;
  const when = closedUntil ? (
    <span class="font-medium text-red-800">{t.closedUntil(shortDate(locale, closedUntil.date), closedUntil.label)}</span>
  ) : (
    <span class={status.open ? "font-medium text-green-800" : undefined}>
      <span aria-hidden="true">{status.open ? "● " : "○ "}</span>
      {status.text}
    </span>
  );
  const where = result.remote ? (
    t.remote
  ) : (
    <ul lang={french}>
      {result.places.map((place) => (
        <li>{`${place.name}, ${place.address}, ${place.postalCode} ${place.communeName}`}</li>
      ))}
    </ul>
  );
  return (
    <article aria-labelledby={titleId} class="rounded-lg border border-slate-300 p-4">
      <h3 id={titleId} class="text-xl font-semibold break-words">
        <a href={href} class="text-accent underline" lang={french}>
          {result.title}
        </a>
      </h3>
      <p class="text-slate-700">
        {`${t.by} `}
        <span lang={french}>{result.structureName}</span>
      </p>
      {(result.stale || result.unconfirmedSince) && (
        <p class="mt-2 rounded border-s-4 border-amber-600 bg-amber-50 p-2 font-medium text-amber-900">
          <span aria-hidden="true">{"⚠ "}</span>
          {result.unconfirmedSince ? t.unconfirmed(shortDate(locale, localTime(result.unconfirmedSince, timeZone).date)) : t.stale}
        </p>
      )}
      {freeSlot && (
        <p class="mt-2 font-medium text-green-800">
          <span aria-hidden="true">{"✓ "}</span>
          {t.freeSlotThisWeek}
        </p>
      )}
      <dl class="mt-3 space-y-1">
        <div class={ROW}>
          <dt class="font-semibold">{`${t.when}${t.colon}`}</dt>
          <dd>{when}</dd>
        </div>
        <div class={ROW}>
          <dt class="font-semibold">{`${t.forWhom}${t.colon}`}</dt>
          <dd>{forWhom}</dd>
        </div>
        <div class={ROW}>
          <dt class="font-semibold">{`${t.where}${t.colon}`}</dt>
          <dd>{where}</dd>
        </div>
        {result.accessModes.length > 0 && (
          <div class={ROW}>
            <dt class="font-semibold">{`${t.how}${t.colon}`}</dt>
            <dd>{result.accessModes.map((code) => (isAccessMode(code) ? t.accessModes(code) : code)).join(", ")}</dd>
          </div>
        )}
        <div class={ROW}>
          <dt class="font-semibold">{`${t.price}${t.colon}`}</dt>
          <dd>
            {result.free ? t.priceFree : t.priceNotFree}
            {!result.free && result.feeDetails && (
              <>
                {" — "}
                <span lang={french}>{result.feeDetails}</span>
              </>
            )}
          </dd>
        </div>
      </dl>
      <p class="mt-3">
        <a href={href} class="inline-block min-h-11 py-2 text-accent underline" aria-label={t.details(result.title)}>
          {t.detailsShort}
        </a>
      </p>
    </article>
  );
}

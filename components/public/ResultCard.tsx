/**
 * One search result, read in one glance: what, who for, open now or next opening, where, how to
 * come, free or not. A stale offer says "à vérifier"; a closed one says until when. The offer's
 * own words stay in French (marked `lang="fr"` when the page is not).
 */
import { describeOpeningStatus } from "@/lib/hours/status-text";
import type { Locale } from "@/lib/i18n/locales";
import { searchMessages } from "@/lib/public-search/messages";
import type { PublicCode } from "@/lib/public-search/filters";
import { PUBLICS } from "@/lib/public-search/filters";
import type { SearchResult } from "@/lib/public-search/queries";

const isPublicCode = (code: string): code is PublicCode => PUBLICS.includes(code as PublicCode);

export function ResultCard({ result, href, locale, timeZone, now }: { result: SearchResult; href: string; locale: Locale; timeZone: string; now: Date }) {
  const t = searchMessages(locale);
  const french = locale === "fr" ? {} : { lang: "fr" };
  const status = describeOpeningStatus(result.opening.status, now, timeZone, locale);
  const publics = result.publics.filter(isPublicCode).map((code) => t.publics(code));
  const ages = result.minAge !== null || result.maxAge !== null ? t.ages(result.minAge, result.maxAge) : null;
  const forWhom = [publics.length > 0 ? publics.join(", ") : t.everyone, ages].filter(Boolean).join(", ");
  const closedUntil = result.opening.closedUntil;
  const closedDate = closedUntil
    ? new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${closedUntil.date}T00:00:00Z`))
    : null;
  const titleId = `resultat-${result.id}`;
  // Label and value on one line when they fit: the card reads in one glance on a phone.
  const row = "flex flex-wrap gap-x-2";
  return (
    <article aria-labelledby={titleId} className="rounded-lg border border-slate-300 p-4">
      <h3 id={titleId} className="text-xl font-semibold break-words">
        <a href={href} className="text-accent underline" {...french}>
          {result.title}
        </a>
      </h3>
      <p className="text-slate-700">
        {`${t.by} `}
        <span {...french}>{result.structureName}</span>
      </p>
      {result.stale && (
        <p className="mt-2 rounded border-s-4 border-amber-600 bg-amber-50 p-2 font-medium text-amber-900">
          <span aria-hidden="true">⚠ </span>
          {t.stale}
        </p>
      )}
      <dl className="mt-3 space-y-1">
        <div className={row}>
          <dt className="font-semibold">{`${t.when}${t.colon}`}</dt>
          <dd>
            {closedUntil && closedDate ? (
              <span className="font-medium text-red-800">{t.closedUntil(closedDate, closedUntil.label)}</span>
            ) : (
              <span className={status.open ? "font-medium text-green-800" : undefined}>
                <span aria-hidden="true">{status.open ? "● " : "○ "}</span>
                {status.text}
              </span>
            )}
          </dd>
        </div>
        <div className={row}>
          <dt className="font-semibold">{`${t.forWhom}${t.colon}`}</dt>
          <dd>{forWhom}</dd>
        </div>
        <div className={row}>
          <dt className="font-semibold">{`${t.where}${t.colon}`}</dt>
          <dd>
            {result.remote ? (
              t.remote
            ) : (
              <ul {...french}>
                {result.places.map((place) => (
                  <li key={`${place.name}${place.address}`}>{`${place.name}, ${place.address}, ${place.postalCode} ${place.communeName}`}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {result.accessModes.length > 0 && (
          <div className={row}>
            <dt className="font-semibold">{`${t.how}${t.colon}`}</dt>
            <dd>{result.accessModes.map((code) => t.accessModes(code as never) ?? code).join(", ")}</dd>
          </div>
        )}
        <div className={row}>
          <dt className="font-semibold">{`${t.price}${t.colon}`}</dt>
          <dd>
            {result.free ? t.priceFree : t.priceNotFree}
            {!result.free && result.feeDetails && (
              <>
                {" — "}
                <span {...french}>{result.feeDetails}</span>
              </>
            )}
          </dd>
        </div>
      </dl>
      <p className="mt-3">
        <a href={href} className="inline-block min-h-11 py-2 text-accent underline" aria-label={t.details(result.title)}>
          {t.detailsShort}
        </a>
      </p>
    </article>
  );
}

/** Links to the previous and next pages of results: plain links, so paging works without JavaScript. */
import type { Locale } from "@/lib/i18n/locales";
import { searchMessages } from "@/lib/public-search/messages";

export function ResultPages({ page, pageCount, hrefFor, locale }: { page: number; pageCount: number; hrefFor: (page: number) => string; locale: Locale }) {
  if (pageCount <= 1) return null;
  const t = searchMessages(locale);
  const link = "inline-block min-h-11 rounded border border-slate-300 px-4 py-2 text-accent underline";
  return (
    <nav aria-label={t.pagination} className="mt-6 flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} className={link} rel="prev">
          <span aria-hidden="true" className="rtl:hidden">← </span>
          <span aria-hidden="true" className="ltr:hidden">→ </span>
          {t.previous}
        </a>
      ) : (
        <span />
      )}
      <p aria-current="page">{t.pageOf(page, pageCount)}</p>
      {page < pageCount ? (
        <a href={hrefFor(page + 1)} className={link} rel="next">
          {t.next}
          <span aria-hidden="true" className="rtl:hidden"> →</span>
          <span aria-hidden="true" className="ltr:hidden"> ←</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** @jsxImportSource @/lib/html */
/** Links to the previous and next pages of results: plain links, so paging works without JavaScript. */
import type { SafeUrl } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { searchMessages } from "../messages";

const LINK = "inline-block min-h-11 rounded border border-slate-300 px-4 py-2 text-accent underline";

export function resultPages(page: number, pageCount: number, hrefFor: (page: number) => SafeUrl, locale: Locale) {
  if (pageCount <= 1) return null;
  const t = searchMessages(locale);
  return (
    <nav aria-label={t.pagination} class="mt-6 flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} class={LINK} rel="prev">
          <span aria-hidden="true" class="rtl:hidden">
            {"← "}
          </span>
          <span aria-hidden="true" class="ltr:hidden">
            {"→ "}
          </span>
          {t.previous}
        </a>
      ) : (
        <span></span>
      )}
      <p aria-current="page">{t.pageOf(page, pageCount)}</p>
      {page < pageCount ? (
        <a href={hrefFor(page + 1)} class={LINK} rel="next">
          {t.next}
          <span aria-hidden="true" class="rtl:hidden">
            {" →"}
          </span>
          <span aria-hidden="true" class="ltr:hidden">
            {" ←"}
          </span>
        </a>
      ) : (
        <span></span>
      )}
    </nav>
  );
}

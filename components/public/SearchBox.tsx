/**
 * The search box of the territory home: what the person needs, in their words, and their commune.
 * A plain GET form to the results page, with the page's language in a hidden field.
 */
import type { Locale } from "@/lib/i18n/locales";
import { buttonClass, inputClass } from "@/lib/public-search/html/form-classes";
import { searchMessages } from "@/lib/public-search/messages";

export function SearchBox({ action, locale, q = "", commune = "" }: { action: string; locale: Locale; q?: string; commune?: string }) {
  const t = searchMessages(locale);
  return (
    <form method="get" action={action} role="search" className="space-y-3">
      {locale !== "fr" && <input type="hidden" name="lang" value={locale} />}
      <div>
        <label htmlFor="recherche-q" className="block font-semibold">
          {t.searchLabel}
        </label>
        <p id="recherche-q-aide" className="text-slate-700">
          {t.searchHint}
        </p>
        <input id="recherche-q" name="q" type="search" defaultValue={q} maxLength={200} aria-describedby="recherche-q-aide" className={inputClass} />
      </div>
      <div>
        <label htmlFor="recherche-commune" className="block font-semibold">
          {t.communeLabel}
        </label>
        <p id="recherche-commune-aide" className="text-slate-700">
          {t.communeHint}
        </p>
        <input
          id="recherche-commune"
          name="commune"
          type="text"
          defaultValue={commune}
          maxLength={80}
          autoComplete="postal-code"
          aria-describedby="recherche-commune-aide"
          className={inputClass}
        />
      </div>
      <button type="submit" className={buttonClass}>
        {t.searchButton}
      </button>
    </form>
  );
}

/** @jsxImportSource @/lib/html */
/**
 * The search box of the territory home and of its communes' index: what the person needs, in
 * their words, and their commune (a name or a postal code). A plain GET form to the results page,
 * with the page's language in a hidden field.
 */
import type { SafeUrl } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { searchMessages } from "../messages";
import { buttonClass, inputClass } from "./form-classes";

export function searchBox(action: SafeUrl, locale: Locale) {
  const t = searchMessages(locale);
  return (
    <form method="get" action={action} role="search" class="space-y-3">
      {locale !== "fr" && <input type="hidden" name="lang" value={locale} />}
      <div>
        <label for="recherche-q" class="block font-semibold">
          {t.searchLabel}
        </label>
        <p id="recherche-q-aide" class="text-slate-700">
          {t.searchHint}
        </p>
        <input id="recherche-q" name="q" type="search" maxlength={200} aria-describedby="recherche-q-aide" class={inputClass} />
      </div>
      <div>
        <label for="recherche-commune" class="block font-semibold">
          {t.communeLabel}
        </label>
        <p id="recherche-commune-aide" class="text-slate-700">
          {t.communeHint}
        </p>
        <input id="recherche-commune" name="commune" type="text" maxlength={80} autocomplete="postal-code" aria-describedby="recherche-commune-aide" class={inputClass} />
      </div>
      <button type="submit" class={buttonClass}>
        {t.searchButton}
      </button>
    </form>
  );
}

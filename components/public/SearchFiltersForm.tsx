/**
 * The results page's filters: one GET form, every filter a field of the URL, a "Filtrer" button —
 * it works without JavaScript. Labels on every field; groups in fieldsets.
 */
import type { Locale } from "@/lib/i18n/locales";
import { ACCESS_MODES, MAX_DISTANCE_KM, OPEN_FILTERS, POSTURES, PUBLICS, type SearchFilters } from "@/lib/public-search/filters";
import { searchMessages } from "@/lib/public-search/messages";
import { allNeeds, type Country } from "@/lib/public-search/needs";
import { buttonClass, inputClass } from "./SearchBox";

const DISTANCES = [5, 10, 20, 30, MAX_DISTANCE_KM];

export function SearchFiltersForm({ action, filters, locale, country, clearHref }: { action: string; filters: SearchFilters; locale: Locale; country: Country; clearHref: string }) {
  const t = searchMessages(locale);
  const choice = "flex min-h-11 items-center gap-2";
  return (
    <form id="filtres" method="get" action={action} role="search" aria-labelledby="filtres-titre" className="space-y-4 rounded-lg border border-slate-300 p-4">
      <h2 id="filtres-titre" className="text-xl font-semibold">
        {t.filtersHeading}
      </h2>
      {locale !== "fr" && <input type="hidden" name="lang" value={locale} />}
      <div>
        <label htmlFor="filtre-q" className="block font-semibold">
          {t.searchLabel}
        </label>
        <input id="filtre-q" name="q" type="search" defaultValue={filters.q} maxLength={200} className={inputClass} />
      </div>
      <div>
        <label htmlFor="filtre-besoin" className="block font-semibold">
          {t.needLabel}
        </label>
        <select id="filtre-besoin" name="besoin" defaultValue={filters.besoin ?? ""} className={inputClass}>
          <option value="">{t.anyNeed}</option>
          {allNeeds(country).map((need) => (
            <option key={need.slug} value={need.slug}>
              {t.needLabels(need.slug, need.label)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filtre-commune" className="block font-semibold">
          {t.communeLabel}
        </label>
        <input id="filtre-commune" name="commune" type="text" defaultValue={filters.commune ?? ""} maxLength={80} className={inputClass} />
      </div>
      <div>
        <label htmlFor="filtre-distance" className="block font-semibold">
          {t.distanceLabel}
        </label>
        <select id="filtre-distance" name="distance" defaultValue={filters.distance ? String(filters.distance) : ""} className={inputClass}>
          <option value="">{t.distanceNone}</option>
          {DISTANCES.map((km) => (
            <option key={km} value={km}>
              {t.kilometres(km)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className="font-semibold">{t.accessLegend}</legend>
        {ACCESS_MODES.map((mode) => (
          <label key={mode} className={choice}>
            <input type="checkbox" name="acces" value={mode} defaultChecked={filters.acces.includes(mode)} className="h-5 w-5" />
            {t.accessModes(mode)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend className="font-semibold">{t.openLegend}</legend>
        <label className={choice}>
          <input type="radio" name="ouvert" value="" defaultChecked={!filters.ouvert} className="h-5 w-5" />
          {t.openAny}
        </label>
        {OPEN_FILTERS.map((open) => (
          <label key={open} className={choice}>
            <input type="radio" name="ouvert" value={open} defaultChecked={filters.ouvert === open} className="h-5 w-5" />
            {t.open(open)}
          </label>
        ))}
      </fieldset>
      <label className={choice}>
        <input type="checkbox" name="gratuit" value="1" defaultChecked={filters.gratuit} className="h-5 w-5" />
        {t.free}
      </label>
      <div>
        <label htmlFor="filtre-public" className="block font-semibold">
          {t.publicLabel}
        </label>
        <select id="filtre-public" name="public" defaultValue={filters.public ?? ""} className={inputClass}>
          <option value="">{t.anyPublic}</option>
          {PUBLICS.map((code) => (
            <option key={code} value={code}>
              {t.publics(code)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filtre-age" className="block font-semibold">
          {t.ageLabel}
        </label>
        <p id="filtre-age-aide" className="text-slate-700">
          {t.ageHint}
        </p>
        <input
          id="filtre-age"
          name="age"
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={3}
          defaultValue={filters.age ?? ""}
          aria-describedby="filtre-age-aide"
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="filtre-posture" className="block font-semibold">
          {t.postureLabel}
        </label>
        <select id="filtre-posture" name="posture" defaultValue={filters.posture ?? ""} className={inputClass}>
          <option value="">{t.anyPosture}</option>
          {POSTURES.map((posture) => (
            <option key={posture} value={posture}>
              {t.postures(posture)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClass}>
          {t.filterButton}
        </button>
        <a href={clearHref} className="inline-block min-h-11 py-2 text-accent underline">
          {t.clearFilters}
        </a>
      </div>
    </form>
  );
}

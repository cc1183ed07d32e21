/** @jsxImportSource @/lib/html */
/**
 * The results page's filters: one GET form, every filter a field of the URL, a "Filtrer" button —
 * it works without JavaScript. Labels on every field; groups in fieldsets.
 */
import type { SafeUrl } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { ACCESS_MODES, MAX_DISTANCE_KM, OPEN_FILTERS, POSTURES, PUBLICS, type SearchFilters } from "../filters";
import { searchMessages } from "../messages";
import { allNeeds, type Country } from "../needs";
import { buttonClass, inputClass } from "./form-classes";

const DISTANCES = [5, 10, 20, 30, MAX_DISTANCE_KM];
const CHOICE = "flex min-h-11 items-center gap-2";

type Choice = readonly [value: string | number, label: string];

function Select({ id, name, label, current, choices }: { id: string; name: string; label: string; current: string; choices: readonly Choice[] }) {
  return (
    <div>
      <label for={id} class="block font-semibold">
        {label}
      </label>
      <select id={id} name={name} class={inputClass}>
        {choices.map(([value, text]) => (
          <option value={value} selected={String(value) === current}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function ChoiceInput({ type, name, value, label, on }: { type: "radio" | "checkbox"; name: string; value: string; label: string; on: boolean }) {
  return (
    <label class={CHOICE}>
      <input type={type} name={name} value={value} checked={on} class="h-5 w-5" />
      {label}
    </label>
  );
}

export function filtersForm(action: SafeUrl, filters: SearchFilters, locale: Locale, country: Country, clearHref: SafeUrl) {
  const t = searchMessages(locale);
  return (
    <form id="filtres" method="get" action={action} role="search" aria-labelledby="filtres-titre" class="space-y-4 rounded-lg border border-slate-300 p-4">
      <h2 id="filtres-titre" class="text-xl font-semibold">
        {t.filtersHeading}
      </h2>
      {locale !== "fr" && <input type="hidden" name="lang" value={locale} />}
      <div>
        <label for="filtre-q" class="block font-semibold">
          {t.searchLabel}
        </label>
        <input id="filtre-q" name="q" type="search" value={filters.q} maxlength={200} class={inputClass} />
      </div>
      <Select
        id="filtre-besoin"
        name="besoin"
        label={t.needLabel}
        current={filters.besoin ?? ""}
        choices={[["", t.anyNeed], ...allNeeds(country).map((need): Choice => [need.slug, t.needLabels(need.slug, need.label)])]}
      />
      <div>
        <label for="filtre-commune" class="block font-semibold">
          {t.communeLabel}
        </label>
        <input id="filtre-commune" name="commune" type="text" value={filters.commune ?? ""} maxlength={80} class={inputClass} />
      </div>
      <Select
        id="filtre-distance"
        name="distance"
        label={t.distanceLabel}
        current={filters.distance ? String(filters.distance) : ""}
        choices={[["", t.distanceNone], ...DISTANCES.map((km): Choice => [km, t.kilometres(km)])]}
      />
      <fieldset>
        <legend class="font-semibold">{t.accessLegend}</legend>
        {ACCESS_MODES.map((mode) => (
          <ChoiceInput type="checkbox" name="acces" value={mode} label={t.accessModes(mode)} on={filters.acces.includes(mode)} />
        ))}
      </fieldset>
      <fieldset>
        <legend class="font-semibold">{t.openLegend}</legend>
        <ChoiceInput type="radio" name="ouvert" value="" label={t.openAny} on={!filters.ouvert} />
        {OPEN_FILTERS.map((open) => (
          <ChoiceInput type="radio" name="ouvert" value={open} label={t.open(open)} on={filters.ouvert === open} />
        ))}
      </fieldset>
      <ChoiceInput type="checkbox" name="gratuit" value="1" label={t.free} on={filters.gratuit} />
      <ChoiceInput type="checkbox" name="creneau" value="semaine" label={t.freeSlotFilter} on={filters.creneau === "semaine"} />
      <Select
        id="filtre-public"
        name="public"
        label={t.publicLabel}
        current={filters.public ?? ""}
        choices={[["", t.anyPublic], ...PUBLICS.map((code): Choice => [code, t.publics(code)])]}
      />
      <div>
        <label for="filtre-age" class="block font-semibold">
          {t.ageLabel}
        </label>
        <p id="filtre-age-aide" class="text-slate-700">
          {t.ageHint}
        </p>
        <input
          id="filtre-age"
          name="age"
          type="text"
          inputmode="numeric"
          pattern="[0-9]*"
          maxlength={3}
          value={filters.age ?? ""}
          aria-describedby="filtre-age-aide"
          class={inputClass}
        />
      </div>
      <Select
        id="filtre-posture"
        name="posture"
        label={t.postureLabel}
        current={filters.posture ?? ""}
        choices={[["", t.anyPosture], ...POSTURES.map((posture): Choice => [posture, t.postures(posture)])]}
      />
      <div class="flex flex-wrap items-center gap-4">
        <button type="submit" class={buttonClass}>
          {t.filterButton}
        </button>
        <a href={clearHref} class="inline-block min-h-11 py-2 text-accent underline">
          {t.clearFilters}
        </a>
      </div>
    </form>
  );
}

/**
 * The results page's filters: one GET form, every filter a field of the URL, a "Filtrer" button —
 * it works without JavaScript. Labels on every field; groups in fieldsets.
 */
import { html } from "@/lib/html/html";
import type { Locale } from "@/lib/i18n/locales";
import { ACCESS_MODES, MAX_DISTANCE_KM, OPEN_FILTERS, POSTURES, PUBLICS, type SearchFilters } from "../filters";
import { searchMessages } from "../messages";
import { allNeeds, type Country } from "../needs";
import { buttonClass, inputClass } from "./form-classes";

const DISTANCES = [5, 10, 20, 30, MAX_DISTANCE_KM];
const CHOICE = "flex min-h-11 items-center gap-2";

const selected = (on: boolean) => (on ? html` selected` : "");
const checked = (on: boolean) => (on ? html` checked` : "");
type Choice = readonly [value: string | number, label: string];

function select(id: string, name: string, label: string, current: string, choices: readonly Choice[]) {
  return html`<div><label for="${id}" class="block font-semibold">${label}</label><select id="${id}" name="${name}" class="${inputClass}">${choices.map(
    ([value, text]) => html`<option value="${value}"${selected(String(value) === current)}>${text}</option>`,
  )}</select></div>`;
}

export function filtersForm(action: string, filters: SearchFilters, locale: Locale, country: Country, clearHref: string) {
  const t = searchMessages(locale);
  const radio = (value: string, label: string, on: boolean) =>
    html`<label class="${CHOICE}"><input type="radio" name="ouvert" value="${value}"${checked(on)} class="h-5 w-5">${label}</label>`;
  return html`<form id="filtres" method="get" action="${action}" role="search" aria-labelledby="filtres-titre" class="space-y-4 rounded-lg border border-slate-300 p-4"><h2 id="filtres-titre" class="text-xl font-semibold">${t.filtersHeading}</h2>${
    locale !== "fr" && html`<input type="hidden" name="lang" value="${locale}">`
  }<div><label for="filtre-q" class="block font-semibold">${t.searchLabel}</label><input id="filtre-q" name="q" type="search" value="${filters.q}" maxlength="200" class="${inputClass}"></div>${select(
    "filtre-besoin",
    "besoin",
    t.needLabel,
    filters.besoin ?? "",
    [["", t.anyNeed], ...allNeeds(country).map((need): Choice => [need.slug, t.needLabels(need.slug, need.label)])],
  )}<div><label for="filtre-commune" class="block font-semibold">${t.communeLabel}</label><input id="filtre-commune" name="commune" type="text" value="${filters.commune ?? ""}" maxlength="80" class="${inputClass}"></div>${select(
    "filtre-distance",
    "distance",
    t.distanceLabel,
    filters.distance ? String(filters.distance) : "",
    [["", t.distanceNone], ...DISTANCES.map((km): Choice => [km, t.kilometres(km)])],
  )}<fieldset><legend class="font-semibold">${t.accessLegend}</legend>${ACCESS_MODES.map(
    (mode) => html`<label class="${CHOICE}"><input type="checkbox" name="acces" value="${mode}"${checked(filters.acces.includes(mode))} class="h-5 w-5">${t.accessModes(mode)}</label>`,
  )}</fieldset><fieldset><legend class="font-semibold">${t.openLegend}</legend>${radio("", t.openAny, !filters.ouvert)}${OPEN_FILTERS.map((open) =>
    radio(open, t.open(open), filters.ouvert === open),
  )}</fieldset><label class="${CHOICE}"><input type="checkbox" name="gratuit" value="1"${checked(filters.gratuit)} class="h-5 w-5">${t.free}</label>${select(
    "filtre-public",
    "public",
    t.publicLabel,
    filters.public ?? "",
    [["", t.anyPublic], ...PUBLICS.map((code): Choice => [code, t.publics(code)])],
  )}<div><label for="filtre-age" class="block font-semibold">${t.ageLabel}</label><p id="filtre-age-aide" class="text-slate-700">${t.ageHint}</p><input id="filtre-age" name="age" type="text" inputmode="numeric" pattern="[0-9]*" maxlength="3" value="${
    filters.age ?? ""
  }" aria-describedby="filtre-age-aide" class="${inputClass}"></div>${select(
    "filtre-posture",
    "posture",
    t.postureLabel,
    filters.posture ?? "",
    [["", t.anyPosture], ...POSTURES.map((posture): Choice => [posture, t.postures(posture)])],
  )}<div class="flex flex-wrap items-center gap-4"><button type="submit" class="${buttonClass}">${t.filterButton}</button><a href="${clearHref}" class="inline-block min-h-11 py-2 text-accent underline">${t.clearFilters}</a></div></form>`;
}

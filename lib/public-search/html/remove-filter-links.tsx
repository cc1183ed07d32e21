/** @jsxImportSource @/lib/html */
/**
 * "No result": one link per active filter, each giving the same search without it — the
 * quickest way out of an empty page, without JavaScript.
 */
import type { SafeUrl } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import type { SearchFilters } from "../filters";
import { searchMessages } from "../messages";
import { findNeed } from "../needs";

export function removeFilterLinks(filters: SearchFilters, hrefWith: (changes: Partial<SearchFilters>) => SafeUrl, locale: Locale) {
  const t = searchMessages(locale);
  const need = filters.besoin ? findNeed(filters.besoin) : undefined;
  const active: { label: string; changes: Partial<SearchFilters> }[] = [
    ...(filters.q ? [{ label: `“${filters.q}”`, changes: { q: "" } }] : []),
    ...(need ? [{ label: t.needLabels(need.slug, need.label), changes: { besoin: null } }] : []),
    ...(filters.commune ? [{ label: filters.commune, changes: { commune: null, distance: null } }] : []),
    ...(filters.distance ? [{ label: t.kilometres(filters.distance), changes: { distance: null } }] : []),
    ...filters.acces.map((mode) => ({ label: t.accessModes(mode), changes: { acces: filters.acces.filter((other) => other !== mode) } })),
    ...(filters.ouvert ? [{ label: t.open(filters.ouvert), changes: { ouvert: null } }] : []),
    ...(filters.gratuit ? [{ label: t.priceFree, changes: { gratuit: false } }] : []),
    ...(filters.creneau ? [{ label: t.freeSlotFilter, changes: { creneau: null } }] : []),
    ...(filters.public ? [{ label: t.publics(filters.public), changes: { public: null } }] : []),
    ...(filters.age !== null ? [{ label: `${t.ageLabel}${t.colon} ${filters.age}`, changes: { age: null } }] : []),
    ...(filters.posture ? [{ label: t.postures(filters.posture), changes: { posture: null } }] : []),
  ];
  if (active.length === 0) return null;
  return (
    <ul class="flex flex-wrap gap-2">
      {active.map(({ label, changes }) => (
        <li>
          <a href={hrefWith({ ...changes, page: 1 })} class="inline-flex min-h-11 items-center rounded-full border border-slate-400 px-4 py-2 text-accent underline">
            {t.removeFilter(label)}
          </a>
        </li>
      ))}
    </ul>
  );
}

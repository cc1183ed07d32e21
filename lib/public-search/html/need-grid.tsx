/** @jsxImportSource @/lib/html */
/**
 * "De quoi avez-vous besoin ?": each need is a big link to its results, with its drawing and its
 * plain words. A grid of one column on a phone, two from a small tablet. On the territory home
 * (React, through components/public/NeedGrid) and on a results page with no result.
 */
import type { SafeUrl } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { searchMessages } from "../messages";
import type { PublicNeed } from "../needs";
import { needIcon } from "./need-icon";

export function needGrid(needs: PublicNeed[], hrefFor: (slug: string) => SafeUrl, locale: Locale) {
  const t = searchMessages(locale);
  return (
    <ul class="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {needs.map((need) => (
        <li>
          <a href={hrefFor(need.slug)} class="flex min-h-14 items-center gap-3 rounded-lg border border-slate-300 p-3 text-ink no-underline hover:border-accent hover:bg-blue-50">
            {needIcon(need.icon, "h-8 w-8 shrink-0 text-accent")}
            <span class="min-w-0 text-lg font-medium break-words">{t.needLabels(need.slug, need.label)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

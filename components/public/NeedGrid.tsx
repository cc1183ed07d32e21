/**
 * "De quoi avez-vous besoin ?": each need is a big link to its results, with its drawing and its
 * plain words. A grid of one column on a phone, two from a small tablet.
 */
import type { Locale } from "@/lib/i18n/locales";
import { searchMessages } from "@/lib/public-search/messages";
import type { PublicNeed } from "@/lib/public-search/needs";
import { NeedIcon } from "./NeedIcon";

export function NeedGrid({ needs, hrefFor, locale }: { needs: PublicNeed[]; hrefFor: (slug: string) => string; locale: Locale }) {
  const t = searchMessages(locale);
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {needs.map((need) => (
        <li key={need.slug}>
          <a
            href={hrefFor(need.slug)}
            className="flex min-h-14 items-center gap-3 rounded-lg border border-slate-300 p-3 text-ink no-underline hover:border-accent hover:bg-blue-50"
          >
            <NeedIcon name={need.icon} className="h-8 w-8 shrink-0 text-accent" />
            <span className="min-w-0 text-lg font-medium break-words">{t.needLabels(need.slug, need.label)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

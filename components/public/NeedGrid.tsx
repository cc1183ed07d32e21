/** The grid of needs (lib/public-search/html/need-grid.tsx) on a React page. */
import { HtmlBlock } from "@/components/HtmlBlock";
import type { SafeUrl } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { needGrid } from "@/lib/public-search/html/need-grid";
import type { PublicNeed } from "@/lib/public-search/needs";

export function NeedGrid({ needs, hrefFor, locale }: { needs: PublicNeed[]; hrefFor: (slug: string) => SafeUrl; locale: Locale }) {
  return <HtmlBlock html={needGrid(needs, hrefFor, locale)} />;
}

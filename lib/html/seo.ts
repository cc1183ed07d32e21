/**
 * What a page worth finding tells search engines: its one address (canonical), and the same page
 * in each language (`hreflang`), so that a resident searching the web lands on it in their language.
 */
import { hrefInLocale, LOCALES, type Locale, type SearchParams } from "@/lib/i18n/locales";
import { requestOrigin } from "@/lib/request-origin";
import type { DocumentHead } from "./document";

export async function pageAddresses(pathname: string, query: SearchParams, locale: Locale): Promise<Pick<DocumentHead, "canonical" | "alternates">> {
  const origin = await requestOrigin();
  return {
    canonical: origin + hrefInLocale(pathname, query, locale),
    alternates: LOCALES.map((other) => ({ locale: other, href: origin + hrefInLocale(pathname, query, other) })),
  };
}

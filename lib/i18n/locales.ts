/**
 * The public pages' languages. French is the source and the default; a page in another language
 * carries `?lang=xx` in its URL, so a link, a bookmark or a form (a hidden field) keeps it and the
 * switch works without JavaScript. Arabic is written right to left.
 */
export const LOCALES = ["fr", "en", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr";

/** Each language's name in that language, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { fr: "Français", en: "English", ar: "العربية" };

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(["ar"]);
export const directionOf = (locale: Locale): "ltr" | "rtl" => (RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr");

/** The locale asked for by a `lang` query parameter; anything else is the default. */
export function localeFrom(value: unknown): Locale {
  const candidate = Array.isArray(value) ? value[0] : value;
  return LOCALES.includes(candidate as Locale) ? (candidate as Locale) : DEFAULT_LOCALE;
}

/** The request header through which proxy.ts tells the root layout the page's language. */
export const LOCALE_HEADER = "x-toile-locale";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The same page and query in another language: `lang` is set (or removed for French), every
 * other parameter — the search's filters — is kept.
 */
export function hrefInLocale(pathname: string, searchParams: SearchParams, locale: Locale): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (key === "lang" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, item);
  }
  if (locale !== DEFAULT_LOCALE) query.set("lang", locale);
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}

/** The language switch (lib/html/language-switch.tsx) on a React page. */
import { HtmlBlock } from "@/components/HtmlBlock";
import { languageSwitch } from "@/lib/html/language-switch";
import type { Locale, SearchParams } from "@/lib/i18n/locales";

export function LanguageSwitch({ locale, pathname, searchParams }: { locale: Locale; pathname: string; searchParams: SearchParams }) {
  return <HtmlBlock html={languageSwitch(locale, pathname, searchParams)} />;
}

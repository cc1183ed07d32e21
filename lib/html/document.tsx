/** @jsxImportSource @/lib/html */
/**
 * A whole page written as HTML (lib/html/jsx-runtime.ts): the same head and frame as the React
 * pages (app/layout.tsx) — language and direction, title with " · Toile", description, viewport,
 * icons, the site's stylesheets — plus what search engines read on the pages worth finding (a
 * canonical address, the page in the other languages, schema.org data). No script but the small
 * deferred enhancement a page may ask for (lib/html/scripts.ts): every page works without it.
 */
import { directionOf, type Locale } from "@/lib/i18n/locales";
import { Fragment } from "./jsx-runtime";
import type { Html } from "./html";
import { enhancementScript, jsonLdScript } from "./scripts";
import { siteHeader, type HeaderTransfers } from "./site-header";
import { siteStylesheets } from "./stylesheets";
import { safeUrl } from "./url";

export interface DocumentHead {
  title: string;
  description?: string;
  /** Pages not worth indexing (e.g. results, one per query; a fiche). */
  noIndex?: boolean;
  /** The page's one address for search engines (absolute), its language included. */
  canonical?: string;
  /** The same page in each language (absolute addresses), for `hreflang`. */
  alternates?: readonly { locale: Locale; href: string }[];
  /** schema.org data (JSON-LD). */
  structuredData?: unknown;
  /** The deferred enhancement script (print, copy, share buttons): only for pages that have them. */
  enhanced?: boolean;
}

const ICONS = (
  <Fragment>
    <link rel="icon" href={safeUrl("/favicon.ico")} sizes="32x32" />
    <link rel="icon" href={safeUrl("/icon.svg")} type="image/svg+xml" />
    <link rel="apple-touch-icon" href={safeUrl("/apple-touch-icon.png")} />
    <meta name="theme-color" content="#1d4ed8" />
  </Fragment>
);

export function htmlDocument(locale: Locale, head: DocumentHead, transfers: HeaderTransfers, main: Html): string {
  const page = (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${head.title} · Toile`}</title>
        {head.description && <meta name="description" content={head.description} />}
        {head.noIndex && <meta name="robots" content="noindex" />}
        {head.canonical && <link rel="canonical" href={safeUrl(head.canonical)} />}
        {head.alternates?.map(({ locale: other, href }) => <link rel="alternate" hreflang={other} href={safeUrl(href)} />)}
        {ICONS}
        {siteStylesheets().map((href) => (
          <link rel="stylesheet" href={safeUrl(href)} />
        ))}
        {head.enhanced && enhancementScript()}
        {head.structuredData !== undefined && jsonLdScript(head.structuredData)}
      </head>
      <body class="min-h-screen bg-white font-sans text-ink antialiased">
        {siteHeader(locale, transfers)}
        <main id="contenu" class="mx-auto max-w-4xl px-4 py-6">
          {main}
        </main>
      </body>
    </html>
  );
  return `<!DOCTYPE html>${page.value}`;
}

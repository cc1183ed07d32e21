/** @jsxImportSource @/lib/html */
/**
 * A whole page written as HTML (lib/html/jsx-runtime.ts): the same head and frame as the React
 * pages (app/layout.tsx) — language and direction, title with " · Toile", description, viewport,
 * the site's stylesheets — and no script at all.
 */
import { directionOf, type Locale } from "@/lib/i18n/locales";
import type { Html } from "./html";
import { siteHeader, type HeaderTransfers } from "./site-header";
import { siteStylesheets } from "./stylesheets";
import { safeUrl } from "./url";

export interface DocumentHead {
  title: string;
  description?: string;
  /** Pages not worth indexing (e.g. results, one per query). */
  noIndex?: boolean;
}

export function htmlDocument(locale: Locale, head: DocumentHead, transfers: HeaderTransfers, main: Html): string {
  const page = (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${head.title} · Toile`}</title>
        {head.description && <meta name="description" content={head.description} />}
        {head.noIndex && <meta name="robots" content="noindex" />}
        {siteStylesheets().map((href) => (
          <link rel="stylesheet" href={safeUrl(href)} />
        ))}
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

import type { Metadata } from "next";
import { headers } from "next/headers";
import { HtmlBlock } from "@/components/HtmlBlock";
import { getActor } from "@/lib/auth/session";
import { headerTransfersOf, siteHeader } from "@/lib/html/site-header";
import { siteStylesheets } from "@/lib/html/stylesheets";
import { directionOf, LOCALE_HEADER, localeFrom } from "@/lib/i18n/locales";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: { default: "Toile", template: "%s · Toile" },
  description: "Qui fait quoi, ici, pour cette personne ? L'offre de médiation numérique et sociale du territoire.",
  // The same icons as the public pages written as HTML (lib/html/document.tsx).
  icons: { icon: [{ url: "/favicon.ico", sizes: "32x32" }, { url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The public pages' language comes from their `?lang=` (see proxy.ts); everything else is French.
  const locale = localeFrom((await headers()).get(LOCALE_HEADER));
  const transfers = await headerTransfersOf(await getActor());
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        {/* The site's stylesheet (app/globals.css built by scripts/site-stylesheet.mjs), the same file as the results page's. */}
        {siteStylesheets().map((href) => (
          <link key={href} rel="stylesheet" href={href} precedence="default" />
        ))}
      </head>
      <body className="min-h-screen bg-white font-sans text-ink antialiased">
        <HtmlBlock html={siteHeader(locale, transfers)} className="contents" />
        <main id="contenu" className="mx-auto max-w-4xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}

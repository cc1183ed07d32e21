import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { layoutMessages } from "@/lib/i18n/layout-messages";
import { countNewReceived } from "@/lib/transfers/queries";
import { directionOf, LOCALE_HEADER, localeFrom } from "@/lib/i18n/locales";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Toile", template: "%s · Toile" },
  description: "Qui fait quoi, ici, pour cette personne ? L'offre de médiation numérique et sociale du territoire.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The public pages' language comes from their `?lang=` (see proxy.ts); everything else is French.
  const locale = localeFrom((await headers()).get(LOCALE_HEADER));
  const t = layoutMessages(locale);
  // "Transferts" for the people who send or receive them (structure members) or follow them (coordinators).
  const actor = await getActor();
  const transfers =
    actor && (actor.memberships.length > 0 || actor.coordinatedTerritoryIds.length > 0) ? { newCount: await countNewReceived(db, actor) } : null;
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-screen bg-white font-sans text-ink antialiased">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:bg-white focus:p-2"
        >
          {t.skipToContent}
        </a>
        <header className="border-b border-slate-200">
          <div className="mx-auto flex max-w-4xl items-center justify-between px-4 py-3">
            <Link href="/" className="text-xl font-bold text-ink no-underline" aria-label={t.home}>
              Toile
            </Link>
            <div className="flex gap-4">
              {transfers && (
                <Link href="/transferts" className="text-accent underline">
                  Transferts
                  {transfers.newCount > 0 && (
                    <span className="ms-1 rounded-full bg-accent px-2 text-sm text-white">
                      {transfers.newCount}
                      <span className="sr-only"> nouveau{transfers.newCount > 1 ? "x" : ""}</span>
                    </span>
                  )}
                </Link>
              )}
              <Link href="/compte" className="text-accent underline">
                {t.professionals}
              </Link>
            </div>
          </div>
        </header>
        <main id="contenu" className="mx-auto max-w-4xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}

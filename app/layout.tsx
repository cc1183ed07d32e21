import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Toile", template: "%s · Toile" },
  description: "Qui fait quoi, ici, pour cette personne ? L'offre de médiation numérique et sociale du territoire.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body className="min-h-screen bg-white font-sans text-ink antialiased">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          Aller au contenu
        </a>
        <header className="border-b border-slate-200">
          <div className="mx-auto flex max-w-4xl items-center justify-between px-4 py-3">
            <Link href="/" className="text-xl font-bold text-ink no-underline">
              Toile
            </Link>
            <Link href="/compte" className="text-accent underline">
              Espace professionnel
            </Link>
          </div>
        </header>
        <main id="contenu" className="mx-auto max-w-4xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}

"use client";

/**
 * When even the frame fails (the root layout: its session or header read, e.g. the database out
 * of reach), this replaces the whole document: its own <html> and <body>, the site's stylesheet
 * and header, the same words as app/error.tsx. Error boundaries are client components (Next.js).
 */
import { useEffect, useRef } from "react";
import { ErrorNotice } from "@/components/errors/ErrorNotice";
import "./globals.css";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [error]);
  return (
    <html lang="fr" dir="ltr">
      <body className="min-h-screen bg-white font-sans text-ink antialiased">
        <title>Quelque chose n&apos;a pas marché · Toile</title>
        <header className="site-frame border-b border-slate-200">
          <div className="mx-auto flex max-w-4xl items-center justify-between px-4 py-3">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a whole new page after a failure */}
            <a href="/" className="text-xl font-bold text-ink no-underline" aria-label="Toile, accueil">
              Toile
            </a>
          </div>
        </header>
        <main id="contenu" className="mx-auto max-w-4xl px-4 py-6">
          <ErrorNotice error={error} onRetry={retry} headingRef={heading} />
        </main>
      </body>
    </html>
  );
}

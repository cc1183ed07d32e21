"use client";

/**
 * The friendly 404 of the public pages: what happened in plain words and the way back to the
 * territory's offer (read from the address, since a not-found page gets no parameters; the language comes from the
 * server, see not-found.tsx).
 */
import { usePathname } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { offerMessages } from "@/lib/public-offer/messages";

export function OfferNotFound({ locale }: { locale: Locale }) {
  const pathname = usePathname() ?? "";
  const t = offerMessages(locale);
  const slug = /^\/t\/([^/]+)/.exec(pathname)?.[1];
  const query = locale === "fr" ? "" : `?lang=${locale}`;
  return (
    <>
      <h1 className="text-3xl font-bold">{t.notFoundTitle}</h1>
      <p className="mt-3 text-lg">{t.notFoundText}</p>
      <ul className="mt-4 space-y-2">
        {slug ? (
          <li>
            <a href={`/t/${slug}${query}`} className="text-lg font-semibold text-accent underline">
              {t.notFoundBack}
            </a>
          </li>
        ) : null}
        <li>
          <a href={`/${query}`} className="text-accent underline">
            {t.notFoundHome}
          </a>
        </li>
      </ul>
    </>
  );
}

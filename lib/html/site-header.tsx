/** @jsxImportSource @/lib/html */
/**
 * The frame at the top of every page: the skip link, then the header (Toile, "Transferts" for the
 * people who send, receive or follow transfers, and the professionals' space). Both carry
 * `site-frame`, which print stylesheets hide (app/globals.css). Written once for
 * the React pages (app/layout.tsx, through HtmlBlock) and the results page (a route handler).
 */
import type { SignedInActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { layoutMessages } from "@/lib/i18n/layout-messages";
import { countNewReceived } from "@/lib/transfers/inbox";
import { safeUrl } from "./url";

/** `null`: no "Transferts" link (a resident, or a person who takes no part in transfers). */
export type HeaderTransfers = { newCount: number } | null;

/** "Transferts" for the people who send or receive them (structure members) or follow them (coordinators). */
export async function headerTransfersOf(actor: SignedInActor | null): Promise<HeaderTransfers> {
  if (!actor || (actor.memberships.length === 0 && actor.coordinatedTerritoryIds.length === 0)) return null;
  return { newCount: await countNewReceived(db, actor) };
}

const CONTENT = safeUrl("#contenu");
const HOME = safeUrl("/");
const TRANSFERS = safeUrl("/transferts");
const ACCOUNT = safeUrl("/compte");

export function siteHeader(locale: Locale, transfers: HeaderTransfers) {
  const t = layoutMessages(locale);
  const count = transfers?.newCount ?? 0;
  return (
    <>
      <a href={CONTENT} class="site-frame sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:bg-white focus:p-2">
        {t.skipToContent}
      </a>
      {"\n"}
      <header class="site-frame border-b border-slate-200">
        <div class="mx-auto flex max-w-4xl items-center justify-between px-4 py-3">
          <a href={HOME} class="text-xl font-bold text-ink no-underline" aria-label={t.home}>
            Toile
          </a>
          <div class="flex gap-4">
            {transfers && (
              <a href={TRANSFERS} class="text-accent underline">
                Transferts
                {count > 0 && (
                  <span class="ms-1 rounded-full bg-accent px-2 text-sm text-white">
                    {count}
                    <span class="sr-only"> nouveau{count > 1 ? "x" : ""}</span>
                  </span>
                )}
              </a>
            )}
            <a href={ACCOUNT} class="text-accent underline">
              {t.professionals}
            </a>
          </div>
        </div>
      </header>
    </>
  );
}

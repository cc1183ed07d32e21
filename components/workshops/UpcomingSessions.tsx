/** The offer page's list of its next workshop sessions, with the seats left (no personal data). */
import Link from "next/link";
import type { Locale } from "@/lib/i18n/locales";
import { formatSlot } from "@/lib/resident-booking/present";
import type { UpcomingSession } from "@/lib/workshops/queries";
import { workshopWords } from "@/lib/workshops/words";

export function UpcomingSessions({ sessions, territory, timeZone, locale }: { sessions: UpcomingSession[]; territory: string; timeZone: string; locale: Locale }) {
  if (sessions.length === 0) return null;
  const t = workshopWords(locale);
  const query = locale === "fr" ? "" : `?lang=${locale}`;
  return (
    <section aria-labelledby="ateliers-a-venir" className="space-y-2">
      <h2 id="ateliers-a-venir" className="text-xl font-bold">
        {t.upcoming}
      </h2>
      <ul className="space-y-2">
        {sessions.map((session) => (
          <li key={session.id} className="rounded border border-slate-300 p-3">
            <p className="font-semibold" lang="fr">
              {session.theme}
            </p>
            <p>
              {formatSlot(session.startsAt, timeZone, locale)}
              {session.placeName ? <span lang="fr"> — {session.placeName}</span> : null}
            </p>
            <p>{t.seatsLeft(session.seatsLeft)}</p>
            <Link href={`/t/${encodeURIComponent(territory)}/ateliers/${session.id}${query}`} className="text-accent underline">
              {session.residentsMayAsk ? t.askSeat : t.details}
              <span className="sr-only"> — {session.theme}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

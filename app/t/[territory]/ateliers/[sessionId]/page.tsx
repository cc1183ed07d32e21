/**
 * A workshop session's public page (`/t/<slug>/ateliers/<sessionId>`): theme, when, where,
 * equipment, seats left, and the request form — without an account and without JavaScript. The
 * organiser confirms each request; a full session puts the person on its waiting list.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SeatRequestForm } from "@/components/workshops/SeatRequestForm";
import { localeFrom, type SearchParams } from "@/lib/i18n/locales";
import { formatSlot, formatTime } from "@/lib/resident-booking/present";
import { requestSeatAction } from "@/lib/workshops/actions";
import { loadPublicSession } from "@/lib/workshops/page-data";
import { equipmentWords, workshopWords } from "@/lib/workshops/words";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string; sessionId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { territory, sessionId } = await params;
  const session = await loadPublicSession(territory, sessionId, new Date());
  return { title: session ? `Atelier : ${session.theme}` : "Atelier introuvable" };
}

export default async function WorkshopSessionPage({ params, searchParams }: Props) {
  const { territory: slug, sessionId } = await params;
  const locale = localeFrom((await searchParams).lang);
  const session = await loadPublicSession(slug, sessionId, new Date());
  if (!session) notFound();
  const t = workshopWords(locale);
  const timeZone = session.territory.timeZone;
  const fr = locale === "fr" ? undefined : "fr";
  const query = locale === "fr" ? "" : `?lang=${locale}`;

  return (
    <article className="space-y-6">
      <p>
        <Link href={`/t/${encodeURIComponent(slug)}/offres/${session.offer.id}${query}`} className="text-accent underline" lang={fr}>
          ← {session.offer.title}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">
        {t.pageTitle("")}
        <span lang={fr}>{session.theme}</span>
      </h1>
      {session.description ? (
        <p className="text-lg" lang={fr}>
          {session.description}
        </p>
      ) : null}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t.when}</dt>
        <dd>
          {formatSlot(session.startsAt, timeZone, locale)} – {formatTime(session.endsAt, timeZone, locale)}
        </dd>
        {session.place ? (
          <>
            <dt className="font-semibold">{t.where}</dt>
            <dd lang={fr}>
              {session.place.name}, {session.place.address}, {session.place.postalCode} {session.place.communeName}
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{t.equipment}</dt>
        <dd>{equipmentWords(t, session.equipment)}</dd>
        <dt className="font-semibold">{t.organiser}</dt>
        <dd lang={fr}>{session.structure.name}</dd>
      </dl>
      {session.offer.documentsToBring.length > 0 ? (
        <section aria-labelledby="a-apporter">
          <h2 id="a-apporter" className="text-xl font-bold">
            {t.documents}
          </h2>
          <ul className="list-disc ps-6" lang={fr}>
            {session.offer.documentsToBring.map((document) => (
              <li key={document}>{document}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {session.status === "cancelled" ? (
        <p className="text-lg font-semibold text-red-800">{t.cancelledSession(session.cancelReason)}</p>
      ) : (
        <p className="text-lg font-semibold">{t.seatsLeft(session.seatsLeft)}</p>
      )}

      {session.open ? (
        <section aria-labelledby="demande" className="space-y-3 rounded border border-slate-300 p-4">
          <h2 id="demande" className="text-2xl font-bold">
            {t.formTitle}
          </h2>
          <p>{session.seatsLeft === 0 ? t.full : t.formIntro}</p>
          <SeatRequestForm action={requestSeatAction} locale={locale} territory={slug} sessionId={session.id} />
        </section>
      ) : session.status === "scheduled" ? (
        <p>{t.closedToRequests(session.structure.phone)}</p>
      ) : null}
    </article>
  );
}

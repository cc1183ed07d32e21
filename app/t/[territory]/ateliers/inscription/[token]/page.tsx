/**
 * A resident's private link to their workshop request (`/t/<slug>/ateliers/inscription/<token>`):
 * where it stands (asked, confirmed, waiting, cancelled) and the button to cancel it — the seat
 * then goes to the first person waiting. An unknown token is a 404.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SeatCancelForm } from "@/components/workshops/SeatRequestForm";
import { localeFrom, type SearchParams } from "@/lib/i18n/locales";
import { formatSlot } from "@/lib/resident-booking/present";
import { cancelSeatAction } from "@/lib/workshops/actions";
import { loadSeatRegistration } from "@/lib/workshops/page-data";
import { statusWords, workshopWords } from "@/lib/workshops/words";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string; token: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: "Votre demande de place", robots: { index: false }, referrer: "same-origin" };

export default async function SeatLinkPage({ params, searchParams }: Props) {
  const { territory: slug, token } = await params;
  const query = await searchParams;
  const locale = localeFrom(query.lang);
  const registration = await loadSeatRegistration(slug, token);
  if (!registration) notFound();
  const t = workshopWords(locale);
  const { session } = registration;
  const fr = locale === "fr" ? undefined : "fr";
  const cancellable = ["requested", "confirmed", "waitlisted"].includes(registration.status) && session.status === "scheduled";
  return (
    <article className="space-y-6">
      <h1 className="text-3xl font-bold">{t.linkTitle}</h1>
      {query.fait === "annule" ? (
        <p role="status" className="text-lg font-semibold text-green-800">
          {t.cancelledNow}
        </p>
      ) : null}
      <p className="text-lg font-semibold">
        {session.status === "cancelled" ? t.cancelledSession(session.cancelReason) : statusWords(t, registration.status)}
      </p>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t.workshop}</dt>
        <dd lang={fr}>{session.theme}</dd>
        <dt className="font-semibold">{t.when}</dt>
        <dd>{formatSlot(session.startsAt, session.territory.timeZone, locale)}</dd>
        {session.place ? (
          <>
            <dt className="font-semibold">{t.where}</dt>
            <dd lang={fr}>
              {session.place.name}, {session.place.address}, {session.place.postalCode} {session.place.communeName}
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{t.organiser}</dt>
        <dd lang={fr}>
          {session.structure.name}
          {session.structure.phone ? ` — ${session.structure.phone}` : ""}
        </dd>
      </dl>
      {cancellable ? (
        <>
          <p>{t.keepLink}</p>
          <SeatCancelForm action={cancelSeatAction} locale={locale} territory={slug} token={token} />
        </>
      ) : null}
      <p>
        <Link href={`/t/${encodeURIComponent(slug)}/ateliers/${session.id}${locale === "fr" ? "" : `?lang=${locale}`}`} className="text-accent underline">
          {t.details}
        </Link>
      </p>
    </article>
  );
}

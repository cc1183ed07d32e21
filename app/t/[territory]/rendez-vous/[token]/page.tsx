/**
 * A resident's link (`/t/<slug>/rendez-vous/<token>`, from the booking's confirmation or the
 * waiting list's emails): the appointment — what, when, where, documents to bring — with the
 * buttons to cancel or move it, or to confirm or refuse a slot held for them; or their place on a
 * waiting list, with the button to leave it. An unknown token is a 404.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkCommandForm } from "@/components/resident-booking/LinkCommandForm";
import { hrefInLocale, localeFrom, type SearchParams } from "@/lib/i18n/locales";
import { linkCommandAction } from "@/lib/resident-booking/actions";
import { loadResidentLink } from "@/lib/resident-booking/page-data";
import { formatSlot } from "@/lib/resident-booking/present";
import { bookingWords } from "@/lib/resident-booking/words";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string; token: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: "Votre rendez-vous", robots: { index: false }, referrer: "same-origin" };

export default async function ResidentLinkPage({ params, searchParams }: Props) {
  const { territory: slug, token } = await params;
  const query = await searchParams;
  const locale = localeFrom(query.lang);
  const found = await loadResidentLink(slug, token);
  if (!found) notFound();
  const t = bookingWords(locale);
  const fr = locale === "fr" ? undefined : "fr";
  const done = typeof query.fait === "string" ? query.fait : null;
  const command = (name: "cancel" | "confirm" | "refuse" | "leave", label: string, primary?: boolean) => (
    <LinkCommandForm action={linkCommandAction} locale={locale} territory={slug} token={token} command={name} label={label} primary={primary} />
  );

  if (found.kind === "waitlist") {
    return (
      <article className="space-y-6">
        <h1 className="text-3xl font-bold">{t.waitingTitle}</h1>
        {found.status === "waiting" ? (
          <>
            <p className="text-lg">{t.waitingIntro(found.offer.title)}</p>
            {command("leave", t.leaveWaitlist)}
          </>
        ) : (
          <p role={done ? "status" : undefined} className="text-lg">
            {found.status === "withdrawn" ? t.waitingLeft : t.waitingBooked}
          </p>
        )}
      </article>
    );
  }

  const now = new Date();
  const { offer, place, territory } = found;
  const upcoming = found.startsAt > now;
  const message =
    done === "cancel" ? t.cancelled : done === "confirm" ? t.confirmedHold : done === "refuse" ? t.refusedHold : null;
  return (
    <article className="space-y-6">
      <h1 className="text-3xl font-bold">{t.confirmationTitle}</h1>
      {message ? (
        <p role="status" className="text-lg font-semibold text-green-800">
          {message}
        </p>
      ) : null}
      <p className="text-lg">
        {found.status === "held" && found.holdExpiresAt
          ? t.heldIntro(formatSlot(found.holdExpiresAt, territory.timeZone, locale))
          : found.status === "cancelled"
            ? t.cancelledIntro
            : upcoming
              ? t.bookedIntro
              : t.pastIntro}
      </p>
      <dl className="space-y-3 text-lg">
        {offer ? (
          <div>
            <dt className="font-semibold">{t.what}</dt>
            <dd lang={fr}>
              <a href={hrefInLocale(`/t/${territory.slug}/offres/${offer.id}`, {}, locale)} className="text-accent underline">
                {offer.title}
              </a>{" "}
              — {offer.structure.name}
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="font-semibold">{t.when}</dt>
          <dd>{formatSlot(found.startsAt, territory.timeZone, locale)}</dd>
        </div>
        {place ? (
          <div>
            <dt className="font-semibold">{t.where}</dt>
            <dd lang={fr}>
              <address className="not-italic">
                {place.name}
                <span className="block">{place.address}</span>
                {place.addressComplement ? <span className="block">{place.addressComplement}</span> : null}
                <span className="block">
                  {place.postalCode} {place.communeName}
                </span>
              </address>
            </dd>
          </div>
        ) : null}
      </dl>
      {offer && offer.documentsToBring.length > 0 && found.status !== "cancelled" ? (
        <section aria-labelledby="documents">
          <h2 id="documents" className="text-2xl font-bold">
            {t.documents}
          </h2>
          <ul className="mt-2 list-disc ps-5 text-lg" lang={fr}>
            {offer.documentsToBring.map((document) => (
              <li key={document}>{document}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {found.status === "held" && upcoming ? (
        <div className="flex flex-wrap gap-4">
          {command("confirm", t.confirmHold, true)}
          {command("refuse", t.refuseHold)}
        </div>
      ) : null}
      {found.status === "booked" && upcoming ? (
        <>
          <p>{t.keepLink}</p>
          <div className="flex flex-wrap items-start gap-4">
            {command("cancel", t.cancel)}
            <a href={hrefInLocale(`/t/${territory.slug}/rendez-vous/${token}/deplacer`, {}, locale)} className="rounded border-2 border-accent px-4 py-2 font-semibold text-accent">
              {t.move}
            </a>
          </div>
          <p>
            <a href={`/calendrier/r/${territory.slug}/${token}.ics`} className="text-accent underline">
              {t.addToCalendar}
            </a>
          </p>
        </>
      ) : null}
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { LinkUnusable } from "@/components/campaigns/LinkUnusable";
import { ReviewItemActions, ConfirmAllForm, TemporaryHoursForm } from "@/components/campaigns/ReviewForms";
import { clientIp } from "@/lib/auth/client-address";
import { confirmThroughLinkAction, removeOfferThroughLinkAction, temporaryHoursThroughLinkAction } from "@/lib/campaigns/review-actions";
import { loadReviewPage } from "@/lib/campaigns/page-data";
import { formatDay } from "@/lib/hours/format";
import { localTime } from "@/lib/hours/rules";

export const metadata: Metadata = { title: "Mettre à jour vos informations", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

const ANSWER_WORDS = {
  unchanged: "Confirmé à jour",
  changed: "Corrigé",
  removed: "Retirée",
  temporary: "Horaires de la période indiqués",
} as const;

export default async function ReviewPage({ params }: Props) {
  const { token } = await params;
  const page = await loadReviewPage(token, clientIp(await headers()));
  if (!page.usable) return <LinkUnusable access={page.access} />;
  const { target, items, answers } = page;
  const { timeZone } = target.territory;
  const day = (instant: Date) => formatDay(localTime(instant, timeZone).date);
  const lastDay = formatDay(localTime(new Date(target.endsAt.getTime() - 1), timeZone).date);
  const answerOf = (kind: "structure" | "place" | "offer", id: string) => answers.get(`${kind}:${id}`);
  const answered = (kind: "structure" | "place" | "offer", id: string) => {
    const answer = answerOf(kind, id);
    return answer ? (
      <p className="font-semibold text-green-800" data-testid="reponse">
        ✓ {ANSWER_WORDS[answer.answer]} le {day(answer.answeredAt)}
      </p>
    ) : (
      <p className="text-slate-700" data-testid="reponse">
        Pas encore de réponse
      </p>
    );
  };
  const total = 1 + items.places.length + items.offers.length;
  const done = [["structure", items.id] as const, ...items.places.map((place) => ["place", place.id] as const), ...items.offers.map((offer) => ["offer", offer.id] as const)].filter(
    ([kind, id]) => answerOf(kind, id),
  ).length;
  const period =
    target.campaign.temporaryFrom && target.campaign.temporaryUntil
      ? { from: target.campaign.temporaryFrom.toISOString().slice(0, 10), until: target.campaign.temporaryUntil.toISOString().slice(0, 10) }
      : null;
  const base = `/mise-a-jour/${token}`;
  // Bound on the server to the link's secret: each action opens the link again (lib/campaigns/link-action.ts).
  const confirm = confirmThroughLinkAction.bind(null, token);
  const remove = removeOfferThroughLinkAction.bind(null, token);

  return (
    <>
      <h1 className="text-3xl font-bold">Mise à jour : {target.structureName}</h1>
      <p className="mt-2 max-w-3xl">
        Le réseau {target.territory.name} vous demande de vérifier vos informations (« {target.campaign.title} ») avant le {lastDay} inclus. Pour chaque
        élément : « Rien n&apos;a changé » en un clic, ou corrigez-le. Pas besoin de compte.
      </p>
      {target.message && <p className="mt-2 max-w-3xl whitespace-pre-line rounded border border-slate-300 bg-slate-50 p-3">{target.message}</p>}
      {period && (
        <p className="mt-2 max-w-3xl rounded border border-amber-700 bg-amber-50 p-3">
          Cette campagne porte aussi sur vos horaires du {formatDay(period.from)} au {formatDay(period.until)} : indiquez-les pour chacun de vos lieux.
        </p>
      )}
      <p className="mt-3 font-semibold" role="status" data-testid="progression">
        {done} élément{done > 1 ? "s" : ""} sur {total} vérifié{done > 1 ? "s" : ""}.
      </p>
      {done < total && <ConfirmAllForm action={confirm} />}

      <section aria-labelledby="revue-structure" className="mt-6 rounded border border-slate-300 p-4" data-testid="element">
        <h2 id="revue-structure" className="text-2xl font-semibold">
          Votre structure
        </h2>
        <dl className="mt-2 grid max-w-2xl grid-cols-[auto_1fr] gap-x-4">
          <dt className="font-medium">Nom</dt>
          <dd>{items.name}</dd>
          <dt className="font-medium">Courriel</dt>
          <dd>{items.email ?? "—"}</dd>
          <dt className="font-medium">Téléphone</dt>
          <dd>{items.phone ?? "—"}</dd>
          <dt className="font-medium">Site web</dt>
          <dd>{items.website ?? "—"}</dd>
        </dl>
        {answered("structure", items.id)}
        <ReviewItemActions confirm={confirm} kind="structure" itemId={items.id} name="la fiche de la structure" correctHref={`${base}/structure`} correctLabel="Corriger la fiche" />
      </section>

      <section aria-labelledby="revue-lieux" className="mt-6">
        <h2 id="revue-lieux" className="text-2xl font-semibold">
          Vos lieux et leurs horaires
        </h2>
        {items.places.length === 0 && <p className="mt-2">Aucun lieu.</p>}
        {items.places.map((place) => (
          <article key={place.id} aria-labelledby={`lieu-${place.id}`} className="mt-3 rounded border border-slate-300 p-4" data-testid="element">
            <h3 id={`lieu-${place.id}`} className="text-xl font-semibold">
              {place.name}
            </h3>
            <p>
              {place.address}, {place.postalCode} {place.communeName}
            </p>
            <p>
              <span className="font-medium">Horaires :</span> {place.hours}
            </p>
            {answered("place", place.id)}
            <ReviewItemActions confirm={confirm} kind="place" itemId={place.id} name={`le lieu « ${place.name} »`} correctHref={`${base}/lieux/${place.id}`} correctLabel="Corriger l'adresse ou l'accès" />
            <p className="mt-2">
              <Link href={`${base}/horaires/lieu/${place.id}`} className="text-accent underline">
                Corriger les horaires<span className="sr-only"> : le lieu « {place.name} »</span>
              </Link>
            </p>
            {period && <TemporaryHoursForm action={temporaryHoursThroughLinkAction.bind(null, token)} placeId={place.id} placeName={place.name} from={formatDay(period.from)} until={formatDay(period.until)} />}
          </article>
        ))}
      </section>

      <section aria-labelledby="revue-offres" className="mt-6">
        <h2 id="revue-offres" className="text-2xl font-semibold">
          Vos offres
        </h2>
        {items.offers.length === 0 && <p className="mt-2">Aucune offre.</p>}
        {items.offers.map((offer) => (
          <article key={offer.id} aria-labelledby={`offre-${offer.id}`} className="mt-3 rounded border border-slate-300 p-4" data-testid="element">
            <h3 id={`offre-${offer.id}`} className="text-xl font-semibold">
              {offer.title}
            </h3>
            <p className="text-slate-700">
              {offer.status === "published" ? "Publiée" : "Brouillon (le public ne la voit pas)"}
              {offer.places.length > 0 && ` — ${offer.places.map(({ place }) => place.name).join(", ")}`}
              {offer.lastVerifiedAt ? ` — vérifiée le ${day(offer.lastVerifiedAt)}` : " — jamais vérifiée"}
            </p>
            {answered("offer", offer.id)}
            <ReviewItemActions
              confirm={confirm}
              remove={remove}
              kind="offer"
              itemId={offer.id}
              name={`l'offre « ${offer.title} »`}
              correctHref={`${base}/offres/${offer.id}`}
              correctLabel="Corriger l'offre"
            />
            {offer.places.length === 0 && (
              <p className="mt-1">
                <Link href={`${base}/horaires/offre/${offer.id}`} className="text-accent underline">
                  Corriger les horaires de cette offre
                </Link>
              </p>
            )}
          </article>
        ))}
      </section>
      {done < total && <ConfirmAllForm action={confirm} />}
    </>
  );
}

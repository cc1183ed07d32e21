import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { LinkUnusable } from "@/components/campaigns/LinkUnusable";
import { HoursEditor } from "@/components/hours/HoursEditor";
import { clientIp } from "@/lib/auth/client-address";
import { loadReviewHoursPage } from "@/lib/campaigns/page-data";
import { saveHoursThroughLinkAction } from "@/lib/campaigns/review-actions";
import { formValuesFromHours } from "@/lib/hours/form-values";

export const metadata: Metadata = { title: "Corriger des horaires", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string; kind: string; itemId: string }> };

/** The hours editor of the workspace, through an update campaign's link: a place's hours (`lieu`) or an offer's own (`offre`, an offer with no place). */
export default async function ReviewHoursPage({ params }: Props) {
  const { token, kind, itemId } = await params;
  if (kind !== "lieu" && kind !== "offre") notFound();
  const owner = kind === "lieu" ? ({ kind: "place", placeId: itemId } as const) : ({ kind: "offer", offerId: itemId } as const);
  const page = await loadReviewHoursPage(token, clientIp(await headers()), owner);
  if (!page) notFound();
  if (!page.usable) return <LinkUnusable access={page.access} />;
  const { target, loaded } = page;
  const defaults = formValuesFromHours({
    structureId: target.structureId,
    version: loaded.version,
    owner,
    ...loaded.hours,
    publicHolidays: owner.kind === "place" ? loaded.hours.publicHolidays ?? "closed" : "unknown",
  });
  return (
    <>
      <p>
        <Link href={`/mise-a-jour/${token}`} className="text-accent underline">
          ← Retour à la mise à jour de {target.structureName}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Horaires : {loaded.target.placeName ?? loaded.target.offerTitle}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Les jours et heures d&apos;ouverture au public, et les fermetures prévues (congés, travaux). Enregistrer compte comme votre réponse.
      </p>
      <HoursEditor action={saveHoursThroughLinkAction.bind(null, token)} defaults={defaults} saved={loaded.description} />
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OfferCard } from "@/components/OfferCard";
import { isStale } from "@/lib/offers/rules";
import { getTerritoryOffers } from "@/lib/offers/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getTerritoryOffers((await params).territory);
  return { title: data ? `L'offre de ${data.territory.name}` : "Territoire introuvable" };
}

export default async function TerritoryPage({ params }: Props) {
  const data = await getTerritoryOffers((await params).territory);
  if (!data) notFound();
  const { territory, offers } = data;
  const now = new Date();
  return (
    <>
      <h1 className="text-3xl font-bold">{territory.name}</h1>
      <p className="mt-2 text-lg text-slate-700">
        {offers.length} offre{offers.length > 1 ? "s" : ""} d&apos;aide au numérique et aux démarches.
      </p>
      <ul className="mt-6 space-y-4">
        {offers.map((offer) => (
          <li key={offer.id}>
            <OfferCard
              offer={offer}
              isStale={isStale(offer.lastVerifiedAt, territory.staleAfterMonths, now)}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

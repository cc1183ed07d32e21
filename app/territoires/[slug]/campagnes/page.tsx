import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LaunchCampaignForm } from "@/components/campaigns/LaunchCampaignForm";
import { requireActor } from "@/lib/auth/session";
import { launchCampaignAction } from "@/lib/campaigns/actions";
import { loadCampaignsPage } from "@/lib/campaigns/page-data";
import { addDays } from "@/lib/hours/holidays";
import { formatDay } from "@/lib/hours/format";
import { localTime } from "@/lib/hours/rules";

export const metadata: Metadata = { title: "Campagnes de mise à jour" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const DEFAULT_DAYS = 21;

export default async function CampaignsPage({ params }: Props) {
  const { slug } = await params;
  const actor = await requireActor(`/territoires/${slug}/campagnes`);
  const page = await loadCampaignsPage(actor, slug);
  if (!page) notFound();
  const { territory, campaigns, structures } = page;
  const today = localTime(new Date(), territory.timeZone).date;
  const lastDay = (endsAt: Date) => formatDay(localTime(new Date(endsAt.getTime() - 1), territory.timeZone).date);
  return (
    <>
      <p>
        <Link href={`/territoires/${territory.slug}`} className="text-accent underline">
          ← {territory.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Campagnes de mise à jour</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Chaque structure interrogée reçoit un lien, sans compte à créer, vers ses offres, lieux et horaires : « rien n&apos;a changé » en un clic, ou une
        correction. Vous suivez les réponses ici ; à la fin, les offres restées sans réponse sont signalées au public.
      </p>

      <section aria-labelledby="campagnes-liste" className="mt-6">
        <h2 id="campagnes-liste" className="text-2xl font-semibold">
          Campagnes
        </h2>
        {campaigns.length === 0 ? (
          <p className="mt-2">Aucune campagne pour l&apos;instant.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {campaigns.map((campaign) => (
              <li key={campaign.id}>
                <Link href={`/territoires/${territory.slug}/campagnes/${campaign.id}`} className="text-accent underline">
                  {campaign.title}
                </Link>{" "}
                — {campaign.asked} structure{campaign.asked > 1 ? "s" : ""},{" "}
                {campaign.open ? `en cours jusqu'au ${lastDay(campaign.endsAt)} inclus` : `terminée le ${lastDay(campaign.closedAt ?? campaign.endsAt)}`}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="campagne-nouvelle" className="mt-8">
        <h2 id="campagne-nouvelle" className="text-2xl font-semibold">
          Lancer une campagne
        </h2>
        <LaunchCampaignForm
          action={launchCampaignAction}
          structures={structures}
          defaults={{
            territoryId: territory.id,
            title: "",
            message: "",
            scope: "stale",
            structureIds: [],
            endsOn: addDays(today, DEFAULT_DAYS),
            temporary: false,
            temporaryFrom: "",
            temporaryUntil: "",
            reminderAfterDays: "7",
            maxReminders: "2",
          }}
        />
      </section>
    </>
  );
}

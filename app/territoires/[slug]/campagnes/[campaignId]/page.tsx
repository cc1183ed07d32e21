import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignCommand, IssueLinkForm } from "@/components/campaigns/CampaignCommands";
import { requireActor } from "@/lib/auth/session";
import { closeCampaignAction, issueLinkAction, remindNowAction, revokeLinksAction } from "@/lib/campaigns/actions";
import { loadCampaignPage } from "@/lib/campaigns/page-data";
import type { TargetState } from "@/lib/campaigns/rules";
import { formatDay } from "@/lib/hours/format";
import { localTime } from "@/lib/hours/rules";

export const metadata: Metadata = { title: "Campagne de mise à jour" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; campaignId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const STATE_WORDS: Record<TargetState, string> = {
  no_answer: "Pas de réponse",
  in_progress: "Réponse en cours",
  answered_unchanged: "A répondu : rien n'a changé",
  answered_changed: "A répondu : avec des changements",
};

export default async function CampaignPage({ params, searchParams }: Props) {
  const { slug, campaignId } = await params;
  const actor = await requireActor(`/territoires/${slug}/campagnes/${campaignId}`);
  const page = await loadCampaignPage(actor, slug, campaignId);
  if (!page) notFound();
  const { territory, campaign, counts, lines, queued, noRecipient, failedEmails } = page;
  const query = await searchParams;
  const launched = Number(query.lancee);
  const flagged = typeof query.close === "string" ? Number(query.close) : null;
  const day = (instant: Date) => formatDay(localTime(new Date(instant.getTime() - 1), territory.timeZone).date);
  const ids = { territoryId: territory.id, campaignId: campaign.id };
  const summary: [string, number][] = [
    ["Structures interrogées", counts.asked],
    ["Ont répondu", counts.answered],
    ["… avec des changements", counts.changed],
    ["… rien n'a changé", counts.unchanged],
    ["Réponse en cours", counts.inProgress],
    ["Pas de réponse", counts.noAnswer],
  ];
  return (
    <>
      <p>
        <Link href={`/territoires/${territory.slug}/campagnes`} className="text-accent underline">
          ← Campagnes de mise à jour
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Campagne : {campaign.title}</h1>
      {launched > 0 && (
        <p role="status" className="mt-2 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          Campagne lancée : {launched} structure{launched > 1 ? "s" : ""} interrogée{launched > 1 ? "s" : ""}. Les courriels partent dans les minutes qui viennent.
        </p>
      )}
      {flagged !== null && !campaign.open && (
        <p role="status" className="mt-2 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          Campagne close : les liens ne fonctionnent plus. {flagged} offre{flagged > 1 ? "s" : ""} non confirmée{flagged > 1 ? "s" : ""}{" "}
          {flagged > 1 ? "sont signalées" : "est signalée"} au public comme « informations non vérifiées ».
        </p>
      )}
      <p className="mt-2">
        {campaign.open ? `En cours jusqu'au ${day(campaign.endsAt)} inclus.` : `Terminée le ${day(campaign.closedAt ?? campaign.endsAt)} : les liens ne fonctionnent plus.`}{" "}
        Relance après {campaign.reminderAfterDays} jour{campaign.reminderAfterDays > 1 ? "s" : ""} sans réponse complète, {campaign.maxReminders} fois au plus.
        {campaign.temporaryFrom && campaign.temporaryUntil && (
          <> Horaires demandés pour la période du {formatDay(campaign.temporaryFrom.toISOString().slice(0, 10))} au {formatDay(campaign.temporaryUntil.toISOString().slice(0, 10))}.</>
        )}
      </p>

      <section aria-labelledby="campagne-avancement" className="mt-4">
        <h2 id="campagne-avancement" className="text-2xl font-semibold">
          Avancement
        </h2>
        <dl className="mt-2 grid max-w-xl grid-cols-2 gap-x-4 gap-y-1" data-testid="campagne-comptes">
          {summary.map(([label, value]) => (
            <div key={label} className="contents">
              <dt>{label}</dt>
              <dd className="font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
        {(queued > 0 || noRecipient > 0 || failedEmails > 0) && (
          <ul className="mt-2 list-disc pl-6">
            {queued > 0 && <li>{queued} lien{queued > 1 ? "s" : ""} en cours d&apos;écriture.</li>}
            {noRecipient > 0 && (
              <li>
                {noRecipient} structure{noRecipient > 1 ? "s" : ""} sans aucune adresse : créez-leur un lien ci-dessous et transmettez-le autrement (téléphone,
                visite).
              </li>
            )}
            {failedEmails > 0 && <li className="font-semibold text-red-800">{failedEmails} courriel{failedEmails > 1 ? "s" : ""} en échec : voir le détail ci-dessous.</li>}
          </ul>
        )}
        {campaign.open && (
          <div className="mt-3 flex flex-wrap items-start gap-4">
            <CampaignCommand action={remindNowAction} label="Relancer maintenant les structures sans réponse complète" ids={ids} />
            <CampaignCommand action={closeCampaignAction} label="Clore la campagne" ids={ids} />
          </div>
        )}
      </section>

      <table className="mt-6 w-full border-collapse text-left">
        <caption className="text-left text-2xl font-semibold">Structures</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-2 pr-3">Structure</th>
            <th scope="col" className="py-2 pr-3">Réponse</th>
            <th scope="col" className="py-2 pr-3">Envoi</th>
            <th scope="col" className="py-2">Lien</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className="border-b border-slate-200 align-top" data-testid="campagne-structure">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/structures/${line.structureId}`} className="text-accent underline">
                  {line.structureName}
                </Link>
              </th>
              <td className="py-2 pr-3">
                {STATE_WORDS[line.state]}
                <br />
                <span className="text-sm text-slate-700">
                  {Math.min(line.answered, line.items)} élément{line.items > 1 ? "s" : ""} sur {line.items}
                  {line.changedItems > 0 && `, ${line.changedItems} modifié${line.changedItems > 1 ? "s" : ""} ou retiré${line.changedItems > 1 ? "s" : ""}`}
                </span>
              </td>
              <td className="py-2 pr-3 text-sm">
                {line.delivery === "queued" && "En attente d'envoi"}
                {line.delivery === "no_recipient" && <strong>Aucune adresse</strong>}
                {line.delivery === "sent" && <>Envoyé à {line.recipients.join(", ")}</>}
                {line.remindersSent > 0 && (
                  <>
                    <br />
                    {line.remindersSent} relance{line.remindersSent > 1 ? "s" : ""}
                  </>
                )}
                {line.pendingEmails > 0 && (
                  <>
                    <br />
                    {line.pendingEmails} courriel{line.pendingEmails > 1 ? "s" : ""} en file d&apos;attente
                  </>
                )}
                {(line.failed ?? []).map((failure, index) => (
                  <p key={index} className="font-semibold text-red-800">
                    Échec vers {failure.to} : {failure.error ?? "refusé"}
                  </p>
                ))}
              </td>
              <td className="py-2">
                {campaign.open && (
                  <div className="space-y-2">
                    <IssueLinkForm action={issueLinkAction} ids={{ ...ids, targetId: line.id }} structureName={line.structureName} />
                    <CampaignCommand action={revokeLinksAction} label={`Révoquer les liens de ${line.structureName}`} ids={{ ...ids, targetId: line.id }} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

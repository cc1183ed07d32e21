import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicationDecisions } from "@/components/newcomers/ApplicationDecisions";
import { requireActor } from "@/lib/auth/session";
import { formatDay } from "@/lib/hours/format";
import { localTime } from "@/lib/hours/rules";
import { decideApplicationAction } from "@/lib/newcomers/actions";
import { REASON_WORDS } from "@/lib/newcomers/duplicates";
import { loadNewcomersPage } from "@/lib/newcomers/page-data";

export const metadata: Metadata = { title: "Nouvelles structures" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE = { merged: "Demande rapprochée de la structure existante.", refused: "Demande refusée ; le motif est envoyé à la personne." } as const;

export default async function NewcomersPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const decision = (await searchParams).decision;
  const done = decision === "merged" || decision === "refused" ? DONE[decision] : null;
  const actor = await requireActor(`/territoires/${slug}/nouvelles-structures`);
  const page = await loadNewcomersPage(actor, slug);
  if (!page) notFound();
  const { territory, applications } = page;
  return (
    <>
      <p>
        <Link href={`/territoires/${territory.slug}`} className="text-accent underline">
          ← {territory.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Nouvelles structures</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Les structures qui demandent à apparaître dans l&apos;offre, depuis le lien « Votre structure n&apos;est pas dans l&apos;annuaire ? » de la page
        publique. Rien n&apos;est publié avant votre décision.
      </p>
      {done && (
        <p role="status" className="mt-3 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {done}
        </p>
      )}
      {applications.length === 0 && <p className="mt-4">Aucune demande en attente.</p>}
      {applications.map(({ application, duplicates }) => (
        <article key={application.id} aria-labelledby={`demande-${application.id}`} className="mt-4 rounded border border-slate-300 p-4">
          <h2 id={`demande-${application.id}`} className="text-xl font-semibold">
            {application.name}
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4">
            <dt className="font-medium">Reçue le</dt>
            <dd>{formatDay(localTime(application.createdAt, "Europe/Paris").date)}</dd>
            <dt className="font-medium">Identifiant</dt>
            <dd>{application.identifierType ? `${application.identifierType} ${application.identifierValue}` : "—"}</dd>
            <dt className="font-medium">Adresse</dt>
            <dd>
              {application.address}, {application.postalCode} {application.communeName}
            </dd>
            <dt className="font-medium">Ce qu&apos;elle propose</dt>
            <dd className="whitespace-pre-line">{application.offers}</dd>
            <dt className="font-medium">Contact</dt>
            <dd>
              {application.contactName}, {application.contactEmail}
              {application.contactPhone ? `, ${application.contactPhone}` : ""}
            </dd>
          </dl>
          {duplicates.length > 0 ? (
            <div className="mt-3 rounded border border-amber-700 bg-amber-50 p-3" data-testid="doublons">
              <h3 className="font-semibold">Peut-être déjà dans la matrice</h3>
              <ul className="list-disc ps-6">
                {duplicates.map(({ structure, reasons }) => (
                  <li key={structure.id}>
                    <Link href={`/structures/${structure.id}`} className="text-accent underline">
                      {structure.name}
                    </Link>{" "}
                    : {reasons.map((reason) => REASON_WORDS[reason]).join(", ")}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="mt-3">Aucune structure ressemblante dans la matrice.</p>
          )}
          <ApplicationDecisions
            action={decideApplicationAction}
            territoryId={territory.id}
            applicationId={application.id}
            name={application.name}
            structures={[
              ...duplicates.map(({ structure }) => structure),
              ...page.structures.filter((structure) => !duplicates.some((duplicate) => duplicate.structure.id === structure.id)),
            ].map(({ id, name }) => ({ id, name }))}
          />
        </article>
      ))}
    </>
  );
}

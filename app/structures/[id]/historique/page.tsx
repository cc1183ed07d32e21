import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { loadStructureHistoryPage } from "@/lib/structures/page-data";

export const metadata: Metadata = { title: "Historique de la structure" };
export const dynamic = "force-dynamic";

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

type Props = { params: Promise<{ id: string }> };

export default async function StructureHistoryPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/historique`);
  const page = await loadStructureHistoryPage(actor, id);
  if (!page) notFound();
  const { structure, history } = page;
  return (
    <>
      <h1 className="text-3xl font-bold">{structure.name}</h1>
      <p className="mt-1 text-slate-700">Historique : qui a modifié ou confirmé quoi, et quand.</p>
      {history.length === 0 ? (
        <p className="mt-4">Rien n&apos;a encore été modifié ni confirmé dans Toile.</p>
      ) : (
        <ol className="mt-4 space-y-2">
          {history.map((record) => (
            <li key={record.id}>
              <time dateTime={record.createdAt.toISOString()}>{dateTime.format(record.createdAt)}</time> —{" "}
              {record.summary}
              {record.actor ? `, par ${record.actor.name ?? record.actor.email}` : ""}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

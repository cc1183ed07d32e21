import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OpenSheetForm } from "@/components/permanences/SheetForms";
import { requireActor } from "@/lib/auth/session";
import { openSheetAction } from "@/lib/permanences/actions";
import { loadPermanencesPage } from "@/lib/permanences/page-data";
import type { OccurrenceItem } from "@/lib/permanences/queries";

export const metadata: Metadata = { title: "Permanences" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

function OccurrenceList({ items, empty }: { items: OccurrenceItem[]; empty: string }) {
  if (items.length === 0) return <p className="mt-2 text-slate-700">{empty}</p>;
  return (
    <ul className="mt-2 space-y-3">
      {items.map((item) => (
        <li key={item.key} className="rounded border border-slate-300 p-3">
          <p className="font-semibold">{item.title}</p>
          <p>
            {item.offerTitle} — {item.placeName}
          </p>
          <p className="text-slate-700">
            {item.role === "holds" ? `Tenue par vous, accueillie par ${item.hostName}` : `Tenue par ${item.holderName}, accueillie chez vous`}
            {item.sheet ? ` · ${item.sheet.lines} ligne${item.sheet.lines > 1 ? "s" : ""} sur la feuille` : ""}
          </p>
          <div className="mt-2">
            {item.sheet ? (
              <Link href={`/feuilles/${item.sheet.id}`} className="font-semibold text-accent underline">
                Ouvrir la feuille<span className="sr-only"> du {item.title}, {item.placeName}</span>
              </Link>
            ) : (
              <OpenSheetForm action={openSheetAction} offerId={item.offerId} placeId={item.placeId} date={item.date} startMinute={item.startMinute} label="Ouvrir la feuille" />
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

export default async function PermanencesPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/permanences`);
  const page = await loadPermanencesPage(actor, id);
  if (!page) notFound();
  const { structure } = page;
  return (
    <>
      <p>
        <Link href={`/structures/${structure.id}`} className="text-accent underline">
          ← {structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Permanences</h1>
      <p className="mt-1 text-slate-700">
        Les permanences que {structure.name} tient chez un partenaire, ou accueille dans ses lieux. La structure qui tient la permanence et celle qui
        l&apos;accueille voient et tiennent la même feuille d&apos;inscription.
      </p>
      {page.permanences === 0 ? (
        <p className="mt-4">Aucune permanence : une offre tenue dans le lieu d&apos;une autre structure en est une.</p>
      ) : (
        <>
          <section aria-labelledby="a-venir">
            <h2 id="a-venir" className="mt-6 text-2xl font-semibold">
              Les quatre prochaines semaines
            </h2>
            <OccurrenceList items={page.coming} empty="Aucune permanence prévue (fermetures ou jours fériés)." />
          </section>
          <section aria-labelledby="passees">
            <h2 id="passees" className="mt-8 text-2xl font-semibold">
              Les deux dernières semaines
            </h2>
            <p className="text-slate-700">Pour noter la suite donnée à chaque demande.</p>
            <OccurrenceList items={page.past} empty="Aucune permanence ces deux dernières semaines." />
          </section>
        </>
      )}
    </>
  );
}

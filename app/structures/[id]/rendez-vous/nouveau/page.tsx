import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppointmentForm, FieldMessage } from "@/components/appointments/AppointmentForm";
import { SlotPicker } from "@/components/appointments/SlotPicker";
import { bookForStructureAction } from "@/lib/appointments/actions";
import { loadNewAppointmentPage } from "@/lib/appointments/page-data";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Prendre un rendez-vous" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
const inputClass = "mt-1 w-full max-w-md rounded border border-slate-500 px-3 py-2";

export default async function NewAppointmentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requireActor(`/structures/${id}/rendez-vous`);
  const page = await loadNewAppointmentPage(actor, id, { offre: one(search.offre), depuis: one(search.depuis), serie: one(search.serie) });
  if (!page) notFound();
  const { structure, offer } = page;
  return (
    <>
      <p>
        <Link href={`/structures/${structure.id}/rendez-vous`} className="text-accent underline">
          ← Rendez-vous
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">
        {page.series ? "Réserver une séance" : "Prendre un rendez-vous"} — {offer.title}
      </h1>
      <div className="mt-4">
        <AppointmentForm action={bookForStructureAction} submitLabel="Prendre ce rendez-vous">
          <input type="hidden" name="structureId" value={structure.id} />
          <input type="hidden" name="offerId" value={offer.id} />
          <input type="hidden" name="idempotencyKey" value={page.idempotencyKey} />
          {page.series && <input type="hidden" name="seriesId" value={page.series.id} />}
          <SlotPicker
            days={page.days}
            nextHref={`/structures/${structure.id}/rendez-vous/nouveau?offre=${offer.id}&depuis=${page.next}${page.series ? `&serie=${page.series.id}` : ""}`}
          />
          <div>
            <label htmlFor="personLabel" className="block font-medium">
              Prénom ou surnom de la personne
            </label>
            <input id="personLabel" name="personLabel" autoComplete="off" defaultValue={page.series?.personLabel ?? undefined} className={inputClass} />
            <FieldMessage name="personLabel" />
          </div>
          <div>
            <label htmlFor="requestNote" className="block font-medium">
              En quelques mots (facultatif)
            </label>
            <textarea id="requestNote" name="requestNote" rows={2} className={inputClass} />
            <FieldMessage name="requestNote" />
          </div>
          <fieldset className="rounded border border-slate-300 p-3">
            <legend className="font-medium">Coordonnées (seulement avec l&apos;accord de la personne)</legend>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="consent" />
              La personne accepte que nous gardions ses coordonnées pour ce rendez-vous.
            </label>
            <FieldMessage name="consent" />
            <label htmlFor="phone" className="mt-2 block">
              Téléphone
            </label>
            <input id="phone" name="phone" type="tel" autoComplete="off" className={inputClass} />
            <label htmlFor="email" className="mt-2 block">
              Courriel
            </label>
            <input id="email" name="email" type="email" autoComplete="off" className={inputClass} />
            <FieldMessage name="email" />
          </fieldset>
        </AppointmentForm>
      </div>
    </>
  );
}

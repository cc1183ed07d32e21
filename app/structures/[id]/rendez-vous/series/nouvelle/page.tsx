import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppointmentForm, FieldMessage } from "@/components/appointments/AppointmentForm";
import { createSeriesAction } from "@/lib/appointments/actions";
import { loadNewSeriesPage } from "@/lib/appointments/page-data";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Nouvelle série « usages »" };
export const dynamic = "force-dynamic";

const inputClass = "mt-1 w-full max-w-md rounded border border-slate-500 px-3 py-2";

export default async function NewSeriesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requireActor(`/structures/${id}/rendez-vous/series/nouvelle`);
  const page = await loadNewSeriesPage(actor, id);
  if (!page) notFound();
  const { structure, skills, offers } = page;
  return (
    <>
      <p>
        <Link href={`/structures/${structure.id}/rendez-vous`} className="text-accent underline">
          ← Rendez-vous
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Nouvelle série « usages »</h1>
      <p className="mt-1 max-w-prose">Plusieurs séances pour qu&apos;une personne apprenne à se servir de ses outils : choisissez les compétences à travailler.</p>
      <div className="mt-4">
        <AppointmentForm action={createSeriesAction} submitLabel="Créer la série">
          <input type="hidden" name="structureId" value={structure.id} />
          {typeof search.transfert === "string" && <input type="hidden" name="transferId" value={search.transfert} />}
          <div>
            <label htmlFor="personLabel" className="block font-medium">
              Prénom ou surnom de la personne
            </label>
            <input id="personLabel" name="personLabel" autoComplete="off" className={inputClass} />
            <FieldMessage name="personLabel" />
          </div>
          <div>
            <label htmlFor="plannedSessions" className="block font-medium">
              Nombre de séances prévues (1 à 20)
            </label>
            <input id="plannedSessions" name="plannedSessions" type="number" min={1} max={20} defaultValue={4} className="mt-1 w-24 rounded border border-slate-500 px-3 py-2" />
            <FieldMessage name="plannedSessions" />
          </div>
          <div>
            <label htmlFor="offerId" className="block font-medium">
              Offre des séances
            </label>
            <select id="offerId" name="offerId" className="mt-1 rounded border border-slate-500 px-3 py-2">
              {offers.map((offer) => (
                <option key={offer.id} value={offer.id}>
                  {offer.title}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="font-medium">Compétences à travailler</legend>
            {skills.map((skill) => (
              <label key={skill.id} className="mt-1 flex items-center gap-2">
                <input type="checkbox" name="skillIds" value={skill.id} />
                {skill.label}
              </label>
            ))}
            <FieldMessage name="skillIds" />
          </fieldset>
        </AppointmentForm>
      </div>
    </>
  );
}

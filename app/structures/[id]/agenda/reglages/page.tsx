import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgendaNav } from "@/components/agenda/AgendaNav";
import { SettingsForm } from "@/components/agenda/SettingsForm";
import { saveAgendaSettingsAction } from "@/lib/agenda/actions";
import { loadAgendaSettingsPage } from "@/lib/agenda/page-data";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Réglages de l'agenda" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function AgendaSettingsPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/agenda/reglages`);
  const structure = await loadAgendaSettingsPage(actor, id);
  if (!structure) notFound();
  return (
    <>
      <AgendaNav structureId={structure.id} structureName={structure.name} mayEdit />
      <h1 className="mt-2 text-3xl font-bold">Réglages de l&apos;agenda</h1>
      <SettingsForm
        action={saveAgendaSettingsAction}
        defaults={{
          structureId: structure.id,
          halfDaysPerWeek: structure.appointmentHalfDaysPerWeek === null ? "" : String(structure.appointmentHalfDaysPerWeek),
          residentsBookOnline: structure.residentsBookOnline,
        }}
      />
    </>
  );
}

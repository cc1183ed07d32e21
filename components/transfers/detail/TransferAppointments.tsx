/**
 * The transfer page's appointments booked through Toile (lib/appointments): when, where, with
 * whom, a link to the appointment's page; and, for the sender of an accompanied transfer with none
 * booked, "Prendre rendez-vous" with the target offer's free slots (those after the deadline marked).
 */
import { AppointmentForm } from "@/components/appointments/AppointmentForm";
import { SlotPicker } from "@/components/appointments/SlotPicker";
import { formatDay } from "@/components/transfers/inbox/format";
import { bookForTransferAction } from "@/lib/appointments/actions";
import { APPOINTMENT_STATUS_LABELS } from "@/lib/appointments/labels";
import type { loadTransferAppointments } from "@/lib/appointments/page-data";
import Link from "next/link";

type Data = NonNullable<Awaited<ReturnType<typeof loadTransferAppointments>>>;

export function TransferAppointments({ transferId, data }: { transferId: string; data: Data }) {
  if (data.appointments.length === 0 && !data.booking) return null;
  return (
    <section aria-labelledby="rendez-vous-pris" className="mt-6">
      <h2 id="rendez-vous-pris" className="text-xl font-semibold">
        Rendez-vous chez le partenaire
      </h2>
      {data.appointments.length > 0 && (
        <ul className="mt-2 space-y-2">
          {data.appointments.map((appointment) => (
            <li key={appointment.id}>
              <Link href={`/structures/${appointment.structureId}/rendez-vous/${appointment.id}`} className="text-accent underline">
                Le {appointment.when}
              </Link>{" "}
              ({APPOINTMENT_STATUS_LABELS[appointment.status]})
              {appointment.place && (
                <>
                  {" "}
                  — {appointment.place.name}, {appointment.place.address}, {appointment.place.postalCode} {appointment.place.communeName}
                </>
              )}
              {appointment.mediatorFirstName && <> — avec {appointment.mediatorFirstName}</>}
            </li>
          ))}
        </ul>
      )}
      {data.booking && (
        <div className="mt-3 rounded border border-slate-300 p-4">
          <h3 className="text-lg font-semibold">Prendre rendez-vous</h3>
          {data.booking.deadline && <p className="mt-1">Échéance : avant le {formatDay(data.booking.deadline)}. Les créneaux plus tardifs sont signalés.</p>}
          <AppointmentForm action={bookForTransferAction} submitLabel="Prendre ce rendez-vous">
            <input type="hidden" name="transferId" value={transferId} />
            <input type="hidden" name="idempotencyKey" value={data.booking.idempotencyKey} />
            <SlotPicker days={data.booking.days} nextHref={`/transferts/${transferId}?depuis=${data.booking.next}`} />
          </AppointmentForm>
        </div>
      )}
    </section>
  );
}

/** One appointment's calendar file (`/calendrier/rendez-vous/<id>`), for its structure's members and the transfer's sender. */
import { getActor } from "@/lib/auth/session";
import { calendarResponse } from "@/lib/calendar/http";
import { loadAppointmentCalendar } from "@/lib/calendar/page-data";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  return calendarResponse(actor ? await loadAppointmentCalendar(actor, id.replace(/\.ics$/, ""), new Date()) : null, "rendez-vous.ics");
}

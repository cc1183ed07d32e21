/** A mediator's personal agenda feed (`/calendrier/<secret>.ics`), for any calendar application; no personal data in it. */
import { loadMediatorFeed } from "@/lib/calendar/page-data";
import { calendarResponse } from "@/lib/calendar/http";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return calendarResponse(await loadMediatorFeed(token.replace(/\.ics$/, ""), new Date()), "agenda.ics");
}

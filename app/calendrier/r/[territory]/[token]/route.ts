/** A resident's appointment as a calendar file (`/calendrier/r/<territory>/<secret of their link>`). */
import { calendarResponse } from "@/lib/calendar/http";
import { loadResidentCalendar } from "@/lib/calendar/page-data";

export async function GET(_request: Request, { params }: { params: Promise<{ territory: string; token: string }> }) {
  const { territory, token } = await params;
  return calendarResponse(await loadResidentCalendar(territory, token.replace(/\.ics$/, ""), new Date()), "rendez-vous.ics");
}

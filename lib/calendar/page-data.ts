/** What the calendar routes (app/calendrier/…) and the account page read, with the one client bound: app/ never imports `db`. */
import { withDb } from "@/lib/db";
import { appointmentCalendar, currentFeedToken, mediatorFeed, residentCalendar } from "./appointments";

export const loadAppointmentCalendar = withDb(appointmentCalendar);
export const loadResidentCalendar = withDb(residentCalendar);
export const loadMediatorFeed = withDb(mediatorFeed);
export const loadFeedToken = withDb(currentFeedToken);

/** What the workshop pages read (app/structures/[id]/ateliers/…, app/t/[territory]/ateliers/…), with the one client bound: app/ never imports `db`. */
import { withDb } from "@/lib/db";
import { registrationByToken } from "./public";
import { organiserSession, organiserSessions, publicSession, upcomingSessions } from "./queries";

export const loadOrganiserSessions = withDb(organiserSessions);
export const loadOrganiserSession = withDb(organiserSession);
export const loadPublicSession = withDb(publicSession);
export const loadSeatRegistration = withDb(registrationByToken);
export const loadUpcomingSessions = withDb(upcomingSessions);

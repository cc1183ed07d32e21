/** What the membership pages read (app/admin, app/invitation), with the one client bound: app/ never imports `db`. */
import { withDb } from "@/lib/db";
import { findInvitation } from "@/lib/memberships/invitations";
import { listTerritoriesForAdmin } from "@/lib/memberships/queries";

/** Every territory with its coordinators, for the administrators' page (which checks the role first). */
export const loadAdminTerritories = withDb(listTerritoriesForAdmin);

/** An invitation by its token; tokens longer than any we make are not looked up. */
export const loadInvitation = (token: string) => (token.length <= 100 ? withDb(findInvitation)(token) : Promise.resolve(null));

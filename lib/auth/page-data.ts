/**
 * What the account and sign-in routes read and write (app/compte, app/api/auth, app/deconnexion,
 * app/dev/connexion), with the one client bound: app/ never imports `db`.
 */
import { getAccountOverview } from "@/lib/auth/account";
import { createSessionForEmail } from "@/lib/auth/dev";
import { findSiretProposal } from "@/lib/auth/proconnect";
import { endSessions } from "@/lib/auth/sign-out";
import { checkMagicLinkLimits } from "@/lib/auth/sign-in-limits";
import { withDb } from "@/lib/db";

export const loadAccountOverview = withDb(getAccountOverview);
/** Minutes to wait before another magic link to this address from this IP, or null. */
export const magicLinkWait = withDb(checkMagicLinkLimits);
export const signOutSessions = withDb(endSessions);
export const loadSiretProposal = withDb(findSiretProposal);
export const devSignIn = withDb(createSessionForEmail);

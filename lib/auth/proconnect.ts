/**
 * ProConnect's particulars (the identity federation of French public-service and associative
 * professionals), for the OpenID Connect provider of options.ts:
 * - `acr_values` in the authorization request (OIDC_ACR_VALUES, "eidas1" for ProConnect);
 * - a `siret` claim (scope `siret`): at the first sign-in, a SIRET that matches a structure of the
 *   matrix proposes joining it — a join request once the person confirms, never a membership;
 * - userinfo answered as a signed JWT (application/jwt), verified by openid-client against the
 *   issuer's keys (the client is registered with `userinfo_signed_response_alg`);
 * - sign-out at the provider's end_session_endpoint with `id_token_hint`.
 */
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import type { SignedInActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { checkSiret } from "@/lib/structures/identifiers";

export const OPENID_PROVIDER_ID = "oidc";
export const DEFAULT_OPENID_SCOPE = "openid email given_name usual_name siret";

/** What next-auth's events.signIn passes on: the account's tokens, and the mapped profile. */
export async function recordOpenIdSignIn(
  db: PrismaClient,
  input: { providerAccountId: string; idToken?: string; siret?: unknown; firstSignIn: boolean },
) {
  const siret = input.firstSignIn && typeof input.siret === "string" ? checkSiret(input.siret) : null;
  // next-auth 4 stores the tokens only when the account is first linked: the id_token of this
  // sign-in is the one a sign-out must hint.
  await db.account.updateMany({
    where: { provider: OPENID_PROVIDER_ID, providerAccountId: input.providerAccountId },
    data: { ...(input.idToken ? { id_token: input.idToken } : {}), ...(siret?.ok ? { siret: siret.value } : {}) },
  });
}

export interface SiretProposal {
  siret: string;
  structure: { id: string; name: string };
}

/** The structure the person's ProConnect SIRET proposes joining, or null (none, or nothing left to ask). */
export async function findSiretProposal(db: PrismaClient, actor: SignedInActor): Promise<SiretProposal | null> {
  const account = await db.account.findFirst({
    where: { userId: actor.userId, provider: OPENID_PROVIDER_ID, siret: { not: null } },
    select: { siret: true },
  });
  if (!account?.siret) return null;
  const matches = await db.structureIdentifier.findMany({
    where: { type: "SIRET", value: account.siret },
    orderBy: { structure: { name: "asc" } },
    select: {
      structure: {
        select: { id: true, name: true, territoryId: true, status: true, joinRequests: { where: { userId: actor.userId }, select: { status: true } } },
      },
    },
  });
  for (const { structure } of matches) {
    const ref = { structureId: structure.id, territoryId: structure.territoryId };
    // The one policy: a structure the person may find and ask to join (not a member, not closed).
    if (!can(actor, "structure.find", { ...ref, status: structure.status }) || !can(actor, "structure.requestJoin", ref)) continue;
    if (structure.joinRequests.some((request) => request.status === "pending")) continue;
    return { siret: account.siret, structure: { id: structure.id, name: structure.name } };
  }
  return null;
}

/** The proposal is answered (or moot): it is not shown again. */
export async function forgetSiretProposal(db: PrismaClient, userId: string) {
  await db.account.updateMany({ where: { userId, provider: OPENID_PROVIDER_ID }, data: { siret: null } });
}

/**
 * Where the browser goes after the local session is deleted: the provider's end_session_endpoint
 * with the id_token as hint, or null when the provider has none (then home, as before).
 */
export async function providerSignOutUrl(
  idToken: string,
  postLogoutRedirectUri: string,
  { issuer = process.env.OIDC_ISSUER, fetchImpl = fetch }: { issuer?: string; fetchImpl?: typeof fetch } = {},
): Promise<string | null> {
  if (!issuer) return null;
  const response = await fetchImpl(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, {
    cache: "no-store",
    // A provider that does not answer must not hold the sign-out: home instead.
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) return null;
  const { end_session_endpoint: endpoint } = (await response.json()) as { end_session_endpoint?: unknown };
  if (typeof endpoint !== "string") return null;
  const url = new URL(endpoint);
  url.searchParams.set("id_token_hint", idToken);
  url.searchParams.set("state", randomBytes(16).toString("base64url"));
  url.searchParams.set("post_logout_redirect_uri", postLogoutRedirectUri);
  return url.toString();
}

/**
 * next-auth configuration: magic links by email (through the outbox), OpenID Connect when
 * configured (ProConnect or a Belgian equivalent), sessions stored in the database.
 */
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { normalizeEmail, toileAdapter } from "./adapter";
import { magicLinkEmail } from "./emails";
import { DEFAULT_OPENID_SCOPE, OPENID_PROVIDER_ID, recordOpenIdSignIn } from "./proconnect";

const MAGIC_LINK_MINUTES = 15;

type OpenIdProfile = { sub: string; email: string; given_name?: string; usual_name?: string; name?: string; siret?: string };

export function openIdProvider(): NextAuthOptions["providers"] {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ACR_VALUES } = process.env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return [];
  // ProConnect answers userinfo as a JWT signed with RS256; "json" for a provider that does not.
  const userinfoAlg = process.env.OIDC_USERINFO_SIGNED_ALG ?? "RS256";
  return [
    {
      id: OPENID_PROVIDER_ID,
      name: process.env.OIDC_NAME ?? "ProConnect",
      type: "oauth",
      wellKnown: `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      client: {
        id_token_signed_response_alg: "RS256",
        ...(userinfoAlg === "json" ? {} : { userinfo_signed_response_alg: userinfoAlg }),
      },
      authorization: {
        params: { scope: process.env.OIDC_SCOPE ?? DEFAULT_OPENID_SCOPE, ...(OIDC_ACR_VALUES ? { acr_values: OIDC_ACR_VALUES } : {}) },
      },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      // The id_token is checked (nonce, signature) but ProConnect puts the person's claims in
      // userinfo: openid-client fetches it, verifies the signed JWT against the issuer's keys and
      // that its `sub` is the id_token's.
      userinfo: {
        // next-auth passes openid-client's TokenSet (typed as its plain parameters).
        request: ({ client, tokens }) => client.userinfo(tokens as Parameters<typeof client.userinfo>[0]) as Promise<OpenIdProfile>,
      },
      profile(profile: OpenIdProfile) {
        const name = profile.name ?? [profile.given_name, profile.usual_name].filter(Boolean).join(" ");
        // `siret` goes on to events.signIn (recordOpenIdSignIn), not to the user.
        const user = { id: profile.sub, email: normalizeEmail(profile.email), name: name || null, siret: profile.siret };
        return user;
      },
    },
  ];
}

export const authOptions: NextAuthOptions = {
  adapter: toileAdapter(db),
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
  providers: [
    EmailProvider({
      maxAge: MAGIC_LINK_MINUTES * 60,
      normalizeIdentifier: normalizeEmail,
      // Never sent from here: written to the outbox, delivered by the outbox worker.
      async sendVerificationRequest({ identifier, url }) {
        await enqueueEmail(db, magicLinkEmail(identifier, url, MAGIC_LINK_MINUTES));
      },
      server: "smtp://outbox.invalid",
      from: process.env.EMAIL_FROM ?? "Toile <ne-pas-repondre@toile.invalid>",
    }),
    ...openIdProvider(),
  ],
  pages: {
    signIn: "/connexion",
    verifyRequest: "/connexion/verifier",
    error: "/connexion/erreur",
  },
  events: {
    async signIn({ account, profile, isNewUser }) {
      if (account?.provider !== OPENID_PROVIDER_ID) return;
      await recordOpenIdSignIn(db, {
        providerAccountId: account.providerAccountId,
        idToken: account.id_token,
        siret: (profile as { siret?: unknown } | undefined)?.siret,
        firstSignIn: Boolean(isNewUser),
      });
    },
  },
  callbacks: {
    session({ session, user }) {
      return { ...session, user: { ...session.user, id: user.id } };
    },
  },
};

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

const MAGIC_LINK_MINUTES = 15;

export function openIdProvider(): NextAuthOptions["providers"] {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = process.env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: process.env.OIDC_NAME ?? "ProConnect",
      type: "oauth",
      wellKnown: `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      authorization: { params: { scope: process.env.OIDC_SCOPE ?? "openid email given_name usual_name" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      profile(profile: { sub: string; email: string; given_name?: string; usual_name?: string; name?: string }) {
        const name = profile.name ?? [profile.given_name, profile.usual_name].filter(Boolean).join(" ");
        return { id: profile.sub, email: normalizeEmail(profile.email), name: name || null };
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
  callbacks: {
    session({ session, user }) {
      return { ...session, user: { ...session.user, id: user.id } };
    },
  },
};

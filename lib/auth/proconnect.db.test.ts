import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "./actor";
import { findSiretProposal, forgetSiretProposal, providerSignOutUrl, recordOpenIdSignIn } from "./proconnect";
import { createSession } from "./dev";
import { endSessions } from "./sign-out";

const SIRET = "99999000100011";
/** The second test's own SIRET: the first test's structure stays in this file's database. */
const OTHER_SIRET = "99999000200019";

async function territoryWithStructure(slug: string, status: "draft" | "published" | "closed" = "published", siret = SIRET) {
  const territory = await db.territory.create({ data: { slug, name: `Territoire ${slug}`, country: "FR" } });
  return db.structure.create({
    data: { territoryId: territory.id, name: `Structure ${slug}`, status, identifiers: { create: [{ type: "SIRET", value: siret }] } },
  });
}

/** A person signed in with ProConnect for the first time: their linked account, then the sign-in event. */
async function proConnectPerson(email: string, siret: unknown, firstSignIn = true) {
  const user = await db.user.create({ data: { email, name: email } });
  await db.account.create({ data: { userId: user.id, type: "oauth", provider: "oidc", providerAccountId: `sub-${email}`, id_token: "ancien" } });
  await recordOpenIdSignIn(db, { providerAccountId: `sub-${email}`, idToken: "en-tete.charge.signature", siret, firstSignIn });
  return (await loadActor(db, user.id))!;
}

describe("ProConnect's SIRET at the first sign-in", () => {
  it("proposes the structure with that SIRET, until answered, and keeps this sign-in's id_token", async () => {
    const structure = await territoryWithStructure("siret-propose");
    const actor = await proConnectPerson("agent.siret@exemple.fr", ` ${SIRET.replace(/(\d{3})/g, "$1 ")}`);
    expect(await db.account.findFirst({ where: { userId: actor.userId }, select: { siret: true, id_token: true } })).toEqual({
      siret: SIRET,
      id_token: "en-tete.charge.signature",
    });
    expect(await findSiretProposal(db, actor)).toEqual({ siret: SIRET, structure: { id: structure.id, name: structure.name } });

    await forgetSiretProposal(db, actor.userId);
    expect(await findSiretProposal(db, actor)).toBeNull();
    // Never a membership by itself.
    expect(await db.structureMembership.count({ where: { userId: actor.userId } })).toBe(0);
  });

  it("proposes nothing for a later sign-in, an invalid SIRET, a member, a pending request or a closed structure", async () => {
    const structure = await territoryWithStructure("siret-rien", "closed", OTHER_SIRET);
    expect(await findSiretProposal(db, await proConnectPerson("fermee@exemple.fr", OTHER_SIRET))).toBeNull();

    const open = await territoryWithStructure("siret-ouverte", "published", OTHER_SIRET);
    expect(await findSiretProposal(db, await proConnectPerson("plus-tard@exemple.fr", OTHER_SIRET, false))).toBeNull();
    expect(await findSiretProposal(db, await proConnectPerson("invalide@exemple.fr", "99999000200018"))).toBeNull();

    const member = await proConnectPerson("membre@exemple.fr", OTHER_SIRET);
    await db.structureMembership.create({ data: { userId: member.userId, structureId: open.id, role: "member" } });
    expect(await findSiretProposal(db, (await loadActor(db, member.userId))!)).toBeNull();

    const asked = await proConnectPerson("deja-demande@exemple.fr", OTHER_SIRET);
    await db.joinRequest.create({ data: { userId: asked.userId, structureId: open.id } });
    expect(await findSiretProposal(db, asked)).toBeNull();
    expect(structure.status).toBe("closed");
  });
});

describe("sign-out with ProConnect", () => {
  it("ends the session and hands back the id_token to hint", async () => {
    const actor = await proConnectPerson("sortie@exemple.fr", undefined);
    const session = await createSession(db, actor.userId);
    expect(await endSessions(db, session.sessionToken, false)).toEqual({ idToken: "en-tete.charge.signature" });
    expect(await db.session.count({ where: { userId: actor.userId } })).toBe(0);
    expect(await endSessions(db, session.sessionToken, false)).toEqual({ idToken: null });
  });

  it("goes to the provider's end_session_endpoint with id_token_hint, state and the way back", async () => {
    const fetchImpl = (async (url: string) => {
      expect(url).toBe("https://auth.exemple.fr/api/v2/.well-known/openid-configuration");
      return Response.json({ end_session_endpoint: "https://auth.exemple.fr/api/v2/session/end" });
    }) as typeof fetch;
    const url = new URL((await providerSignOutUrl("a.b.c", "https://toile.exemple.fr/", { issuer: "https://auth.exemple.fr/api/v2/", fetchImpl }))!);
    expect(url.origin + url.pathname).toBe("https://auth.exemple.fr/api/v2/session/end");
    expect(url.searchParams.get("id_token_hint")).toBe("a.b.c");
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe("https://toile.exemple.fr/");
    expect(url.searchParams.get("state")).toMatch(/^[\w-]{22}$/);

    const none = (async () => Response.json({})) as unknown as typeof fetch;
    expect(await providerSignOutUrl("a.b.c", "https://toile.exemple.fr/", { issuer: "https://auth.exemple.fr", fetchImpl: none })).toBeNull();
  });
});

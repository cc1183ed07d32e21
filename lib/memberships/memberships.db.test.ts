import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { loadActor } from "@/lib/auth/actor";
import { acceptInvitation, inviteToStructure } from "./invitations";
import { decideJoinRequest, requestToJoin } from "./join-requests";
import { findStructureForMembers } from "./queries";
import { createTerritory } from "./territories";

const SITE = "http://localhost:3000";
let franceServicesId: string;
let ccasId: string;
let adminId: string;

const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;

beforeAll(async () => {
  await seedDemoTerritory(db);
  franceServicesId = (await db.structure.findFirstOrThrow({ where: { name: { contains: "France Services" } } })).id;
  ccasId = (await db.structure.findFirstOrThrow({ where: { name: { contains: "CCAS" } } })).id;
  adminId = await userId("direction@franceservices.exemple.fr");
});

describe("invitations", () => {
  it("renew the invitation of an address invited twice, and send a link each time", async () => {
    const before = await db.outboxEmail.count({ where: { to: "nouvelle@exemple.fr" } });
    const first = await inviteToStructure(db, { structureId: franceServicesId, email: "nouvelle@exemple.fr", role: "member", invitedById: adminId, siteUrl: SITE });
    const second = await inviteToStructure(db, { structureId: franceServicesId, email: "nouvelle@exemple.fr", role: "admin", invitedById: adminId, siteUrl: SITE });
    expect(second.invitation.id).toBe(first.invitation.id);
    expect(await db.invitation.count({ where: { structureId: franceServicesId, email: "nouvelle@exemple.fr" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: "nouvelle@exemple.fr" } })).toBe(before + 2);
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: "nouvelle@exemple.fr" }, orderBy: { createdAt: "desc" } });
    expect(email.text).toContain(`${SITE}/invitation/${second.token}`);
    // The first link no longer works: only the renewed token does.
    const user = await db.user.create({ data: { email: "nouvelle@exemple.fr" } });
    expect(await acceptInvitation(db, first.token, { userId: user.id, email: user.email })).toEqual({ ok: false, reason: "invalid" });
    expect(await acceptInvitation(db, second.token, { userId: user.id, email: user.email })).toMatchObject({ ok: true });
    expect(await db.structureMembership.findUnique({ where: { userId_structureId: { userId: user.id, structureId: franceServicesId } } })).toMatchObject({ role: "admin" });
    expect(await acceptInvitation(db, second.token, { userId: user.id, email: user.email })).toEqual({ ok: false, reason: "used" });
  });

  it("refuse another person's invitation and an expired one, changing nothing", async () => {
    const { token } = await inviteToStructure(db, { structureId: ccasId, email: "invitee@exemple.fr", role: "member", invitedById: adminId, siteUrl: SITE });
    const intruder = await db.user.create({ data: { email: "intrus@exemple.fr" } });
    expect(await acceptInvitation(db, token, { userId: intruder.id, email: intruder.email })).toEqual({ ok: false, reason: "other_address" });
    expect(await db.structureMembership.count({ where: { userId: intruder.id } })).toBe(0);

    const invitee = await db.user.create({ data: { email: "invitee@exemple.fr" } });
    const later = new Date(Date.now() + 15 * 24 * 60 * 60 * 1000);
    expect(await acceptInvitation(db, token, { userId: invitee.id, email: invitee.email }, later)).toEqual({ ok: false, reason: "expired" });
    expect(await db.structureMembership.count({ where: { userId: invitee.id } })).toBe(0);
  });
});

describe("join requests", () => {
  it("reach the structure's admins, and a decision can only be taken once", async () => {
    const person = await db.user.create({ data: { email: "benevole@exemple.fr", name: "Nadia" } });
    const request = await requestToJoin(db, { structureId: franceServicesId, userId: person.id, message: "Je suis la nouvelle médiatrice.", siteUrl: SITE });
    const toAdmin = await db.outboxEmail.findFirstOrThrow({ where: { to: "direction@franceservices.exemple.fr", subject: { contains: "Demande" } } });
    expect(toAdmin.text).toContain("Je suis la nouvelle médiatrice.");

    const [first, second] = await Promise.all([
      decideJoinRequest(db, { requestId: request.id, structureId: franceServicesId, decision: "accept", deciderId: adminId }),
      decideJoinRequest(db, { requestId: request.id, structureId: franceServicesId, decision: "refuse", deciderId: adminId }),
    ]);
    expect([first, second].filter((outcome) => outcome.ok)).toHaveLength(1);
    expect([first, second].filter((outcome) => !outcome.ok)).toEqual([{ ok: false, reason: "already_decided" }]);
  });

  it("cannot be decided through another structure", async () => {
    const person = await db.user.create({ data: { email: "autre.benevole@exemple.fr" } });
    const request = await requestToJoin(db, { structureId: franceServicesId, userId: person.id, message: "", siteUrl: SITE });
    expect(await decideJoinRequest(db, { requestId: request.id, structureId: ccasId, decision: "accept", deciderId: adminId })).toEqual({ ok: false, reason: "not_found" });
    expect(await db.structureMembership.count({ where: { userId: person.id } })).toBe(0);
  });
});

describe("who sees a structure's members", () => {
  it("its members and its territory's coordinators; nobody else", async () => {
    const admin = (await loadActor(db, adminId))!;
    const coordinator = (await loadActor(db, await userId("coordination@val-de-lise.exemple.fr")))!;
    const itinerant = (await loadActor(db, await userId("informaticien@lien-numerique.exemple.org")))!;
    expect(await findStructureForMembers(db, admin, franceServicesId)).not.toBeNull();
    expect(await findStructureForMembers(db, admin, ccasId)).toBeNull();
    expect(await findStructureForMembers(db, coordinator, ccasId)).not.toBeNull();
    expect(await findStructureForMembers(db, itinerant, franceServicesId)).toBeNull();
  });
});

describe("territories", () => {
  it("refuses an address already taken, on the slug field, with a code", async () => {
    expect(await createTerritory(db, { name: "Val de Lise bis", slug: "val-de-lise", country: "FR" })).toEqual({ ok: false, field: "slug", code: "territory.slug_taken" });
    expect(await createTerritory(db, { name: "Pays de Herve", slug: "pays-de-herve", country: "BE" })).toMatchObject({ ok: true });
    expect(await db.territory.findUniqueOrThrow({ where: { slug: "pays-de-herve" }, select: { timeZone: true } })).toEqual({ timeZone: "Europe/Brussels" });
  });
});

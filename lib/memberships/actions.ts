"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction, NOT_FOUND } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { structureRef } from "@/lib/structures/refs";
import { acceptInvitation, inviteToStructure } from "./invitations";
import { decideJoinRequest, requestToJoin } from "./join-requests";
import {
  acceptInvitationSchema,
  createTerritorySchema,
  decideJoinRequestSchema,
  inviteSchema,
  nameCoordinatorSchema,
  removeMemberSchema,
  requestJoinSchema,
} from "./schemas";
import { createTerritory, nameCoordinator } from "./territories";

import { siteUrl } from "@/lib/site-url";

export const invite = authorizedAction(
  inviteSchema,
  async (actor, input) => {
    const ref = await structureRef(db, input.structureId);
    return !!ref && can(actor, input.role === "admin" ? "structure.inviteAdmin" : "structure.inviteMember", ref);
  },
  async (actor, input) => {
    await inviteToStructure(db, { ...input, invitedById: actor.userId, siteUrl: siteUrl() });
    revalidatePath(`/structures/${input.structureId}/membres`);
    return { ok: true, data: null, message: `Invitation envoyée à ${input.email}.` };
  },
);

export const accept = authorizedAction(
  acceptInvitationSchema,
  (actor) => can(actor, "account.manageOwn", null),
  async (actor, { token }) => {
    const outcome = await acceptInvitation(db, token, actor);
    if (outcome.ok) return { ok: true, data: null, message: `Vous avez rejoint ${outcome.structureName}.` };
    const reasons = {
      invalid: "Cette invitation n'existe pas. Vérifiez le lien reçu par courriel.",
      expired: "Cette invitation a expiré : demandez à la structure de vous en envoyer une nouvelle.",
      used: "Cette invitation a déjà été acceptée.",
      "other-address": "Cette invitation a été envoyée à une autre adresse que la vôtre : connectez-vous avec l'adresse qui l'a reçue.",
    } as const;
    return { ok: false, error: reasons[outcome.reason] };
  },
);

export const askToJoin = authorizedAction(
  requestJoinSchema,
  async (actor, input) => {
    const ref = await structureRef(db, input.structureId);
    return !!ref && can(actor, "structure.requestJoin", ref);
  },
  async (actor, input) => {
    await requestToJoin(db, { ...input, userId: actor.userId, siteUrl: siteUrl() });
    revalidatePath("/structures");
    return { ok: true, data: null, message: "Demande envoyée : les responsables de la structure vont vous répondre." };
  },
);

export const decide = authorizedAction(
  decideJoinRequestSchema,
  async (actor, { requestId }) => {
    const request = await db.joinRequest.findUnique({
      where: { id: requestId },
      select: { structure: { select: { id: true, territoryId: true } } },
    });
    return !!request && can(actor, "structure.decideJoinRequest", { structureId: request.structure.id, territoryId: request.structure.territoryId });
  },
  async (actor, input) => {
    const request = await db.joinRequest.findUniqueOrThrow({ where: { id: input.requestId }, select: { structureId: true } });
    const outcome = await decideJoinRequest(db, { ...input, structureId: request.structureId, deciderId: actor.userId });
    revalidatePath(`/structures/${request.structureId}/membres`);
    if (!outcome.ok) return { ok: false, error: outcome.reason === "already-decided" ? "Quelqu'un a déjà répondu à cette demande." : NOT_FOUND };
    return { ok: true, data: null, message: input.decision === "accept" ? "Demande acceptée." : "Demande refusée." };
  },
);

export const removeMember = authorizedAction(
  removeMemberSchema,
  async (actor, input) => {
    const ref = await structureRef(db, input.structureId);
    return !!ref && can(actor, "structure.removeMember", ref);
  },
  async (_actor, input) => {
    const admins = await db.structureMembership.count({ where: { structureId: input.structureId, role: "admin" } });
    const target = await db.structureMembership.findUnique({
      where: { userId_structureId: { userId: input.userId, structureId: input.structureId } },
    });
    if (!target) return { ok: false, error: NOT_FOUND };
    if (target.role === "admin" && admins === 1) {
      return { ok: false, error: "C'est la seule personne qui administre la structure : invitez d'abord quelqu'un d'autre comme administrateur·rice." };
    }
    await db.structureMembership.delete({ where: { userId_structureId: { userId: input.userId, structureId: input.structureId } } });
    revalidatePath(`/structures/${input.structureId}/membres`);
    return { ok: true, data: null, message: "Membre retiré·e." };
  },
);

export const addTerritory = authorizedAction(
  createTerritorySchema,
  (actor) => can(actor, "territory.create", null),
  async (_actor, input) => {
    const created = await createTerritory(db, input);
    if (!created.ok) return { ok: false, error: "Corrigez les champs signalés.", fieldErrors: { [created.field]: [created.message] } };
    revalidatePath("/admin");
    return { ok: true, data: null, message: `Territoire « ${input.name} » créé.` };
  },
);

export const addCoordinator = authorizedAction(
  nameCoordinatorSchema,
  async (actor, input) => {
    const exists = await db.territory.findUnique({ where: { id: input.territoryId }, select: { id: true } });
    return !!exists && can(actor, "territory.nameCoordinator", { territoryId: input.territoryId });
  },
  async (_actor, input) => {
    await nameCoordinator(db, { ...input, siteUrl: siteUrl() });
    revalidatePath("/admin");
    return { ok: true, data: null, message: `${input.email} coordonne désormais ce territoire.` };
  },
);

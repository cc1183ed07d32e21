"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { findSiretProposal, forgetSiretProposal } from "@/lib/auth/proconnect";
import { db } from "@/lib/db";
import { refusal } from "@/lib/errors/app-error";
import { structureRef } from "@/lib/structures/refs";
import { acceptInvitation, inviteToStructure } from "./invitations";
import { decideJoinRequest, requestToJoin } from "./join-requests";
import { joinableStructureRef } from "./queries";
import {
  acceptInvitationSchema,
  answerSiretProposalSchema,
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
    return refusal({ code: `invitation.${outcome.reason}` });
  },
);

/**
 * After a first ProConnect sign-in: "Votre SIRET correspond à … : demander à la rejoindre ?".
 * Joining sends a join request (the structure's admins decide), never a membership.
 */
export const answerSiretProposal = authorizedAction(
  answerSiretProposalSchema,
  // findSiretProposal applies the policy (structure.find, structure.requestJoin) to the structure.
  async (actor, input) => input.decision === "decline" || !!(await findSiretProposal(db, actor)),
  async (actor, input) => {
    const proposal = input.decision === "join" ? await findSiretProposal(db, actor) : null;
    if (proposal) {
      await requestToJoin(db, { structureId: proposal.structure.id, userId: actor.userId, message: "", siteUrl: siteUrl() });
    }
    await forgetSiretProposal(db, actor.userId);
    return {
      ok: true,
      data: null,
      message: proposal
        ? `Demande envoyée à ${proposal.structure.name} : ses responsables vont vous répondre.`
        : "C'est noté. Vous pourrez demander à rejoindre une structure depuis la page « Rejoindre une structure ».",
    };
  },
);

export const askToJoin = authorizedAction(
  requestJoinSchema,
  async (actor, input) => {
    // Only a structure the person can find on /structures: not a closed one, nor another
    // territory's draft.
    const ref = await joinableStructureRef(db, actor, input.structureId);
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
    if (!outcome.ok) return refusal({ code: outcome.reason === "already_decided" ? "join_request.already_decided" : "not_found" });
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
    if (!target) return refusal({ code: "not_found" });
    if (target.role === "admin" && admins === 1) return refusal({ code: "membership.last_admin" });
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
    if (!created.ok) return refusal({ code: created.code }, created.field);
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

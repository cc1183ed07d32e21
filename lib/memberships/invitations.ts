/**
 * Invitations to join a structure. The token travels only in the email; its SHA-256 is stored.
 * Inviting the same address to the same structure again renews the invitation (new token, new
 * expiry) instead of creating a second one.
 */
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import type { Prisma, StructureRole } from "@/lib/generated/prisma/client";

const INVITATION_DAYS = 14;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const ROLE_WORDS: Record<StructureRole, string> = { admin: "administrer", member: "rejoindre" };

export async function inviteToStructure(
  db: PrismaClient,
  input: { structureId: string; email: string; role: StructureRole; invitedById: string; siteUrl: string },
  now = new Date(),
) {
  return db.$transaction((tx) => inviteWithin(tx, input, now));
}

/** The same, inside the caller's transaction (a newcomer's structure validated with its first admin: lib/newcomers). */
export async function inviteWithin(
  tx: Prisma.TransactionClient,
  input: { structureId: string; email: string; role: StructureRole; invitedById: string; siteUrl: string },
  now: Date,
) {
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const structure = await tx.structure.findUniqueOrThrow({ where: { id: input.structureId }, select: { name: true } });
  const data = { role: input.role, tokenHash: hashToken(token), expiresAt, invitedById: input.invitedById, acceptedAt: null };
  const invitation = await tx.invitation.upsert({
    where: { structureId_email: { structureId: input.structureId, email: input.email } },
    create: { structureId: input.structureId, email: input.email, ...data },
    update: data,
  });
  const link = new URL(`/invitation/${token}`, input.siteUrl).toString();
  await enqueueEmail(tx, {
    to: input.email,
    subject: `Invitation à ${ROLE_WORDS[input.role]} ${structure.name} sur Toile`,
    text: [
      "Bonjour,",
      "",
      `Vous êtes invité·e à ${ROLE_WORDS[input.role]} « ${structure.name} » sur Toile, l'outil du réseau local d'aide au numérique et aux démarches.`,
      "",
      "Pour accepter, ouvrez ce lien (valable 14 jours) :",
      link,
      "",
      "Vous ne connaissez pas cette structure ? Ignorez ce message.",
      "",
      "— Toile",
    ].join("\n"),
  });
  return { invitation, token };
}

export type AcceptOutcome =
  | { ok: true; structureId: string; structureName: string }
  | { ok: false; reason: "invalid" | "expired" | "used" | "other_address" };

/** Accepts an invitation for the signed-in person, if it is theirs, valid and unused. */
export async function acceptInvitation(
  db: PrismaClient,
  token: string,
  user: { userId: string; email: string },
  now = new Date(),
): Promise<AcceptOutcome> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { structure: { select: { name: true } } },
    });
    if (!invitation) return { ok: false, reason: "invalid" };
    if (invitation.email !== user.email) return { ok: false, reason: "other_address" };
    if (invitation.acceptedAt) return { ok: false, reason: "used" };
    if (invitation.expiresAt < now) return { ok: false, reason: "expired" };

    const existing = await tx.structureMembership.findUnique({
      where: { userId_structureId: { userId: user.userId, structureId: invitation.structureId } },
    });
    // Accepting never lowers a role: an admin invited as a member stays admin.
    const role = existing?.role === "admin" ? "admin" : invitation.role;
    await tx.structureMembership.upsert({
      where: { userId_structureId: { userId: user.userId, structureId: invitation.structureId } },
      create: { userId: user.userId, structureId: invitation.structureId, role },
      update: { role },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } });
    await tx.joinRequest.updateMany({
      where: { structureId: invitation.structureId, userId: user.userId, status: "pending" },
      data: { status: "accepted", decidedAt: now },
    });
    return { ok: true, structureId: invitation.structureId, structureName: invitation.structure.name };
  });
}

/** The invitation a token designates, for the acceptance page (null: unknown token). */
export function findInvitation(db: PrismaClient, token: string) {
  return db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, structure: { select: { name: true } } },
  });
}

/** A person asks to join a structure; its admins (or the territory's coordinators) decide. */
import type { PrismaClient } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";

export async function requestToJoin(
  db: PrismaClient,
  input: { structureId: string; userId: string; message: string; siteUrl: string },
) {
  return db.$transaction(async (tx) => {
    const request = await tx.joinRequest.upsert({
      where: { structureId_userId: { structureId: input.structureId, userId: input.userId } },
      create: { structureId: input.structureId, userId: input.userId, message: input.message || null },
      // Asking again after a refusal reopens the request.
      update: { message: input.message || null, status: "pending", decidedAt: null, decidedById: null },
      include: { user: { select: { email: true, name: true } }, structure: { select: { name: true } } },
    });
    const admins = await tx.structureMembership.findMany({
      where: { structureId: input.structureId, role: "admin" },
      select: { user: { select: { email: true } } },
    });
    const link = new URL(`/structures/${input.structureId}/membres`, input.siteUrl).toString();
    for (const { user } of admins) {
      await enqueueEmail(tx, {
        to: user.email,
        subject: `Demande pour rejoindre ${request.structure.name}`,
        text: [
          "Bonjour,",
          "",
          `${request.user.name ?? request.user.email} demande à rejoindre « ${request.structure.name} » sur Toile.`,
          ...(input.message ? ["", `Son message : ${input.message}`] : []),
          "",
          `Pour accepter ou refuser : ${link}`,
          "",
          "— Toile",
        ].join("\n"),
      });
    }
    return request;
  });
}

export type DecideOutcome = { ok: true } | { ok: false; reason: "not_found" | "already_decided" };

/** Accepts (as a member) or refuses a pending request of `structureId`. */
export async function decideJoinRequest(
  db: PrismaClient,
  input: { requestId: string; structureId: string; decision: "accept" | "refuse"; deciderId: string },
  now = new Date(),
): Promise<DecideOutcome> {
  return db.$transaction(async (tx) => {
    const request = await tx.joinRequest.findFirst({
      where: { id: input.requestId, structureId: input.structureId },
      include: { structure: { select: { name: true } }, user: { select: { email: true } } },
    });
    if (!request) return { ok: false, reason: "not_found" };
    // Conditional update: two admins deciding at once cannot both win.
    const { count } = await tx.joinRequest.updateMany({
      where: { id: request.id, status: "pending" },
      data: { status: input.decision === "accept" ? "accepted" : "refused", decidedAt: now, decidedById: input.deciderId },
    });
    if (count === 0) return { ok: false, reason: "already_decided" };
    if (input.decision === "accept") {
      await tx.structureMembership.upsert({
        where: { userId_structureId: { userId: request.userId, structureId: request.structureId } },
        create: { userId: request.userId, structureId: request.structureId, role: "member" },
        update: {},
      });
    }
    await enqueueEmail(tx, {
      to: request.user.email,
      subject:
        input.decision === "accept"
          ? `Vous avez rejoint ${request.structure.name}`
          : `Votre demande pour rejoindre ${request.structure.name}`,
      text: [
        "Bonjour,",
        "",
        input.decision === "accept"
          ? `Votre demande est acceptée : vous faites maintenant partie de « ${request.structure.name} » sur Toile.`
          : `Votre demande pour rejoindre « ${request.structure.name} » n'a pas été acceptée. Vous pouvez contacter la structure pour en savoir plus.`,
        "",
        "— Toile",
      ].join("\n"),
    });
    return { ok: true };
  });
}

/** The platform administrator's work: territories and their coordinators. */
import type { PrismaClient } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";

export async function createTerritory(
  db: PrismaClient,
  input: { name: string; slug: string; country: "FR" | "BE" },
): Promise<{ ok: true; id: string } | { ok: false; field: "slug"; code: "territory.slug_taken" }> {
  const taken = await db.territory.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken) return { ok: false, field: "slug", code: "territory.slug_taken" };
  const timeZone = input.country === "BE" ? "Europe/Brussels" : "Europe/Paris";
  const territory = await db.territory.create({ data: { ...input, timeZone } });
  return { ok: true, id: territory.id };
}

/** Names `email` coordinator of a territory; the person gets an account if they had none. */
export async function nameCoordinator(
  db: PrismaClient,
  input: { territoryId: string; email: string; siteUrl: string },
) {
  return db.$transaction(async (tx) => {
    const territory = await tx.territory.findUniqueOrThrow({ where: { id: input.territoryId }, select: { name: true } });
    const user = await tx.user.upsert({ where: { email: input.email }, create: { email: input.email }, update: {} });
    await tx.territoryCoordinator.upsert({
      where: { userId_territoryId: { userId: user.id, territoryId: input.territoryId } },
      create: { userId: user.id, territoryId: input.territoryId },
      update: {},
    });
    await enqueueEmail(tx, {
      to: input.email,
      subject: `Vous coordonnez ${territory.name} sur Toile`,
      text: [
        "Bonjour,",
        "",
        `Vous êtes désormais coordinateur·rice de « ${territory.name} » sur Toile.`,
        `Connectez-vous avec cette adresse : ${new URL("/connexion", input.siteUrl)}`,
        "",
        "— Toile",
      ].join("\n"),
    });
  });
}

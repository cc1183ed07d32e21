/**
 * Newcomers (issue 21): a structure not yet in the matrix asks to join from the public site;
 * the territory's coordinators validate it (a new structure, its first place, its contact invited
 * as its admin), merge it with the structure it already is (the contact invited there, a missing
 * identifier added), or refuse it with a reason sent to the contact. Nothing of a request is
 * public: it is a row of its own until validated. Each decision is a conditional update on
 * "pending", in the transaction of everything it writes, so two coordinators cannot both decide.
 */
import type { PrismaClient } from "@/lib/db";
import type { Refusal } from "@/lib/errors/app-error";
import { hitRateLimit, type RateLimit } from "@/lib/auth/rate-limit";
import { enqueueEmail } from "@/lib/email/outbox";
import type { IdentifierType } from "@/lib/generated/prisma/client";
import { inviteWithin } from "@/lib/memberships/invitations";
import { frenchCommunes } from "@/lib/places/communes";
import { checkFrenchCommune } from "@/lib/places/schemas";
import { lockTerritoryFirst } from "@/lib/public-search/search-version";
import { checkBce, checkRna, checkSiret } from "@/lib/structures/identifiers";
import type { ApplicationInput, DecideApplicationInput } from "./schemas";

const REQUESTS_PER_IP: RateLimit = { limit: 5, windowMs: 60 * 60_000 };
const REQUESTS_PER_EMAIL: RateLimit = { limit: 3, windowMs: 24 * 60 * 60_000 };

type FieldProblem = { field: string; message: string };

/** The identifier as the territory's country writes it: SIRET or RNA in France, BCE in Belgium. */
function readIdentifier(country: "FR" | "BE", typed: string): { type: IdentifierType; value: string } | null | FieldProblem {
  const value = typed.trim();
  if (!value) return null;
  if (country === "BE") {
    const check = checkBce(value);
    return check.ok ? { type: "BCE", value: check.value } : { field: "identifier", message: check.message };
  }
  if (/^w/i.test(value)) {
    const check = checkRna(value);
    return check.ok ? { type: "RNA", value: check.value } : { field: "identifier", message: check.message };
  }
  const check = checkSiret(value);
  return check.ok ? { type: "SIRET", value: check.value } : { field: "identifier", message: check.message };
}

const problem = (found: FieldProblem): Refusal => ({ ok: false, code: "form.invalid", fieldErrors: { [found.field]: [found.message] } });

export type SubmitOutcome = { ok: true } | { ok: false; reason: "not_found" } | { ok: false; reason: "rate_limited"; minutes: number } | Refusal;

export async function submitApplication(db: PrismaClient, input: ApplicationInput, { ip, now = new Date() }: { ip: string; now?: Date }): Promise<SubmitOutcome> {
  const territory = await db.territory.findUnique({
    where: { slug: input.territorySlug },
    select: { id: true, name: true, country: true, coordinators: { select: { user: { select: { email: true } } } } },
  });
  if (!territory) return { ok: false, reason: "not_found" };
  const identifier = readIdentifier(territory.country, input.identifier);
  if (identifier && "field" in identifier) return problem(identifier);
  let commune = { code: input.postalCode, name: input.commune.trim() };
  if (territory.country === "FR") {
    const check = checkFrenchCommune(frenchCommunes, input.postalCode, input.commune);
    if (!check.ok) return problem({ field: check.path, message: check.message });
    commune = { code: check.commune.code, name: check.commune.name };
  }
  for (const [key, limit] of [
    [`newcomer:ip:${ip}`, REQUESTS_PER_IP],
    [`newcomer:email:${input.contactEmail.toLowerCase()}`, REQUESTS_PER_EMAIL],
  ] as const) {
    const hit = await hitRateLimit(db, key, limit, now);
    if (!hit.allowed) return { ok: false, reason: "rate_limited", minutes: Math.max(1, Math.ceil(hit.retryAfterMs / 60_000)) };
  }

  await db.$transaction(async (tx) => {
    await tx.structureApplication.create({
      data: {
        territoryId: territory.id,
        name: input.name,
        identifierType: identifier?.type ?? null,
        identifierValue: identifier?.value ?? null,
        address: input.address,
        postalCode: input.postalCode,
        communeCode: commune.code,
        communeName: commune.name,
        offers: input.offers,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone,
        createdAt: now,
      },
    });
    for (const { user } of territory.coordinators) {
      await enqueueEmail(tx, {
        to: user.email,
        subject: `Nouvelle structure à valider : ${input.name}`,
        text: [
          "Bonjour,",
          "",
          `« ${input.name} » (${commune.name}) demande à rejoindre la matrice de ${territory.name}.`,
          `Ce qu'elle propose : ${input.offers}`,
          "",
          "Validez-la, rapprochez-la d'une structure existante ou refusez-la depuis la page « Nouvelles structures » du territoire dans Toile.",
          "",
          "— Toile",
        ].join("\n"),
      });
    }
    await enqueueEmail(tx, {
      to: input.contactEmail,
      subject: "Votre demande pour rejoindre Toile est bien reçue",
      text: [
        `Bonjour ${input.contactName},`,
        "",
        `Nous avons bien reçu la demande de « ${input.name} » pour apparaître dans l'offre du réseau ${territory.name}.`,
        "La coordination du territoire va la vérifier ; vous recevrez sa réponse par courriel. Rien n'est publié avant.",
        "",
        "— Toile",
      ].join("\n"),
    });
  });
  return { ok: true };
}

export type DecideOutcome =
  | { ok: true; decision: "validated" | "merged" | "refused"; structureId: string | null }
  | { ok: false; reason: "not_found" | "already_decided" | "merge_target_gone" };

/** A coordinator's decision on a pending request of their territory. */
export async function decideApplication(
  db: PrismaClient,
  input: DecideApplicationInput,
  { actorId, siteUrl, now = new Date() }: { actorId: string; siteUrl: string; now?: Date },
): Promise<DecideOutcome> {
  return db.$transaction(async (tx) => {
    const application = await tx.structureApplication.findFirst({ where: { id: input.applicationId, territoryId: input.territoryId } });
    if (!application) return { ok: false, reason: "not_found" };
    if (application.status !== "pending") return { ok: false, reason: "already_decided" };
    const decided = (status: "validated" | "merged" | "refused", structureId: string | null) =>
      tx.structureApplication.updateMany({
        where: { id: application.id, status: "pending" },
        data: { status, structureId, reason: status === "refused" ? input.reason : null, decidedById: actorId, decidedAt: now },
      });

    if (input.decision === "refuse") {
      if ((await decided("refused", null)).count === 0) return { ok: false, reason: "already_decided" };
      await enqueueEmail(tx, {
        to: application.contactEmail,
        subject: "Votre demande pour rejoindre Toile",
        text: [
          `Bonjour ${application.contactName},`,
          "",
          `La coordination du territoire n'a pas retenu la demande de « ${application.name} », pour ce motif :`,
          input.reason ?? "",
          "",
          "Vous pouvez lui répondre pour en parler.",
          "",
          "— Toile",
        ].join("\n"),
      });
      return { ok: true, decision: "refused", structureId: null };
    }

    await lockTerritoryFirst(tx, { territoryId: input.territoryId });
    if (input.decision === "merge") {
      const target = await tx.structure.findFirst({ where: { id: input.mergeInto, territoryId: input.territoryId, status: { not: "closed" } }, select: { id: true, name: true } });
      if (!target) return { ok: false, reason: "merge_target_gone" };
      if ((await decided("merged", target.id)).count === 0) return { ok: false, reason: "already_decided" };
      if (application.identifierType && application.identifierValue) {
        await tx.structureIdentifier.createMany({
          data: [{ structureId: target.id, type: application.identifierType, value: application.identifierValue }],
          skipDuplicates: true,
        });
      }
      await tx.changeRecord.create({
        data: { structureId: target.id, actorId, action: "structure.application_merged", summary: `Demande d'adhésion « ${application.name} » rapprochée de cette structure`, createdAt: now },
      });
      if (input.inviteContact) await inviteWithin(tx, { structureId: target.id, email: application.contactEmail, role: "admin", invitedById: actorId, siteUrl }, now);
      else await enqueueEmail(tx, { to: application.contactEmail, subject: "Votre demande pour rejoindre Toile", text: mergedWords(application.contactName, target.name) });
      return { ok: true, decision: "merged", structureId: target.id };
    }

    const structure = await tx.structure.create({
      data: {
        territoryId: input.territoryId,
        name: application.name,
        // The contact's own address and phone are not the structure's public ones: its admin fills those in.
        status: "published",
        lastVerifiedAt: now,
        lastVerifiedById: actorId,
        identifiers: { create: application.identifierType && application.identifierValue ? [{ type: application.identifierType, value: application.identifierValue }] : [] },
        places: {
          create: [
            {
              name: application.name,
              address: application.address,
              postalCode: application.postalCode,
              communeCode: application.communeCode,
              communeName: application.communeName,
              country: (await tx.territory.findUniqueOrThrow({ where: { id: input.territoryId }, select: { country: true } })).country,
            },
          ],
        },
      },
      select: { id: true },
    });
    if ((await decided("validated", structure.id)).count === 0) throw new Error("Demande décidée entre-temps");
    await tx.changeRecord.create({
      data: {
        structureId: structure.id,
        actorId,
        action: "structure.created",
        summary: `Structure « ${application.name} » créée à partir de sa demande d'adhésion`,
        changes: { offres: application.offers },
        createdAt: now,
      },
    });
    await inviteWithin(tx, { structureId: structure.id, email: application.contactEmail, role: "admin", invitedById: actorId, siteUrl }, now);
    return { ok: true, decision: "validated", structureId: structure.id };
  });
}

const mergedWords = (contactName: string, structureName: string) =>
  [
    `Bonjour ${contactName},`,
    "",
    `Votre structure est déjà dans la matrice du territoire, sous le nom « ${structureName} » : la coordination a rapproché votre demande de cette fiche.`,
    "Pour la mettre à jour, répondez à la coordination ou demandez à rejoindre la structure depuis Toile.",
    "",
    "— Toile",
  ].join("\n");

/** Pending requests of a territory, with the structures they may already be. */
export async function pendingApplications(db: Pick<PrismaClient, "structureApplication" | "structure">, territoryId: string) {
  const [applications, structures] = await Promise.all([
    db.structureApplication.findMany({ where: { territoryId, status: "pending" }, orderBy: { createdAt: "asc" } }),
    db.structure.findMany({
      where: { territoryId, status: { not: "closed" } },
      select: { id: true, name: true, identifiers: { select: { type: true, value: true } }, places: { select: { address: true, postalCode: true } } },
    }),
  ]);
  return { applications, structures };
}

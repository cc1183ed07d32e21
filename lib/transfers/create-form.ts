/**
 * What the creation page needs: the target offer, the structures the mediator may send from (in
 * the offer's territory), the public terms to check the offer against, the warnings about the offer
 * itself, and the form's starting values — prefilled from the previous transfer when re-orienting
 * (need, analysis, documents; never its personal details: consent must be asked again; the first
 * name only for someone who may see the person's data).
 */
import type { SignedInActor } from "@/lib/auth/actor";
import { can, type Actor } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { localTime } from "@/lib/hours/rules";
import type { Situation } from "@/lib/orientation/situation";
import { callForTransfer } from "@/lib/phone-line/calls";
import { situationFromCall } from "@/lib/phone-line/rules";
import { transferPrefill } from "@/lib/orientation/transfer-prefill";
import { lineForTransfer } from "@/lib/permanences/sheets";
import { findTargetOffer, type TargetOffer } from "./create-offer";
import { warningsFor } from "./create";
import { documentsOf } from "./documents";
import { ANALYSIS_SELECT } from "./query-scope";
import { USUAL_DOCUMENTS, type TransferFormValues } from "./schemas";
import { partiesOf } from "./transitions";
import type { TransferWarning } from "./warnings";

/** The publics a mediator may say the person belongs to (data·inclusion's list, "tous publics" aside). */
const PERSON_PUBLICS_VOCABULARY = "dataInclusion.v1.publics";

export interface CreatePage {
  offer: TargetOffer;
  sendingStructures: { id: string; name: string }[];
  publicOptions: { id: string; label: string }[];
  /** About the offer alone (the person's public and age are checked as the form is filled). */
  warnings: TransferWarning[];
  defaults: TransferFormValues;
  previous: { id: string; code: string; toStructureName: string } | null;
}

const documentsFrom = (labels: string[]) => {
  const seen = new Set<string>();
  return labels.filter((label) => {
    const key = label.toLocaleLowerCase("fr");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

export async function loadCreatePage(
  db: PrismaClient,
  actor: SignedInActor,
  {
    offerId,
    previousTransferId,
    sheetLineId,
    phoneCallId,
    analysis,
    level,
    idempotencyKey = crypto.randomUUID(),
    now = new Date(),
  }: {
    offerId: string;
    previousTransferId?: string;
    sheetLineId?: string;
    /** Made from a phone line's call sheet: its 3-A prefills the form, its line's structure sends. */
    phoneCallId?: string;
    /** The orientation assistant's analysis of the person's situation (lib/orientation), to prefill the form with. */
    analysis?: Situation;
    /** The kind of transfer chosen from the assistant's results. */
    level?: TransferFormValues["level"];
    idempotencyKey?: string;
    now?: Date;
  },
): Promise<CreatePage | null> {
  const offer = await findTargetOffer(db, offerId);
  if (!offer) return null;
  const memberships = actor.memberships.filter((membership) => membership.territoryId === offer.territory.id);
  if (memberships.length === 0) return null;
  const [structures, publicTerms] = await Promise.all([
    db.structure.findMany({ where: { id: { in: memberships.map((membership) => membership.structureId) } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.vocabularyTerm.findMany({
      where: { vocabularyKey: PERSON_PUBLICS_VOCABULARY, NOT: { code: "tous-publics" } },
      select: { id: true, label: true },
      orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
    }),
  ]);
  const sendingStructures = structures.filter((structure) => can(actor, "transfer.create", { structureId: structure.id, territoryId: offer.territory.id }));
  if (sendingStructures.length === 0) return null;

  const previousRow =
    previousTransferId && isUuid(previousTransferId)
      ? await db.transfer.findUnique({
          where: { id: previousTransferId },
          select: {
            id: true,
            code: true,
            territoryId: true,
            fromStructureId: true,
            toStructureId: true,
            status: true,
            toStructure: { select: { name: true } },
            needTermId: true,
            ...ANALYSIS_SELECT,
            personLabel: true,
            level: true,
          },
        })
      : null;
  const previous = previousRow && partiesOf(actor, previousRow).length > 0 ? previousRow : null;

  const previousDocuments = documentsOf(previous?.documents);
  const labels = documentsFrom([...previousDocuments.map((row) => row.label), ...offer.documentsToBring, ...USUAL_DOCUMENTS]);
  const readyLabels = new Set(previousDocuments.filter((row) => row.ready).map((row) => row.label));
  const documents: TransferFormValues["documents"] = [
    ...labels.map((label) => ({ label, status: readyLabels.has(label) ? ("ready" as const) : ("missing" as const) })),
    // Free lines for what the lists do not say.
    ...Array.from({ length: 3 }, () => ({ label: "", status: "missing" as const })),
  ];
  const needTermId = previous?.needTermId && offer.needTerms.some((term) => term.id === previous.needTermId) ? previous.needTermId : "";
  const mayCopyLabel = previous && can(actor, "transfer.viewPersonalData", previous);
  // From a permanence sheet's line: its first name and request, sent by the permanence's structure when the actor is one of its members.
  const line = sheetLineId && isUuid(sheetLineId) ? await lineForTransfer(db, actor, sheetLineId) : null;

  // From a phone call's sheet: its analysis and request, sent by the line's structure.
  const call = phoneCallId && isUuid(phoneCallId) ? await callForTransfer(db, actor, phoneCallId) : null;
  const situation = call ? situationFromCall(call.analysis) : analysis;
  const prefill = situation && !previous ? transferPrefill(situation, offer.needTerms, localTime(now, offer.territory.timeZone).date) : null;
  const fromAnalysis = prefill && call?.analysis.request ? { ...prefill, needDescription: call.analysis.request } : prefill;
  const defaults: TransferFormValues = {
    idempotencyKey,
    // A re-orientation is on behalf of the structure that sent the first transfer, when the actor may still send for it.
    fromStructureId:
      sendingStructures.find((structure) => structure.id === (previous?.fromStructureId ?? line?.offerStructureId ?? call?.structureId))?.id ?? sendingStructures[0]!.id,
    offerId: offer.id,
    previousTransferId: previous?.id ?? "",
    sheetLineId: line?.id ?? "",
    phoneCallId: call?.id ?? "",
    level: offer.acceptsTransfers ? (level ?? (previous && previous.level !== "simple" ? previous.level : "accompanied")) : "simple",
    intent: "send",
    needTermId: fromAnalysis?.needTermId || needTermId,
    needDescription: previous?.needDescription ?? (line?.request || fromAnalysis?.needDescription) ?? "",
    difficulty: previous?.difficulty ?? fromAnalysis?.difficulty ?? "",
    urgency: previous?.urgency ?? fromAnalysis?.urgency ?? "normal",
    deadline: previous?.deadline ? previous.deadline.toISOString().slice(0, 10) : (fromAnalysis?.deadline ?? ""),
    digitalEase: previous?.digitalEase ?? fromAnalysis?.digitalEase ?? "",
    equipment: previous?.equipment ?? fromAnalysis?.equipment ?? [],
    supportGoal: previous?.supportGoal ?? fromAnalysis?.supportGoal ?? "",
    documents,
    personPublicTermIds: [],
    ageBand: fromAnalysis?.ageBand ?? "",
    confirmWarnings: false,
    personLabel: (mayCopyLabel && previous?.personLabel) || line?.personLabel || "",
    consent: false,
    consentScope: [],
    phone: "",
    email: "",
    language: "",
    accessibilityNeeds: "",
    noteForPartner: "",
    appointmentDate: "",
    appointmentTime: "",
    appointmentPlaceId: offer.places.length === 1 ? offer.places[0]!.id : "",
    askFor: "",
  };

  return {
    offer,
    sendingStructures,
    publicOptions: publicTerms,
    warnings: warningsFor(offer, { personPublicTermIds: [], ageBand: null }, now),
    defaults,
    previous: previous ? { id: previous.id, code: previous.code, toStructureName: previous.toStructure.name } : null,
  };
}

/** Whether the actor may orient a person to an offer of this territory: may create a transfer from one of its structures. */
export const mayOrientIn = (actor: Actor | null, territoryId: string) =>
  !!actor && actor.memberships.some((membership) => membership.territoryId === territoryId && can(actor, "transfer.create", membership));

export const newTransferHref = (offerId: string) => `/transferts/nouveau?offre=${offerId}`;

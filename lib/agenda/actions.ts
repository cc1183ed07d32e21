"use server";

/**
 * The agenda's server actions. Who may change a mediator's agenda: the mediator, a member of the
 * structure, for their own (`structure.receive`); the structure's admins for any member's
 * (`structure.edit`). The settings are the admins' (`structure.edit`).
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import type { SignedInActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { refusal } from "@/lib/errors/app-error";
import { structureRef } from "@/lib/structures/refs";
import { absenceMediator, deleteAbsence, deletePattern, patternMediator, saveAbsence, saveAgendaSettings, savePattern } from "./editing";
import { absenceSchema, deleteAbsenceSchema, deletePatternSchema, patternSchema, settingsSchema } from "./schemas";

/** One's own agenda as a member; anyone's as an admin. */
async function mayKeepAgendaOf(actor: SignedInActor, structureId: string, mediatorId: string | null) {
  const ref = await structureRef(db, structureId);
  if (!ref || !mediatorId) return false;
  return mediatorId === actor.userId ? can(actor, "structure.receive", ref) : can(actor, "structure.edit", ref);
}

const availabilityPage = (structureId: string, mediatorId: string, actor: SignedInActor) =>
  `/structures/${structureId}/agenda/disponibilites${mediatorId === actor.userId ? "" : `?mediateur=${mediatorId}`}`;

/** What the page says once there (`?fait=`): a deletion takes its own form away. */
const withDone = (href: string, done: string) => `${href}${href.includes("?") ? "&" : "?"}fait=${done}`;

export const savePatternAction = authorizedAction(
  patternSchema,
  async (actor, input) =>
    (await mayKeepAgendaOf(actor, input.structureId, input.mediatorId)) &&
    (!input.patternId || (await patternMediator(db, input.structureId, input.patternId)) === input.mediatorId),
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await savePattern(db, input, new Date(), actor.userId);
    if (!outcome.ok) return outcome;
    revalidatePath(`/structures/${input.structureId}/agenda`, "layout");
    if (input.patternId) redirect(availabilityPage(input.structureId, input.mediatorId, actor));
    return { ok: true, data: null, message: "Créneau enregistré : les rendez-vous de ce créneau sont proposés dès maintenant." };
  },
);

export const deletePatternAction = authorizedAction(
  deletePatternSchema,
  async (actor, input) => mayKeepAgendaOf(actor, input.structureId, await patternMediator(db, input.structureId, input.patternId)),
  async (actor, input): Promise<HandlerResult> => {
    const mediatorId = await patternMediator(db, input.structureId, input.patternId);
    if (!mediatorId || !(await deletePattern(db, input))) return refusal({ code: "not_found" });
    revalidatePath(`/structures/${input.structureId}/agenda`, "layout");
    // The form goes with the row it deleted: the page says it instead.
    redirect(withDone(availabilityPage(input.structureId, mediatorId, actor), "creneau-supprime"));
  },
);

export const saveAbsenceAction = authorizedAction(
  absenceSchema,
  (actor, input) => mayKeepAgendaOf(actor, input.structureId, input.mediatorId),
  async (_actor, input): Promise<HandlerResult> => {
    const outcome = await saveAbsence(db, input);
    if (!outcome.ok) return outcome;
    revalidatePath(`/structures/${input.structureId}/agenda`, "layout");
    return { ok: true, data: null, message: "Absence enregistrée : aucun rendez-vous n'est proposé pendant ces jours." };
  },
);

export const deleteAbsenceAction = authorizedAction(
  deleteAbsenceSchema,
  async (actor, input) => mayKeepAgendaOf(actor, input.structureId, await absenceMediator(db, input.structureId, input.absenceId)),
  async (actor, input): Promise<HandlerResult> => {
    const mediatorId = await absenceMediator(db, input.structureId, input.absenceId);
    if (!mediatorId || !(await deleteAbsence(db, input))) return refusal({ code: "not_found" });
    revalidatePath(`/structures/${input.structureId}/agenda`, "layout");
    redirect(withDone(availabilityPage(input.structureId, mediatorId, actor), "absence-supprimee"));
  },
);

export const saveAgendaSettingsAction = authorizedAction(
  settingsSchema,
  async (actor, input) => {
    const ref = await structureRef(db, input.structureId);
    return !!ref && can(actor, "structure.edit", ref);
  },
  async (_actor, input): Promise<HandlerResult> => {
    const outcome = await saveAgendaSettings(db, input, new Date());
    if (!outcome.ok) return outcome;
    revalidatePath(`/structures/${input.structureId}/agenda`, "layout");
    return { ok: true, data: null, message: "Réglages enregistrés." };
  },
);

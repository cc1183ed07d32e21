/** What the agenda pages read (app/structures/[id]/agenda/…), with the one client bound: app/ never imports `db`. */
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { agendaWeek, availabilityOf, findStructureForAgenda, patternFormOptions, structureMembers } from "./queries";

const structureFor = (actor: Actor, structureId: string) => (isUuid(structureId) ? findStructureForAgenda(db, actor, structureId) : Promise.resolve(null));

/** `/structures/<id>/agenda`: the week (`?semaine=`), optionally one mediator's (`?mediateur=`); null answers 404. */
export async function loadAgendaWeekPage(actor: Actor, structureId: string, search: { semaine?: string; mediateur?: string }, now = new Date()) {
  const structure = await structureFor(actor, structureId);
  if (!structure) return null;
  return { structure, week: await agendaWeek(db, structure, { week: search.semaine, mediatorId: search.mediateur }, now) };
}

/**
 * `/structures/<id>/agenda/disponibilites`: the actor's own patterns and absences; an admin may
 * pick another member (`?mediateur=`). `?modifier=<patternId>` fills the form with that pattern.
 */
export async function loadAvailabilityPage(actor: Actor, structureId: string, search: { mediateur?: string; modifier?: string }) {
  const structure = await structureFor(actor, structureId);
  if (!structure) return null;
  const members = await structureMembers(db, structure.id);
  const picked = structure.mayEdit && members.find((member) => member.id === search.mediateur);
  const mediator = picked || members.find((member) => member.id === actor.userId) || null;
  const [availability, offers] = await Promise.all([mediator ? availabilityOf(db, structure.id, mediator.id) : null, patternFormOptions(db, structure.id)]);
  const editing = availability?.patterns.find((pattern) => pattern.id === search.modifier) ?? null;
  return { structure, members, mediator, availability, offers, editing };
}

/** `/structures/<id>/agenda/reglages`: for those who may edit the structure. */
export async function loadAgendaSettingsPage(actor: Actor, structureId: string) {
  const structure = await structureFor(actor, structureId);
  return structure?.mayEdit ? structure : null;
}

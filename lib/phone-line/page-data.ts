/** What the phone line's pages read (app/structures/[id]/appels/…), with the one client bound: app/ never imports `db`. */
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { orient } from "@/lib/orientation/engine";
import { asksSomething } from "@/lib/orientation/situation";
import { loadCall, loadCalls } from "./calls";
import { situationFromCall } from "./rules";

/** `/structures/<id>/appels`; null answers 404. */
export async function loadCallsPage(actor: Actor, structureId: string, now = new Date()) {
  return isUuid(structureId) ? loadCalls(db, actor, structureId, now) : null;
}

/**
 * `/structures/<id>/appels/<callId>`: the sheet, and the assistant's suggestions for its analysis
 * (none until a need or a few words are given); null answers 404, as does a call of another structure.
 */
export async function loadCallPage(actor: Actor, structureId: string, callId: string, search: { chosenOfferId?: string }, now = new Date()) {
  if (!isUuid(structureId) || !isUuid(callId)) return null;
  const sheet = await loadCall(db, actor, callId, { chosenOfferId: search.chosenOfferId && isUuid(search.chosenOfferId) ? search.chosenOfferId : undefined }, now);
  if (!sheet || sheet.call.structureId !== structureId) return null;
  const situation = situationFromCall(sheet.analysis);
  const result = asksSomething(situation) ? await orient(db, sheet.call.territory.slug, { situation, ignored: [] }, now) : null;
  // The line itself is where the person already is: not a suggestion.
  const elsewhere = (item: { offer: { id: string } }) => item.offer.id !== sheet.call.offer.id;
  const suggestions = result && { ...result, ranked: result.ranked.filter(elsewhere), excluded: result.excluded.filter(elsewhere) };
  return { ...sheet, suggestions };
}

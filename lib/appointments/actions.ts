"use server";

/**
 * The appointment forms' server actions. Each one authorizes in its domain function
 * (lib/appointments/commands.ts: `structure.receive` on the appointment's structure, or
 * `transfer.actAsSender` on its transfer), so the `authorize` step here only needs a signed-in actor.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { bookForStructure, bookForTransfer, cancelAppointment, recordAttendance, rescheduleAppointment } from "./commands";
import { attendanceSchema, cancelSchema, rescheduleSchema, seriesSchema, staffBookingSchema, transferBookingSchema } from "./schemas";
import { createSeries } from "./series";

const signedIn = () => true;
const appointmentPage = (structureId: string, appointmentId: string) => `/structures/${structureId}/rendez-vous/${appointmentId}`;

export const bookForStructureAction = authorizedAction(staffBookingSchema, signedIn, async (actor, input): Promise<HandlerResult> => {
  const contact = input.consent && (input.phone || input.email) ? { phone: input.phone, email: input.email } : null;
  const result = await bookForStructure(
    db,
    actor,
    { structureId: input.structureId, offerId: input.offerId, ...input.slot, personLabel: input.personLabel, requestNote: input.requestNote, contact, idempotencyKey: input.idempotencyKey, seriesId: input.seriesId },
    new Date(),
  );
  // Refused: the page is drawn again, with the slots free now.
  revalidatePath(`/structures/${input.structureId}`, "layout");
  if (!result.ok) return result;
  redirect(`${appointmentPage(input.structureId, result.appointmentId)}?fait=pris`);
});

export const bookForTransferAction = authorizedAction(transferBookingSchema, signedIn, async (actor, input): Promise<HandlerResult> => {
  const result = await bookForTransfer(db, actor, { transferId: input.transferId, ...input.slot, idempotencyKey: input.idempotencyKey }, new Date());
  revalidatePath(`/transferts/${input.transferId}`, "layout");
  if (!result.ok) return result;
  redirect(`/transferts/${input.transferId}?fait=rendez-vous`);
});

export const rescheduleAction = authorizedAction(rescheduleSchema, signedIn, async (actor, input): Promise<HandlerResult> => {
  const result = await rescheduleAppointment(db, actor, { appointmentId: input.appointmentId, ...input.slot, idempotencyKey: input.idempotencyKey }, new Date());
  if (!result.ok) return result;
  revalidatePath(`/structures/${input.structureId}`, "layout");
  redirect(`${appointmentPage(input.structureId, result.appointmentId)}?fait=deplace`);
});

export const cancelAction = authorizedAction(cancelSchema, signedIn, async (actor, input): Promise<HandlerResult> => {
  const result = await cancelAppointment(db, actor, { appointmentId: input.appointmentId, reason: input.reason }, new Date());
  if (!result.ok) return result;
  revalidatePath(`/structures/${input.structureId}`, "layout");
  redirect(`${appointmentPage(input.structureId, result.appointmentId)}?fait=annule`);
});

export const attendanceAction = authorizedAction(attendanceSchema, signedIn, async (actor, input): Promise<HandlerResult> => {
  const result = await recordAttendance(db, actor, { appointmentId: input.appointmentId, attended: input.attended === "yes", skillIds: input.skillIds }, new Date());
  if (!result.ok) return result;
  revalidatePath(`/structures/${input.structureId}`, "layout");
  redirect(`${appointmentPage(input.structureId, result.appointmentId)}?fait=${input.attended === "yes" ? "venu" : "absent"}`);
});

export const createSeriesAction = authorizedAction(seriesSchema, signedIn, async (actor, input): Promise<HandlerResult> => {
  const result = await createSeries(db, actor, input);
  if (!result.ok) return result;
  revalidatePath(`/structures/${input.structureId}/rendez-vous`, "layout");
  redirect(`/structures/${input.structureId}/rendez-vous/series/${result.seriesId}`);
});

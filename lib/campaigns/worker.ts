/**
 * A campaign's links and emails written at once after its launch (`kickCampaignDelivery`, not
 * awaited): the coordinator sees them leave without waiting for the timers' next tick
 * (lib/maintenance/time-jobs.ts runs the same step, the reminders and the ends), and never waits
 * for them either.
 */
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { coalescing } from "@/lib/open-data/import/worker";
import { sendQueuedInvitations } from "./delivery";

const deliverNow = coalescing(async () => {
  try {
    await sendQueuedInvitations(db, new Date());
  } catch (error) {
    log.error({ err: error }, "Campagne de mise à jour : échec de l'écriture des liens (repris à la prochaine minute)");
  }
});

export function kickCampaignDelivery(): void {
  void deliverNow();
}

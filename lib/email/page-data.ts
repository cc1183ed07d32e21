/** The outbox as the development page shows it (app/dev/courriels): the most recent e-mails first. */
import { db } from "@/lib/db";

export const recentOutboxEmails = (take = 50) => db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take });

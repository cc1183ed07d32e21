"use server";

/** Moving a case of the error-report queue: the structure's admins and its territory's coordinators (policy `structure.edit`). */
import { revalidatePath } from "next/cache";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { refusal } from "@/lib/errors/app-error";
import { siteUrl } from "@/lib/site-url";
import { structureRef } from "@/lib/structures/refs";
import { moveErrorReport } from "./queue";
import { moveReportSchema, STATUS_WORDS } from "./schemas";

export const moveErrorReportAction = authorizedAction(
  moveReportSchema,
  async (actor, { reportId }) => {
    const report = await db.errorReport.findUnique({ where: { id: reportId }, select: { structureId: true } });
    const ref = report && (await structureRef(db, report.structureId));
    return !!ref && can(actor, "structure.edit", ref);
  },
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await moveErrorReport(db, input, { actorId: actor.userId, origin: siteUrl() });
    if (!outcome.ok) {
      if (outcome.reason === "already_moved") return refusal({ code: "report.already_moved" });
      if (outcome.reason === "not_allowed") return refusal({ code: "report.not_allowed" });
      return refusal({ code: "not_found" });
    }
    revalidatePath("/territoires/[slug]/signalements", "page");
    revalidatePath("/structures/[id]/signalements", "page");
    return { ok: true, data: null, message: `Signalement : ${STATUS_WORDS[outcome.status].toLowerCase()}.${outcome.status === "fixed" ? " Les personnes qui ont laissé une adresse sont remerciées." : ""}` };
  },
);

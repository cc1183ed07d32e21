"use server";

/**
 * The import page's actions, through the one wrapper (session → zod → policy "territory.manage").
 * Upload: the file is checked (present, within the size limit) and stored as an ImportJob; the
 * worker reads and plans it (jobs.ts) while the page shows the progress. Confirm: the job goes to
 * the worker to commit, all or nothing, only if the plan is still the previewed one. Abandon: the
 * job and its file are deleted. Each ends in a redirect, so they work without JavaScript; each
 * kicks the worker without waiting for it.
 */
import { notFound, redirect } from "next/navigation";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { abandonImportJob, answerImportJob, confirmImportJob, enqueueImportJob } from "./jobs";
import { MAX_IMPORT_BYTES } from "./limits";
import { importAbandonSchema, importCommunesSchema, importConfirmSchema, importUploadSchema } from "./schemas";
import { kickImportWorker } from "./worker";

async function pageOf(territoryId: string) {
  const territory = await db.territory.findUnique({ where: { id: territoryId }, select: { slug: true } });
  return `/territoires/${territory?.slug ?? ""}/import`;
}

export async function uploadImportFile(formData: FormData): Promise<void> {
  const file = formData.get("fichier");
  const result = await authorizedAction(
    importUploadSchema,
    (actor, { territoryId }) => can(actor, "territory.manage", { territoryId }),
    async (actor, { territoryId, format }) => {
      const page = await pageOf(territoryId);
      if (!(file instanceof File) || file.size === 0) redirect(`${page}?erreur=fichier`);
      if (file.size > MAX_IMPORT_BYTES) redirect(`${page}?erreur=volumineux`);
      const content = new Uint8Array(await file.arrayBuffer());
      const jobId = await enqueueImportJob(db, { territoryId, actorId: actor.userId, fileName: file.name, format, content });
      kickImportWorker();
      redirect(`${page}?import=${jobId}`);
    },
  )(null, formData);
  if (!result.ok) notFound();
}

export async function confirmImport(formData: FormData): Promise<void> {
  const result = await authorizedAction(
    importConfirmSchema,
    (actor, { territoryId }) => can(actor, "territory.manage", { territoryId }),
    async (actor, { territoryId, jobId, planHash }) => {
      const page = await pageOf(territoryId);
      // Not ready with this preview any more (gone, or previewed again): the page shows where it is.
      if (await confirmImportJob(db, { jobId, actorId: actor.userId, territoryId, planHash })) kickImportWorker();
      redirect(`${page}?import=${jobId}`);
    },
  )(null, formData);
  if (!result.ok) notFound();
}

/** The communes picked for ambiguous names: the file is read and previewed again with them. */
export async function answerImportCommunes(formData: FormData): Promise<void> {
  const answers: Record<string, string> = {};
  for (const [name, value] of formData) if (name.startsWith("commune:") && typeof value === "string" && value) answers[name.slice("commune:".length)] = value;
  const input = new FormData();
  for (const name of ["territoryId", "jobId"]) input.set(name, String(formData.get(name) ?? ""));
  input.set("answers", JSON.stringify(answers));
  const result = await authorizedAction(
    importCommunesSchema,
    (actor, { territoryId }) => can(actor, "territory.manage", { territoryId }),
    async (actor, { territoryId, jobId, answers: picked }) => {
      const page = await pageOf(territoryId);
      if (await answerImportJob(db, { jobId, actorId: actor.userId, territoryId, answers: picked })) kickImportWorker();
      redirect(`${page}?import=${jobId}`);
    },
  )(null, input);
  if (!result.ok) notFound();
}

export async function abandonImport(formData: FormData): Promise<void> {
  const result = await authorizedAction(
    importAbandonSchema,
    (actor, { territoryId }) => can(actor, "territory.manage", { territoryId }),
    async (actor, { territoryId, jobId }) => {
      const page = await pageOf(territoryId);
      const abandoned = await abandonImportJob(db, { jobId, actorId: actor.userId, territoryId });
      redirect(abandoned ? `${page}?abandonne=1` : `${page}?import=${jobId}`);
    },
  )(null, formData);
  if (!result.ok) notFound();
}

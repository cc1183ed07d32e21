"use server";

/**
 * The import page's actions, through the one wrapper (session → zod → policy "territory.manage").
 * Upload: the file is parsed and planned, kept as an ImportDraft, and the page shows its preview.
 * Confirm: the same bytes are planned again; only if the plan is the previewed one (same hash)
 * is it committed, all or nothing. Both end in a redirect, so they work without JavaScript.
 */
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { commitImport } from "./commit";
import { findImportDraft, previewImport, saveImportDraft } from "./drafts";
import type { ImportFormat } from "./file";
import { importConfirmSchema, importUploadSchema } from "./schemas";

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
      const content = new Uint8Array(await file.arrayBuffer());
      const { plan } = await previewImport(db, territoryId, file.name, content, format);
      const draftId = await saveImportDraft(db, { territoryId, actorId: actor.userId, fileName: file.name, format, content, planHash: plan.hash });
      redirect(`${page}?apercu=${draftId}`);
    },
  )(null, formData);
  if (!result.ok) notFound();
}

export async function confirmImport(formData: FormData): Promise<void> {
  const result = await authorizedAction(
    importConfirmSchema,
    (actor, { territoryId }) => can(actor, "territory.manage", { territoryId }),
    async (actor, { territoryId, draftId, planHash }) => {
      const page = await pageOf(territoryId);
      const draft = await findImportDraft(db, draftId, actor.userId, territoryId);
      if (!draft) redirect(`${page}?erreur=expire`);
      const { plan } = await previewImport(db, territoryId, draft.fileName, draft.content, draft.format as ImportFormat);
      if (plan.hash !== planHash) redirect(`${page}?apercu=${draftId}&perime=1`);
      const outcome = await commitImport(db, actor, territoryId, plan, { origin: `le fichier « ${draft.fileName} »` });
      if (!outcome.ok) redirect(`${page}?apercu=${draftId}&perime=1`);
      await db.importDraft.delete({ where: { id: draftId } });
      revalidatePath("/territoires", "layout");
      const counts = outcome.counts;
      redirect(`${page}?importe=${counts.create}-${counts.update}-${counts.unchanged}-${counts.skip}-${outcome.structuresCreated}`);
    },
  )(null, formData);
  if (!result.ok) notFound();
}

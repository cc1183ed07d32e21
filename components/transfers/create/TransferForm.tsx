"use client";

/**
 * The transfer creation form, written like every form (`useServerForm`): the transfer's kind, the
 * 3-A analysis, whether the offer fits the person, the documents checklist, the person (a first
 * name by default; details only with consent), an appointment, and the warnings to confirm —
 * one file per section. Without JavaScript it posts to the same server action and comes back with
 * the errors next to their fields and everything typed kept. The form's idempotency key makes a
 * double submit create one transfer.
 */
import { FormStatus } from "@/components/forms/ActionForm";
import { useHydrated, useServerForm, type ServerAction } from "@/components/forms/server-form";
import { transferValuesFromPosted } from "@/lib/transfers/form-values";
import { transferSchema, type TransferFormValues } from "@/lib/transfers/schemas";
import { transferWarnings, type TransferWarning } from "@/lib/transfers/warnings";
import { AnalysisSection } from "./AnalysisSection";
import { AppointmentSection } from "./AppointmentSection";
import { DocumentsSection } from "./DocumentsSection";
import type { TransferFormParts } from "./fields";
import { PersonFitSection } from "./PersonFitSection";
import { PersonSection } from "./PersonSection";
import { TransferKindSection } from "./TransferKindSection";
import { WarningsSection } from "./WarningsSection";

export interface TransferFormOptions {
  acceptsTransfers: boolean;
  sendingStructures: { id: string; name: string }[];
  needTerms: { id: string; label: string }[];
  publicTerms: { id: string; code: string; label: string }[];
  publicOptions: { id: string; label: string }[];
  minAge: number | null;
  maxAge: number | null;
  places: { id: string; name: string; communeName: string }[];
  /** About the offer itself (stale, saturated, no opening soon, not accepting transfers). */
  warnings: TransferWarning[];
}

export function TransferForm({ action, defaults, options }: { action: ServerAction; defaults: TransferFormValues; options: TransferFormOptions }) {
  const { register, watch, state, pending, initial, formAction, onSubmit, errorAt } = useServerForm(
    transferSchema,
    action,
    (posted) => (posted ? transferValuesFromPosted(posted, defaults) : defaults),
    // The button pressed says whether the schema checks a draft or a transfer to send.
    { beforeCheck: (submitter, form) => form.setValue("intent", submitter?.getAttribute("value") === "draft" ? "draft" : "send") },
  );
  const hydrated = useHydrated();
  const form: TransferFormParts = { register, errorAt, initial };

  // The person's public and age, checked against the offer as they are chosen.
  const [personPublicTermIds, ageBand, note] = watch(["personPublicTermIds", "ageBand", "noteForPartner"]);
  const personWarnings = transferWarnings(
    { acceptsTransfers: true, isSaturated: false, lastVerifiedAt: new Date(), minAge: options.minAge, maxAge: options.maxAge, publicTerms: options.publicTerms },
    { publicTermIds: personPublicTermIds ?? [], ageBand: ageBand || null },
    { now: new Date(), staleAfterMonths: 1200 },
  );

  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="mt-6 space-y-8">
      <input type="hidden" defaultValue={initial.idempotencyKey} {...register("idempotencyKey")} />
      <input type="hidden" defaultValue={initial.offerId} {...register("offerId")} />
      <input type="hidden" defaultValue={initial.previousTransferId} {...register("previousTransferId")} />
      <input type="hidden" defaultValue={initial.sheetLineId} {...register("sheetLineId")} />
      <input type="hidden" defaultValue={initial.phoneCallId} {...register("phoneCallId")} />

      <TransferKindSection form={form} sendingStructures={options.sendingStructures} acceptsTransfers={options.acceptsTransfers} />
      <AnalysisSection form={form} needTerms={options.needTerms} />
      <PersonFitSection form={form} publicOptions={options.publicOptions} />
      <DocumentsSection form={form} listed={defaults.documents} />
      <PersonSection form={form} noteLength={hydrated ? (note ?? "").length : null} />
      <AppointmentSection form={form} places={options.places} />
      <WarningsSection form={form} warnings={[...options.warnings, ...personWarnings]} />

      <div className="space-y-2">
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="send" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
            Envoyer le transfert
          </button>
          <button type="submit" name="intent" value="draft" disabled={pending} className="rounded border border-accent px-4 py-2 font-semibold text-accent">
            Enregistrer le brouillon
          </button>
        </div>
        <FormStatus state={state} />
      </div>
    </form>
  );
}

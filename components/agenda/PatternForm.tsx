"use client";

/**
 * A weekly availability pattern (create, or edit with `?modifier=`): offer, place or none, day,
 * hours, length of an appointment, kind, validity. The same zod schema checks it here and on the
 * server, which also refuses overlaps, hours outside the offer's and the capacity rule, each on its
 * field. Works without JavaScript; with it, the places listed are the chosen offer's.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field, FieldGroup } from "@/components/forms/Field";
import { useHydrated, useServerForm, type ServerAction } from "@/components/forms/server-form";
import { WEEKDAY_NAMES } from "@/lib/hours/format";
import { KIND_LABELS, patternSchema, SLOT_MINUTES, type PatternFormValues } from "@/lib/agenda/schemas";

export interface OfferOption {
  id: string;
  title: string;
  places: { id: string; name: string }[];
}

type Name = keyof PatternFormValues;

export function PatternForm({
  action,
  defaults,
  offers,
  cancelHref,
}: {
  action: ServerAction;
  defaults: PatternFormValues;
  offers: OfferOption[];
  /** Shown when editing: back to the list without saving. */
  cancelHref?: string;
}) {
  const { register, watch, state, pending, initial, formAction, onSubmit, errorAt } = useServerForm(
    patternSchema,
    action,
    (posted): PatternFormValues => ({ ...defaults, ...((posted as Partial<PatternFormValues> | undefined) ?? {}) }),
  );
  const hydrated = useHydrated();
  const offerId = watch("offerId");
  const places = new Map<string, string>();
  for (const offer of offers) {
    if (hydrated && offerId && offer.id !== offerId) continue;
    for (const place of offer.places) places.set(place.id, place.name);
  }

  function field(name: Name, label: string, control: (props: Record<string, unknown>) => ReactNode, hint?: string) {
    const error = errorAt(name);
    return (
      <Field id={`pattern-${name}`} label={label} hint={hint} error={error}>
        {control({
          id: `pattern-${name}`,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy(`pattern-${name}`, hint, error),
          ...register(name),
        })}
      </Field>
    );
  }
  const select = "mt-1 block max-w-full rounded border border-slate-500 px-3 py-2";
  const small = "mt-1 rounded border border-slate-500 px-3 py-2";

  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="mt-4 space-y-4">
      <input type="hidden" defaultValue={initial.structureId} {...register("structureId")} />
      <input type="hidden" defaultValue={initial.patternId ?? ""} {...register("patternId")} />
      <input type="hidden" defaultValue={initial.mediatorId} {...register("mediatorId")} />

      {field("offerId", "Offre", (props) => (
        <select defaultValue={initial.offerId} className={select} {...props}>
          <option value="">Choisir une offre…</option>
          {offers.map((offer) => (
            <option key={offer.id} value={offer.id}>
              {offer.title}
            </option>
          ))}
        </select>
      ))}
      {field(
        "placeId",
        "Lieu",
        (props) => (
          <select defaultValue={initial.placeId ?? ""} className={select} {...props}>
            <option value="">Par téléphone / à distance</option>
            {[...places].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        ),
        "Un des lieux de l'offre.",
      )}
      <div className="flex flex-wrap gap-4">
        {field("weekday", "Jour", (props) => (
          <select defaultValue={initial.weekday} className={small} {...props}>
            {WEEKDAY_NAMES.map((name, index) => (
              <option key={name} value={String(index + 1)}>
                {name}
              </option>
            ))}
          </select>
        ))}
        {field("start", "Début", (props) => <input type="time" defaultValue={initial.start} className={small} {...props} />)}
        {field("end", "Fin", (props) => <input type="time" defaultValue={initial.end} className={small} {...props} />)}
        {field(
          "slotMinutes",
          "Durée d'un rendez-vous (minutes)",
          (props) => <input type="number" min={SLOT_MINUTES.min} max={SLOT_MINUTES.max} step={5} defaultValue={initial.slotMinutes} className={`${small} w-28`} {...props} />,
        )}
      </div>
      <FieldGroup id="pattern-kind" legend="Type de rendez-vous" error={errorAt("kind")}>
        {(Object.entries(KIND_LABELS) as [keyof typeof KIND_LABELS, string][]).map(([value, label]) => (
          <div key={value} className="flex items-center gap-2">
            <input type="radio" id={`pattern-kind-${value}`} value={value} defaultChecked={initial.kind === value} {...register("kind")} />
            <label htmlFor={`pattern-kind-${value}`}>{label}</label>
          </div>
        ))}
      </FieldGroup>
      <div className="flex flex-wrap gap-4">
        {field("validFrom", "À partir du (facultatif)", (props) => <input type="date" defaultValue={initial.validFrom ?? ""} className={small} {...props} />)}
        {field("validUntil", "Jusqu'au (facultatif)", (props) => <input type="date" defaultValue={initial.validUntil ?? ""} className={small} {...props} />)}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
          {initial.patternId ? "Enregistrer le créneau" : "Ajouter ce créneau"}
        </button>
        {cancelHref && (
          <Link href={cancelHref} className="text-accent underline">
            Annuler
          </Link>
        )}
      </div>
      <FormStatus state={state} />
    </form>
  );
}

"use client";

/**
 * The review page's forms (an update campaign's signed link): "rien n'a changé" on one item or on
 * everything left, "cette offre n'existe plus" (with a box to tick, so it is not done by mistake),
 * and a temporary campaign's hours for a place. Each posts to an action bound to the link by the
 * page, so it works without JavaScript.
 */
import Link from "next/link";
import { useActionState } from "react";
import { ActionForm, FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field, FieldError, FieldGroup } from "@/components/forms/Field";
import type { ServerAction } from "@/components/forms/server-form";

export function ConfirmAllForm({ action }: { action: ServerAction }) {
  return (
    <div className="mt-3">
      <ActionForm action={action} submitLabel="Tout le reste est à jour : rien n'a changé">
        <input type="hidden" name="kind" value="all" />
      </ActionForm>
    </div>
  );
}

export function ReviewItemActions({
  confirm,
  remove,
  kind,
  itemId,
  name,
  correctHref,
  correctLabel,
}: {
  confirm: ServerAction;
  /** For an offer: "cette offre n'existe plus". */
  remove?: ServerAction;
  kind: "structure" | "place" | "offer";
  itemId: string;
  /** What the item is, for screen readers ("l'offre « Ateliers »"). */
  name: string;
  correctHref?: string;
  correctLabel?: string;
}) {
  return (
    <div className="mt-2 flex flex-wrap items-start gap-4">
      <ConfirmOne action={confirm} kind={kind} itemId={itemId} name={name} />
      {correctHref && (
        <Link href={correctHref} className="rounded border border-accent px-3 py-1 font-semibold text-accent">
          {correctLabel}
          <span className="sr-only"> : {name}</span>
        </Link>
      )}
      {remove && <RemoveOffer action={remove} offerId={itemId} name={name} />}
    </div>
  );
}

function ConfirmOne({ action, kind, itemId, name }: { action: ServerAction; kind: string; itemId: string; name: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="itemId" value={itemId} />
      <button type="submit" disabled={pending} className="rounded bg-accent px-3 py-1 font-semibold text-white">
        Rien n&apos;a changé<span className="sr-only"> : {name}</span>
      </button>
      <FormStatus state={state} />
    </form>
  );
}

function RemoveOffer({ action, offerId, name }: { action: ServerAction; offerId: string; name: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = `retirer-${offerId}`;
  const error = state && !state.ok ? state.fieldErrors?.confirm?.[0] : undefined;
  return (
    <form action={formAction} className="space-y-1 rounded border border-slate-300 p-2">
      <input type="hidden" name="offerId" value={offerId} />
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" name="confirm" className="mt-1" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, undefined, error)} />
        <label htmlFor={id}>Cette offre n&apos;existe plus</label>
      </div>
      <FieldError id={id} error={error} />
      <button type="submit" disabled={pending} className="rounded border border-red-800 px-3 py-1 text-sm font-semibold text-red-800">
        Retirer<span className="sr-only"> {name}</span>
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function TemporaryHoursForm({ action, placeId, placeName, from, until }: { action: ServerAction; placeId: string; placeName: string; from: string; until: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const posted = state && !state.ok ? state.values : undefined;
  const time = (name: "opens" | "closes", label: string) => {
    const id = `${name}-${placeId}`;
    const error = errors?.[name]?.[0];
    return (
      <Field id={id} label={label} error={error} compact>
        <input
          id={id}
          name={name}
          type="time"
          defaultValue={typeof posted?.[name] === "string" ? posted[name] : ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, undefined, error)}
          className="mt-1 rounded border border-slate-500 px-2 py-1"
        />
      </Field>
    );
  };
  return (
    <form action={formAction} className="mt-3 space-y-2">
      <input type="hidden" name="placeId" value={placeId} />
      <FieldGroup id={`periode-${placeId}`} legend={`${placeName} du ${from} au ${until}`} error={errors?.choice?.[0]}>
        {(
          [
            ["usual", "Horaires habituels"],
            ["closed", "Fermé pendant toute la période"],
            ["special", "Horaires particuliers, chaque jour d'ouverture :"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-start gap-2">
            <input type="radio" name="choice" value={value} defaultChecked={posted?.choice === value} className="mt-1" />
            <span>{label}</span>
          </label>
        ))}
        <div className="ms-6 flex flex-wrap gap-4">
          {time("opens", "Ouverture")}
          {time("closes", "Fermeture")}
        </div>
      </FieldGroup>
      <button type="submit" disabled={pending} className="rounded border border-accent px-3 py-1 font-semibold text-accent">
        Enregistrer les horaires de la période<span className="sr-only"> pour {placeName}</span>
      </button>
      <FormStatus state={state} />
    </form>
  );
}

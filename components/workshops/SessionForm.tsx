"use client";

/**
 * The organiser's form for a new workshop session: posted to the server action, which checks it
 * with the one schema (lib/workshops/schemas.ts) and answers field by field; works without JavaScript.
 */
import { useActionState, type ReactNode } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field } from "@/components/forms/Field";
import type { ServerAction } from "@/components/forms/server-form";
import { useRefused } from "@/components/resident-booking/ContactFields";
import { DEFAULT_CAPACITY, EQUIPMENT, EQUIPMENT_LABELS, MAX_CAPACITY } from "@/lib/workshops/schemas";

const control = "mt-1 rounded border border-slate-500 px-3 py-2";

export function SessionForm({
  action,
  structureId,
  offers,
  places,
}: {
  action: ServerAction;
  structureId: string;
  offers: { id: string; title: string }[];
  places: { id: string; name: string; communeName: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const { error, value, key } = useRefused(state);
  const input = (name: string, label: string, props: { type: string; hint?: ReactNode; min?: number; max?: number; fallback?: string; width?: string }) => (
    <Field id={`atelier-${name}`} label={label} hint={props.hint} error={error(name)}>
      <input
        id={`atelier-${name}`}
        name={name}
        type={props.type}
        min={props.min}
        max={props.max}
        defaultValue={value(name) ?? props.fallback}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={describedBy(`atelier-${name}`, props.hint, error(name))}
        className={`${control} ${props.width ?? "w-full max-w-md"}`}
      />
    </Field>
  );
  const select = (name: string, label: string, options: { value: string; label: string }[], fallback = "") => (
    <Field id={`atelier-${name}`} label={label} error={error(name)}>
      <select
        id={`atelier-${name}`}
        name={name}
        defaultValue={value(name) ?? fallback}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={describedBy(`atelier-${name}`, undefined, error(name))}
        className={control}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form action={formAction} noValidate className="space-y-4" key={key}>
      <input type="hidden" name="structureId" value={structureId} />
      {select("offerId", "Offre", [{ value: "", label: "Choisir…" }, ...offers.map((offer) => ({ value: offer.id, label: offer.title }))], offers.length === 1 ? offers[0]!.id : "")}
      {input("theme", "Thème", { type: "text", hint: "Par exemple : se servir de son smartphone, les courriels, éviter les arnaques." })}
      {input("description", "En quelques mots (facultatif)", { type: "text" })}
      {select("placeId", "Lieu", [{ value: "", label: "À préciser" }, ...places.map((place) => ({ value: place.id, label: `${place.name} (${place.communeName})` }))])}
      <div className="flex flex-wrap gap-4">
        {input("date", "Date", { type: "date", width: "w-44" })}
        {input("startTime", "Début", { type: "time", fallback: "10:00", width: "w-32" })}
        {input("endTime", "Fin", { type: "time", fallback: "12:00", width: "w-32" })}
      </div>
      {input("capacity", "Places", { type: "number", min: 1, max: MAX_CAPACITY, fallback: String(DEFAULT_CAPACITY), width: "w-24", hint: "De 5 à 8 ordinateurs en général." })}
      {select("equipment", "Matériel", EQUIPMENT.map((equipment) => ({ value: equipment, label: EQUIPMENT_LABELS[equipment] })), "provided")}
      <div className="flex items-start gap-2">
        <input type="checkbox" id="atelier-residentsMayAsk" name="residentsMayAsk" defaultChecked={value("residentsMayAsk") ? value("residentsMayAsk") === "on" : true} className="mt-1 h-5 w-5" />
        <label htmlFor="atelier-residentsMayAsk">Les habitants peuvent demander une place en ligne (vous confirmez chaque demande)</label>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
        Créer l&apos;atelier
      </button>
      <FormStatus state={state} />
    </form>
  );
}

"use client";

/**
 * The sheet's small forms, each a real `<form>` posted to its server action (they work without
 * JavaScript): open a sheet, add or change a line, delete a line, note a line's outcome. Ids carry
 * the line's id, so several forms on one page never share one; the server's errors sit next to
 * their fields.
 */
import { useActionState, type ReactNode } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field } from "@/components/forms/Field";
import type { ServerAction } from "@/components/forms/server-form";
import type { ActionResult } from "@/lib/actions/authorized-action";

const control = "mt-1 rounded border border-slate-500 px-3 py-2";
const primary = "rounded bg-accent px-4 py-2 font-semibold text-white";
const secondary = "rounded border border-accent px-3 py-1 font-semibold text-accent";

function useSheetForm(action: ServerAction) {
  const [state, formAction, pending] = useActionState(action, null);
  const refused = state && !state.ok ? state : null;
  const errorAt = (name: string) => refused?.fieldErrors?.[name]?.[0];
  const posted = (name: string) => {
    const value = refused?.values?.[name];
    return typeof value === "string" ? value : undefined;
  };
  return { state: state as ActionResult<unknown> | null, formAction, pending, errorAt, posted };
}

export function OpenSheetForm({ action, offerId, placeId, date, startMinute, label }: { action: ServerAction; offerId: string; placeId: string; date: string; startMinute: number; label: string }) {
  const { state, formAction, pending } = useSheetForm(action);
  return (
    <form action={formAction}>
      <input type="hidden" name="offerId" value={offerId} />
      <input type="hidden" name="placeId" value={placeId} />
      <input type="hidden" name="date" value={date} />
      <input type="hidden" name="startMinute" value={startMinute} />
      <button type="submit" disabled={pending} className={secondary}>
        {label}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export interface LineDefaults {
  lineId: string;
  personLabel: string;
  time: string;
  otherTime: string;
  request: string;
  walkIn: boolean;
}

export function LineForm({
  action,
  sheetId,
  slices,
  defaults,
  submitLabel,
  idPrefix,
}: {
  action: ServerAction;
  sheetId: string;
  /** [value "HH:MM", label, who is already there]. */
  slices: { value: string; label: string; taken: number }[];
  defaults: LineDefaults;
  submitLabel: string;
  idPrefix: string;
}) {
  const { state, formAction, pending, errorAt, posted } = useSheetForm(action);
  const id = (name: string) => `${idPrefix}-${name}`;
  const field = (name: string, label: string, render: (props: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode, hint?: string) => {
    const error = errorAt(name);
    return (
      <Field id={id(name)} label={label} hint={hint} error={error}>
        {render({ id: id(name), name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id(name), hint, error) })}
      </Field>
    );
  };
  const value = (name: keyof LineDefaults) => posted(name) ?? String(defaults[name]);
  return (
    <form action={formAction} noValidate className="space-y-3" key={state && !state.ok ? JSON.stringify(state.values) : "form"}>
      <input type="hidden" name="sheetId" value={sheetId} />
      <input type="hidden" name="lineId" value={defaults.lineId} />
      <div className="flex flex-wrap items-start gap-4">
        {field("personLabel", "Prénom ou surnom", (props) => <input type="text" autoComplete="off" defaultValue={value("personLabel")} className={control} {...props} />)}
        {field("time", "Heure", (props) => (
          <select defaultValue={value("time")} className={control} {...props}>
            <option value="">Sans heure</option>
            {slices.map((slice) => (
              <option key={slice.value} value={slice.value}>
                {slice.label}
                {slice.taken > 0 ? ` (${slice.taken} inscrit${slice.taken > 1 ? "s" : ""})` : ""}
              </option>
            ))}
          </select>
        ))}
        {field("otherTime", "Autre heure (facultatif)", (props) => <input type="time" defaultValue={value("otherTime")} className={control} {...props} />, "Pendant la permanence.")}
      </div>
      {field("request", "Quelques mots sur la demande", (props) => <input type="text" defaultValue={value("request")} className={`${control} w-full max-w-xl`} {...props} />)}
      <div className="flex items-center gap-2">
        <input id={id("walkIn")} name="walkIn" type="checkbox" defaultChecked={posted("walkIn") ? true : defaults.walkIn} className="h-5 w-5" />
        <label htmlFor={id("walkIn")}>Sans inscription (venu·e sur place)</label>
      </div>
      <button type="submit" disabled={pending} className={primary}>
        {submitLabel}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function DeleteLineForm({ action, sheetId, lineId, personLabel }: { action: ServerAction; sheetId: string; lineId: string; personLabel: string }) {
  const { state, formAction, pending } = useSheetForm(action);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="sheetId" value={sheetId} />
      <input type="hidden" name="lineId" value={lineId} />
      <button type="submit" disabled={pending} className="text-red-800 underline">
        Supprimer<span className="sr-only"> la ligne de {personLabel}</span>
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function OutcomeForm({
  action,
  sheetId,
  lineId,
  personLabel,
  categories,
  results,
  defaults,
}: {
  action: ServerAction;
  sheetId: string;
  lineId: string;
  personLabel: string;
  categories: { id: string; label: string }[];
  results: { value: string; label: string }[];
  defaults: { categoryId: string; result: string; resultNote: string };
}) {
  const { state, formAction, pending, errorAt, posted } = useSheetForm(action);
  const id = (name: string) => `suite-${lineId}-${name}`;
  const field = (name: "categoryId" | "result" | "resultNote", label: string, render: (props: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string; defaultValue: string }) => ReactNode) => {
    const error = errorAt(name);
    return (
      <Field id={id(name)} label={label} error={error} compact>
        {render({ id: id(name), name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id(name), undefined, error), defaultValue: posted(name) ?? defaults[name] })}
      </Field>
    );
  };
  return (
    <form action={formAction} noValidate aria-label={`Suite donnée pour ${personLabel}`} className="mt-2 flex flex-wrap items-end gap-3" key={state && !state.ok ? JSON.stringify(state.values) : "form"}>
      <input type="hidden" name="sheetId" value={sheetId} />
      <input type="hidden" name="lineId" value={lineId} />
      {field("categoryId", "Catégorie de la demande", (props) => (
        <select className={control} {...props}>
          <option value="">Non précisée</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.label}
            </option>
          ))}
        </select>
      ))}
      {field("result", "Ce qui s'est passé", (props) => (
        <select className={control} {...props}>
          <option value="">Non précisé</option>
          {results.map((result) => (
            <option key={result.value} value={result.value}>
              {result.label}
            </option>
          ))}
        </select>
      ))}
      {field("resultNote", "Précisions (orienté vers…)", (props) => <input type="text" className={control} {...props} />)}
      <button type="submit" disabled={pending} className={secondary}>
        Enregistrer la suite
      </button>
      <FormStatus state={state} />
    </form>
  );
}

"use client";

/**
 * The call sheet's forms, each a real `<form>` posted to its server action (they work without
 * JavaScript): start a call, the sheet (1. Accueil, 2. Analyse), the outcome (4. Issue de l'appel),
 * end the call. The server's errors sit next to their fields; what was typed comes back with them.
 */
import { useActionState, type ReactNode } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field, FieldError, FieldHint } from "@/components/forms/Field";
import type { ServerAction } from "@/components/forms/server-form";
import type { ActionResult } from "@/lib/actions/authorized-action";

const control = "mt-1 rounded border border-slate-500 px-3 py-2";
const primary = "rounded bg-accent px-4 py-2 font-semibold text-white";
const secondary = "rounded border border-accent px-3 py-1 font-semibold text-accent";

type Option = { value: string; label: string };

function useCallForm(action: ServerAction) {
  const [state, formAction, pending] = useActionState(action, null);
  const refused = state && !state.ok ? state : null;
  const errorAt = (name: string) => refused?.fieldErrors?.[name]?.[0];
  const posted = (name: string): string | undefined => {
    const value = refused?.values?.[name];
    return typeof value === "string" ? value : undefined;
  };
  const postedList = (name: string): string[] | undefined => {
    if (!refused?.values) return undefined;
    const value = refused.values[name];
    return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
  };
  return { state: state as ActionResult<unknown> | null, formAction, pending, errorAt, posted, postedList, formKey: refused ? JSON.stringify(refused.values) : "form" };
}

type InputProps = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A labelled field whose input is `render`ed with its id, name and error wiring. */
function renderField(errorAt: (name: string) => string | undefined, name: string, label: string, render: (props: InputProps) => ReactNode, hint?: string) {
  const error = errorAt(name);
  return (
    <Field id={name} label={label} hint={hint} error={error}>
      {render({ id: name, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(name, hint, error) })}
    </Field>
  );
}

function Radios({ name, legend, options, value, error, hint }: { name: string; legend: string; options: Option[]; value: string; error?: string; hint?: string }) {
  return (
    <fieldset className="rounded border border-slate-300 p-3" aria-describedby={describedBy(name, hint, error)}>
      <legend className="px-1 font-semibold">{legend}</legend>
      <FieldHint id={name}>{hint}</FieldHint>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <div key={option.value} className="flex items-center gap-2">
            <input type="radio" id={`${name}-${option.value || "aucun"}`} name={name} value={option.value} defaultChecked={value === option.value} className="h-4 w-4" />
            <label htmlFor={`${name}-${option.value || "aucun"}`}>{option.label}</label>
          </div>
        ))}
      </div>
      <FieldError id={name} error={error} />
    </fieldset>
  );
}

export function StartCallForm({ action, structureId, offerId, label }: { action: ServerAction; structureId: string; offerId: string; label: string }) {
  const { state, formAction, pending } = useCallForm(action);
  return (
    <form action={formAction}>
      <input type="hidden" name="structureId" value={structureId} />
      <input type="hidden" name="offerId" value={offerId} />
      <button type="submit" disabled={pending} className={primary}>
        {label}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function EndCallForm({ action, callId }: { action: ServerAction; callId: string }) {
  const { state, formAction, pending } = useCallForm(action);
  return (
    <form action={formAction}>
      <input type="hidden" name="callId" value={callId} />
      <button type="submit" disabled={pending} className={secondary}>
        Terminer l&apos;appel
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export interface SheetDefaults {
  request: string;
  categoryItemId: string;
  needSlug: string;
  difficulty: string;
  urgency: string;
  deadline: string;
  digitalEase: string;
  equipment: string[];
  posture: string;
  ageBand: string;
  commune: string;
  distance: string;
}

export interface SheetChoices {
  categories: Option[];
  needs: Option[];
  difficulties: Option[];
  urgencies: Option[];
  eases: Option[];
  equipment: Option[];
  postures: Option[];
  ageBands: Option[];
}

export function SheetForm({ action, callId, defaults, choices }: { action: ServerAction; callId: string; defaults: SheetDefaults; choices: SheetChoices }) {
  const { state, formAction, pending, errorAt, posted, postedList, formKey } = useCallForm(action);
  const field = (name: string, label: string, render: (props: InputProps) => ReactNode, hint?: string) => renderField(errorAt, name, label, render, hint);
  const value = (name: Exclude<keyof SheetDefaults, "equipment">) => posted(name) ?? defaults[name];
  const equipment = postedList("equipment") ?? defaults.equipment;
  const select = (name: Exclude<keyof SheetDefaults, "equipment">, label: string, options: Option[], empty = "Non précisé") =>
    field(name, label, (props) => (
      <select defaultValue={value(name)} className={control} {...props}>
        <option value="">{empty}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    ));
  return (
    <form action={formAction} noValidate className="space-y-4" key={formKey}>
      <input type="hidden" name="callId" value={callId} />
      <section aria-labelledby="accueil" className="space-y-3">
        <h2 id="accueil" className="text-2xl font-semibold">
          1. Accueil
        </h2>
        {field(
          "request",
          "La demande, en quelques mots",
          (props) => <input type="text" autoComplete="off" defaultValue={value("request")} className={`${control} w-full max-w-xl`} {...props} />,
          "Sans nom ni détail personnel : « déclarer ses impôts en ligne », « mot de passe Ameli perdu ».",
        )}
        {select("categoryItemId", "Catégorie de la demande", choices.categories, "Non précisée")}
      </section>
      <section aria-labelledby="analyse" className="space-y-3">
        <h2 id="analyse" className="text-2xl font-semibold">
          2. Analyse (les 3 A)
        </h2>
        {select("needSlug", "Le besoin", choices.needs, "À déduire des mots de la demande")}
        <div className="flex flex-wrap gap-4">
          {select("difficulty", "Difficulté de la demande", choices.difficulties)}
          {select("urgency", "Urgence", choices.urgencies)}
          {field("deadline", "Échéance (facultatif)", (props) => <input type="date" defaultValue={value("deadline")} className={control} {...props} />)}
        </div>
        <div className="flex flex-wrap gap-4">
          {select("digitalEase", "Aisance avec le numérique", choices.eases)}
          {select("posture", "Ce que la personne souhaite", choices.postures)}
          {select("ageBand", "Âge", choices.ageBands)}
        </div>
        <fieldset className="rounded border border-slate-300 p-3" aria-describedby={describedBy("equipment", undefined, errorAt("equipment"))}>
          <legend className="px-1 font-semibold">Équipement</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {choices.equipment.map((option) => (
              <div key={option.value} className="flex items-center gap-2">
                <input type="checkbox" id={`equipment-${option.value}`} name="equipment" value={option.value} defaultChecked={equipment.includes(option.value)} className="h-4 w-4" />
                <label htmlFor={`equipment-${option.value}`}>{option.label}</label>
              </div>
            ))}
          </div>
          <FieldError id="equipment" error={errorAt("equipment")} />
        </fieldset>
        <div className="flex flex-wrap gap-4">
          {field("commune", "Commune (facultatif)", (props) => <input type="text" autoComplete="off" defaultValue={value("commune")} className={control} {...props} />, "Nom, code postal ou code INSEE.")}
          {field("distance", "Distance possible, en km (facultatif)", (props) => <input type="text" inputMode="numeric" defaultValue={value("distance")} className={`${control} w-24`} {...props} />, "0 : ne peut pas se déplacer.")}
        </div>
      </section>
      <button type="submit" disabled={pending} className={primary}>
        Enregistrer et voir les suggestions
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export interface OutcomeDefaults {
  outcome: string;
  appointmentId: string;
  messageText: string;
  outcomeNote: string;
}

export function OutcomeForm({
  action,
  callId,
  outcomes,
  chosenOffer,
  appointments,
  defaults,
}: {
  action: ServerAction;
  callId: string;
  outcomes: Option[];
  chosenOffer: { id: string; title: string } | null;
  appointments: Option[];
  defaults: OutcomeDefaults;
}) {
  const { state, formAction, pending, errorAt, posted, formKey } = useCallForm(action);
  const field = (name: string, label: string, render: (props: InputProps) => ReactNode, hint?: string) => renderField(errorAt, name, label, render, hint);
  const value = (name: keyof OutcomeDefaults) => posted(name) ?? defaults[name];
  return (
    <form action={formAction} noValidate className="space-y-4" key={formKey} aria-label="Issue de l'appel">
      <input type="hidden" name="callId" value={callId} />
      <input type="hidden" name="outcomeOfferId" value={chosenOffer?.id ?? ""} />
      <Radios name="outcome" legend="Issue de l'appel" options={outcomes} value={value("outcome")} error={errorAt("outcome")} />
      <div>
        <p className="font-medium">Offre proposée</p>
        <p>{chosenOffer ? chosenOffer.title : "Aucune : choisissez-la ci-dessus si la personne vient à une permanence, a un rendez-vous ou est orientée."}</p>
        <FieldError id="outcomeOfferId" error={errorAt("outcomeOfferId")} />
      </div>
      {field("appointmentId", "Rendez-vous pris pendant l'appel", (props) => (
        <select defaultValue={value("appointmentId")} className={control} {...props}>
          <option value="">{appointments.length ? "Choisissez" : "Aucun rendez-vous pris depuis le début de l'appel"}</option>
          {appointments.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ))}
      {field(
        "messageText",
        "Le message à lire ou à envoyer",
        (props) => <textarea rows={4} defaultValue={value("messageText")} className={`${control} w-full max-w-2xl`} {...props} />,
        "Où venir, quand, quoi apporter. Modifiez-le si besoin.",
      )}
      <Radios
        name="sendBy"
        legend="Envoyer le message"
        options={[
          { value: "", label: "Non, lu à voix haute" },
          { value: "sms", label: "Par SMS" },
          { value: "email", label: "Par courriel" },
        ]}
        value={posted("sendBy") ?? ""}
        error={errorAt("sendBy")}
        hint="Le numéro ou l'adresse sert seulement à cet envoi : il n'est pas gardé sur la fiche."
      />
      <div>
        <div className="flex items-start gap-2">
          <input
            type="checkbox"
            id="consent"
            name="consent"
            defaultChecked={posted("consent") === "on"}
            aria-invalid={errorAt("consent") ? true : undefined}
            aria-describedby={describedBy("consent", undefined, errorAt("consent"))}
            className="mt-1 h-4 w-4"
          />
          <label htmlFor="consent">La personne accepte de recevoir ce message à ce numéro ou à cette adresse.</label>
        </div>
        <FieldError id="consent" error={errorAt("consent")} />
      </div>
      <div className="flex flex-wrap gap-4">
        {field("phone", "Numéro pour le SMS", (props) => <input type="tel" autoComplete="off" defaultValue={posted("phone") ?? ""} className={control} {...props} />)}
        {field("email", "Adresse pour le courriel", (props) => <input type="email" autoComplete="off" defaultValue={posted("email") ?? ""} className={control} {...props} />)}
      </div>
      {field("outcomeNote", "Précisions (facultatif ; obligatoire pour « Autre »)", (props) => <input type="text" defaultValue={value("outcomeNote")} className={`${control} w-full max-w-xl`} {...props} />)}
      <button type="submit" disabled={pending} className={primary}>
        Enregistrer l&apos;issue
      </button>
      <FormStatus state={state} />
    </form>
  );
}

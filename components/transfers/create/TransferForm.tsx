"use client";

/**
 * The transfer creation form: the level, the 3-A analysis, the documents checklist, the person
 * (a first name by default; details only with consent), a note, an appointment, and the warnings
 * to confirm. react-hook-form checks it with the server's zod schema; without JavaScript it posts
 * to the same server action and comes back with the errors next to their fields and everything
 * typed kept. The form's idempotency key makes a double submit create one transfer.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useTransition, type FormEvent, type ReactNode } from "react";
import { get, useForm, type FieldErrors } from "react-hook-form";
import { describedBy, Field, FieldError, FieldHint, inputClass } from "@/components/forms/Field";
import { FormStatus } from "@/components/forms/ActionForm";
import { useHydrated } from "@/components/forms/checked-form";
import type { ActionResult } from "@/lib/actions/authorized-action";
import type { FormObject } from "@/lib/forms/form-data";
import { LANGUAGES } from "@/lib/offers/schemas";
import {
  CONSENT_SCOPE_LABELS,
  DIFFICULTY_LABELS,
  DIGITAL_EASE_LABELS,
  EQUIPMENT_LABELS,
  LEVEL_LABELS,
  SUPPORT_GOAL_LABELS,
  URGENCY_LABELS,
} from "@/lib/transfers/labels";
import {
  AGE_BANDS,
  CONSENT_SCOPES,
  DIFFICULTIES,
  DIGITAL_EASES,
  EQUIPMENT,
  NEED_DESCRIPTION_MAX,
  NOTE_MAX,
  SUPPORT_GOALS,
  TRANSFER_LEVELS,
  transferSchema,
  URGENCIES,
  type AgeBand,
  type TransferFormValues,
  type TransferInput,
} from "@/lib/transfers/schemas";
import { transferWarnings, type TransferWarning } from "@/lib/transfers/warnings";

type ServerAction = (previous: ActionResult<null> | null, formData: FormData) => Promise<ActionResult<null>>;

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

const asList = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : []);
const asText = (value: unknown) => (typeof value === "string" ? value : "");

/** What the server sent back (without JavaScript) as form values, so nothing typed is lost. */
function fromPosted(posted: FormObject, defaults: TransferFormValues): TransferFormValues {
  const documents = Array.isArray(posted.documents) ? (posted.documents as FormObject[]) : [];
  return {
    ...defaults,
    ...Object.fromEntries(Object.entries(posted).filter(([key, value]) => typeof value === "string" && key in defaults)),
    level: asText(posted.level) || defaults.level,
    equipment: asList(posted.equipment),
    consentScope: asList(posted.consentScope),
    personPublicTermIds: asList(posted.personPublicTermIds),
    consent: posted.consent === "on",
    confirmWarnings: posted.confirmWarnings === "on",
    documents: documents.map((row) => ({ label: asText(row.label), status: asText(row.status) || "missing" })),
  } as TransferFormValues;
}

const legendClass = "px-1 font-semibold";
const fieldsetClass = "rounded border border-slate-300 p-3";

export function TransferForm({ action, defaults, options }: { action: ServerAction; defaults: TransferFormValues; options: TransferFormOptions }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const posted = state && !state.ok ? state.values : undefined;
  const initial = posted ? fromPosted(posted, defaults) : defaults;
  const hydrated = useHydrated();

  const {
    register,
    handleSubmit,
    setValue,
    watch,
    formState: { errors },
  } = useForm<TransferFormValues, unknown, TransferInput>({
    resolver: zodResolver(transferSchema) as never,
    mode: "onBlur",
    defaultValues: initial,
  });
  const serverErrors = state && !state.ok ? state.fieldErrors : undefined;
  const errorAt = (path: string): string | undefined =>
    (get(errors as FieldErrors, path) as { message?: string } | undefined)?.message ?? serverErrors?.[path]?.[0];

  // The person's public and age, checked against the offer as they are chosen.
  const [personPublicTermIds, ageBand, note] = watch(["personPublicTermIds", "ageBand", "noteForPartner"]);
  const personWarnings = transferWarnings(
    { acceptsTransfers: true, isSaturated: false, lastVerifiedAt: new Date(), minAge: options.minAge, maxAge: options.maxAge, publicTerms: options.publicTerms },
    { publicTermIds: asList(personPublicTermIds), ageBand: (ageBand || null) as AgeBand | null },
    { now: new Date(), staleAfterMonths: 1200 },
  );
  const warnings = [...options.warnings, ...personWarnings];
  const confirmable = warnings.filter((warning) => warning.kind !== "not_accepting_transfers");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const submitter = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null) ?? null;
    setValue("intent", submitter?.value === "draft" ? "draft" : "send");
    void handleSubmit(() => startTransition(() => formAction(new FormData(form, submitter))))(event);
  };

  const textInput = (name: keyof TransferFormValues & string, label: string, hint?: ReactNode, props: Record<string, unknown> = {}) => {
    const error = errorAt(name);
    return (
      <Field id={name} label={label} hint={hint} error={error}>
        <input
          type="text"
          id={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, hint, error)}
          className={inputClass}
          defaultValue={asText(initial[name])}
          {...props}
          {...register(name)}
        />
      </Field>
    );
  };

  const select = (name: keyof TransferFormValues & string, label: string, choices: [string, string][], blank = "Non précisé", hint?: ReactNode) => {
    const error = errorAt(name);
    return (
      <Field id={name} label={label} hint={hint} error={error}>
        <select
          id={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, hint, error)}
          className="mt-1 block max-w-xl rounded border border-slate-500 px-3 py-2"
          defaultValue={asText(initial[name])}
          {...register(name)}
        >
          {blank !== "" && <option value="">{blank}</option>}
          {choices.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </Field>
    );
  };

  const radios = (name: "level" | "urgency" | "supportGoal" | "difficulty", legend: string, choices: { value: string; label: string; hint?: string; disabled?: boolean }[], hint?: ReactNode) => {
    const error = errorAt(name);
    return (
      <fieldset className={fieldsetClass} aria-describedby={describedBy(name, hint, error)}>
        <legend className={legendClass}>{legend}</legend>
        <FieldHint id={name}>{hint}</FieldHint>
        {choices.map((choice) => (
          <div key={choice.value} className="mt-1 flex items-start gap-2">
            <input
              type="radio"
              id={`${name}-${choice.value}`}
              value={choice.value}
              disabled={choice.disabled}
              defaultChecked={initial[name] === choice.value}
              className="mt-1 h-4 w-4"
              {...(choice.hint ? { "aria-describedby": `${name}-${choice.value}-aide` } : {})}
              {...register(name)}
            />
            <label htmlFor={`${name}-${choice.value}`}>
              {choice.label}
              {choice.hint && (
                <span id={`${name}-${choice.value}-aide`} className="block text-sm text-slate-700">
                  {choice.hint}
                </span>
              )}
            </label>
          </div>
        ))}
        <FieldError id={name} error={error} />
      </fieldset>
    );
  };

  const checkboxes = (name: "equipment" | "consentScope" | "personPublicTermIds", legend: string, choices: [string, string][], hint?: ReactNode) => {
    const error = errorAt(name);
    return (
      <fieldset className={fieldsetClass} aria-describedby={describedBy(name, hint, error)}>
        <legend className={legendClass}>{legend}</legend>
        <FieldHint id={name}>{hint}</FieldHint>
        <div className="grid gap-1 sm:grid-cols-2">
          {choices.map(([value, text]) => (
            <div key={value} className="flex items-start gap-2">
              <input
                type="checkbox"
                id={`${name}-${value}`}
                value={value}
                defaultChecked={initial[name].includes(value)}
                className="mt-1 h-4 w-4"
                {...register(name)}
              />
              <label htmlFor={`${name}-${value}`}>{text}</label>
            </div>
          ))}
        </div>
        <FieldError id={name} error={error} />
      </fieldset>
    );
  };

  const single = options.sendingStructures.length === 1 ? options.sendingStructures[0]! : null;
  const noteLength = asText(note).length;

  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="mt-6 space-y-8">
      <input type="hidden" defaultValue={initial.idempotencyKey} {...register("idempotencyKey")} />
      <input type="hidden" defaultValue={initial.offerId} {...register("offerId")} />
      <input type="hidden" defaultValue={initial.previousTransferId} {...register("previousTransferId")} />

      <section aria-labelledby="transfert-type" className="space-y-4">
        <h2 id="transfert-type" className="text-2xl font-semibold">
          Le transfert
        </h2>
        {single ? (
          <p>
            Envoyé par <strong>{single.name}</strong>.
            <input type="hidden" defaultValue={single.id} {...register("fromStructureId")} />
          </p>
        ) : (
          select(
            "fromStructureId",
            "Au nom de quelle structure ?",
            options.sendingStructures.map((structure) => [structure.id, structure.name]),
            "",
          )
        )}
        {radios(
          "level",
          "Type de transfert",
          TRANSFER_LEVELS.map((level) => ({
            value: level,
            label: LEVEL_LABELS[level].label,
            hint: LEVEL_LABELS[level].hint,
            disabled: level !== "simple" && !options.acceptsTransfers,
          })),
          options.acceptsTransfers ? undefined : "Cette offre n'accepte pas les transferts accompagnés : proposez un transfert simple, la personne s'y rend avec la fiche.",
        )}
      </section>

      <section aria-labelledby="transfert-demande" className="space-y-4">
        <h2 id="transfert-demande" className="text-2xl font-semibold">
          La demande
        </h2>
        {options.needTerms.length > 0 && select("needTermId", "Besoin", options.needTerms.map((term) => [term.id, term.label]))}
        {textInput(
          "needDescription",
          "Nature de la demande",
          `En quelques mots, sans données personnelles (par exemple « Télé-candidature France Travail »). ${NEED_DESCRIPTION_MAX} caractères au plus.`,
          { maxLength: NEED_DESCRIPTION_MAX },
        )}
        {radios(
          "difficulty",
          "Difficulté",
          [{ value: "", label: "Non précisée" }, ...DIFFICULTIES.map((value) => ({ value, label: DIFFICULTY_LABELS[value] }))],
        )}
        {radios("urgency", "Urgence", URGENCIES.map((value) => ({ value, label: URGENCY_LABELS[value] })))}
        {(() => {
          const error = errorAt("deadline");
          const hint = "Si la démarche a une date limite (par exemple : candidature avant vendredi).";
          return (
            <Field id="deadline" label="Échéance (facultatif)" hint={hint} error={error}>
              <input
                type="date"
                id="deadline"
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy("deadline", hint, error)}
                className="mt-1 block rounded border border-slate-500 px-3 py-2"
                defaultValue={initial.deadline}
                {...register("deadline")}
              />
            </Field>
          );
        })()}
        {select("digitalEase", "Aisance de la personne avec le numérique", DIGITAL_EASES.map((value) => [value, DIGITAL_EASE_LABELS[value]]))}
        {checkboxes("equipment", "Équipement de la personne", EQUIPMENT.map((value) => [value, EQUIPMENT_LABELS[value]]))}
        {radios("supportGoal", "Objectif de l'accompagnement", [
          { value: "", label: "Non précisé" },
          ...SUPPORT_GOALS.map((value) => ({ value, label: SUPPORT_GOAL_LABELS[value] })),
        ])}
      </section>

      <section aria-labelledby="transfert-public" className="space-y-4">
        <h2 id="transfert-public" className="text-2xl font-semibold">
          L&apos;offre convient-elle à la personne ?
        </h2>
        <p className="text-slate-700">Facultatif : pour vérifier le public et l&apos;âge auxquels l&apos;offre s&apos;adresse. Ces réponses ne sont pas enregistrées.</p>
        {options.publicOptions.length > 0 && (
          <details open={initial.personPublicTermIds.length > 0}>
            <summary className="cursor-pointer font-medium">Public de la personne</summary>
            <div className="mt-2">
              {checkboxes("personPublicTermIds", "La personne est…", options.publicOptions.map((term) => [term.id, term.label]))}
            </div>
          </details>
        )}
        {select("ageBand", "Tranche d'âge", Object.entries(AGE_BANDS).map(([value, band]) => [value, band.label]))}
      </section>

      <section aria-labelledby="transfert-documents" className="space-y-3">
        <h2 id="transfert-documents" className="text-2xl font-semibold">
          Documents
        </h2>
        <p className="text-slate-700">Pour chaque document : prêt, à apporter, ou pas nécessaire pour cette démarche. Les lignes vides servent à en ajouter.</p>
        <FieldError id="documents" error={errorAt("documents")} />
        {initial.documents.map((row, index) => {
          const base = `documents.${index}`;
          const labelError = errorAt(`${base}.label`);
          const fixed = index < defaults.documents.length && defaults.documents[index]!.label !== "";
          return (
            <fieldset key={base} className={fieldsetClass}>
              <legend className={legendClass}>{fixed ? row.label : `Autre document ${index + 1 - defaults.documents.filter((document) => document.label).length}`}</legend>
              {fixed ? (
                <input type="hidden" defaultValue={row.label} {...register(`documents.${index}.label`)} />
              ) : (
                <Field id={`${base}.label`} label="Document" error={labelError}>
                  <input
                    type="text"
                    id={`${base}.label`}
                    aria-invalid={labelError ? true : undefined}
                    aria-describedby={describedBy(`${base}.label`, undefined, labelError)}
                    className={inputClass}
                    defaultValue={row.label}
                    {...register(`documents.${index}.label`)}
                  />
                </Field>
              )}
              <div className="mt-1 flex flex-wrap gap-4">
                {(
                  [
                    ["ready", "Prêt"],
                    ["missing", "À apporter"],
                    ["not_needed", "Pas nécessaire"],
                  ] as const
                ).map(([value, text]) => (
                  <div key={value} className="flex items-center gap-2">
                    <input
                      type="radio"
                      id={`${base}.status-${value}`}
                      value={value}
                      defaultChecked={row.status === value}
                      className="h-4 w-4"
                      {...register(`documents.${index}.status`)}
                    />
                    <label htmlFor={`${base}.status-${value}`}>{text}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          );
        })}
      </section>

      <section aria-labelledby="transfert-personne" className="space-y-4">
        <h2 id="transfert-personne" className="text-2xl font-semibold">
          La personne
        </h2>
        {textInput("personLabel", "Prénom ou surnom (facultatif)", "Un prénom ou un surnom suffit ; pas de nom de famille si ce n'est pas utile.", { autoComplete: "off" })}
        <fieldset className={fieldsetClass}>
          <legend className={legendClass}>Accord de la personne</legend>
          <div className="flex items-start gap-2">
            <input
              type="checkbox"
              id="consent"
              defaultChecked={initial.consent}
              aria-invalid={errorAt("consent") ? true : undefined}
              aria-describedby={describedBy("consent", undefined, errorAt("consent"))}
              className="mt-1 h-4 w-4"
              {...register("consent")}
            />
            <label htmlFor="consent">La personne accepte de partager avec le partenaire les informations cochées ci-dessous.</label>
          </div>
          <FieldError id="consent" error={errorAt("consent")} />
          <div className="mt-2 pl-6">
            {checkboxes(
              "consentScope",
              "Ce qu'elle accepte de partager",
              CONSENT_SCOPES.map((scope) => [scope, CONSENT_SCOPE_LABELS[scope]]),
              "Sans son accord, seul le prénom ou le surnom est transmis. Ces informations sont chiffrées et effacées après la clôture.",
            )}
          </div>
        </fieldset>
        {textInput("phone", "Téléphone de la personne", "Seulement si elle accepte de partager ses coordonnées.", { type: "tel", autoComplete: "off" })}
        {textInput("email", "Courriel de la personne", "Seulement si elle accepte de partager ses coordonnées.", { type: "email", autoComplete: "off" })}
        {select("language", "Langue de préférence", Object.entries(LANGUAGES), "Non précisée", "Seulement si elle accepte de la partager.")}
        {textInput("accessibilityNeeds", "Besoins d'accessibilité", "Seulement si elle accepte de les partager.")}
        {(() => {
          const error = errorAt("noteForPartner");
          const hint = `Ce que le partenaire doit savoir pour accueillir la personne. ${NOTE_MAX} caractères au plus.`;
          return (
            <Field id="noteForPartner" label="Note pour le partenaire (facultatif)" hint={hint} error={error}>
              <textarea
                id="noteForPartner"
                rows={4}
                maxLength={NOTE_MAX}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy("noteForPartner", hint, error)}
                className={inputClass}
                defaultValue={initial.noteForPartner}
                {...register("noteForPartner")}
              />
              {hydrated && (
                <p className="text-sm text-slate-700">
                  {noteLength} / {NOTE_MAX} caractères
                </p>
              )}
            </Field>
          );
        })()}
      </section>

      <section aria-labelledby="transfert-rdv" className="space-y-4">
        <h2 id="transfert-rdv" className="text-2xl font-semibold">
          Rendez-vous (facultatif)
        </h2>
        <p className="text-slate-700">Si vous avez pris rendez-vous pour la personne, par téléphone par exemple.</p>
        <div className="flex flex-wrap gap-4">
          {(
            [
              ["appointmentDate", "Date", "date"],
              ["appointmentTime", "Heure", "time"],
            ] as const
          ).map(([name, label, type]) => {
            const error = errorAt(name);
            return (
              <Field key={name} id={name} label={label} error={error}>
                <input
                  type={type}
                  id={name}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy(name, undefined, error)}
                  className="mt-1 block rounded border border-slate-500 px-3 py-2"
                  defaultValue={initial[name]}
                  {...register(name)}
                />
              </Field>
            );
          })}
        </div>
        {options.places.length > 0 &&
          select(
            "appointmentPlaceId",
            "Lieu",
            options.places.map((place) => [place.id, `${place.name} (${place.communeName})`]),
            "Non précisé",
          )}
        {textInput("askFor", "À qui s'adresser (facultatif)", "Par exemple « l'accueil, de la part de Lucas ».")}
      </section>

      {(warnings.length > 0 || errorAt("confirmWarnings")) && (
        <section aria-labelledby="transfert-avertissements" className="space-y-2 rounded border-2 border-amber-700 bg-amber-50 p-4">
          <h2 id="transfert-avertissements" className="text-xl font-semibold">
            Avant d&apos;envoyer
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            {warnings.map((warning) => (
              <li key={warning.kind}>{warning.message}</li>
            ))}
          </ul>
          {(confirmable.length > 0 || errorAt("confirmWarnings")) && (
            <div>
              <div className="flex items-start gap-2">
                <input
                  type="checkbox"
                  id="confirmWarnings"
                  defaultChecked={initial.confirmWarnings}
                  aria-invalid={errorAt("confirmWarnings") ? true : undefined}
                  aria-describedby={describedBy("confirmWarnings", undefined, errorAt("confirmWarnings"))}
                  className="mt-1 h-4 w-4"
                  {...register("confirmWarnings")}
                />
                <label htmlFor="confirmWarnings" className="font-medium">
                  Je transfère quand même
                </label>
              </div>
              <FieldError id="confirmWarnings" error={errorAt("confirmWarnings")} />
            </div>
          )}
        </section>
      )}

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

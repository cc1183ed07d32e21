"use client";

/**
 * The opening-hours editor: a week (one group per day, each with its slots), dated exceptions,
 * the public-holiday rule, and for an offer at a place the choice between the place's hours and
 * its own. react-hook-form checks it with the server's zod schema; without JavaScript the page
 * comes with blank rows to fill in and the server answers with its errors next to the fields.
 */
import { useEffect } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { FormStatus } from "@/components/forms/ActionForm";
import { FieldError, FieldGroup } from "@/components/forms/Field";
import { useHydrated, useServerForm, type ServerAction } from "@/components/forms/server-form";
import { DateField, RadioOption, SelectField, TextField, TimeField } from "./HoursFields";
import type { SavedHours } from "@/lib/hours/actions";
import { WEEKDAY_NAMES } from "@/lib/hours/format";
import { blankException, blankSlot, formValuesFromPosted, previewHours, type HoursFormValues } from "@/lib/hours/form-values";
import type { HolidayRule } from "@/lib/hours/rules";
import { hoursFormSchema, LABEL_MAX } from "@/lib/hours/schemas";

export interface PlaceHoursInfo {
  name: string;
  /** The place's hours in plain French. */
  description: string;
  publicHolidays: HolidayRule;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const isBlankSlot = (slot: { opens?: string; closes?: string } | undefined) => !slot?.opens?.trim() && !slot?.closes?.trim();

const HOLIDAY_LABELS = {
  closed: "Fermé les jours fériés",
  open_as_usual: "Ouvert les jours fériés, aux horaires habituels",
  unknown: "Non précisé",
} as const;

const smallButton = "rounded border border-accent px-2 py-1 text-sm font-semibold text-accent";

export function HoursEditor({
  action,
  defaults,
  saved,
  place,
}: {
  action: ServerAction<SavedHours>;
  defaults: HoursFormValues;
  /** The saved hours in plain French. */
  saved: string;
  /** For an offer at a place: the place and its hours. */
  place?: PlaceHoursInfo;
}) {
  const { register, control, setValue, getValues, state, pending, initial, formAction, onSubmit, errorAt } = useServerForm(
    hoursFormSchema,
    action,
    (posted): HoursFormValues => (posted ? formValuesFromPosted(posted, defaults) : defaults),
  );
  // Buttons that only work with JavaScript (add, remove, copy) appear once it runs.
  const interactive = useHydrated();
  const slots = useFieldArray({ control, name: "slots" });
  const exceptions = useFieldArray({ control, name: "exceptions" });
  const values = useWatch({ control });

  // A save changes the hours' version: the next save from this page starts from it.
  useEffect(() => {
    if (state?.ok) setValue("version", state.data.version);
  }, [state, setValue]);

  const kind = defaults.owner.kind;
  const usesPlaceHours = kind === "offerPlace" && values.hoursSource === "place";
  const hideWhenPlaceHours = interactive && usesPlaceHours ? "hidden" : "";
  const savedText = state?.ok ? state.data.description : saved;

  function copyToFollowingDays(weekday: number) {
    const current = getValues("slots") ?? [];
    const lastDay = weekday < 5 ? 5 : 7;
    const targets = Array.from({ length: lastDay - weekday }, (_, offset) => weekday + 1 + offset);
    const source = current.filter((slot) => Number(slot.weekday) === weekday && !isBlankSlot(slot));
    const next = current
      .filter((slot) => !targets.includes(Number(slot.weekday)))
      .concat(targets.flatMap((target) => source.map((slot) => ({ ...slot, weekday: String(target) }))))
      .sort((a, b) => Number(a.weekday) - Number(b.weekday));
    slots.replace(next);
  }

  return (
    <form
      action={formAction}
      noValidate
      onSubmit={onSubmit}
      className="mt-4 space-y-6"
    >
      <p className="rounded border border-slate-300 bg-slate-50 p-3">
        <strong>Horaires enregistrés :</strong> <span data-testid="horaires-enregistres">{savedText}</span>
      </p>

      <input type="hidden" defaultValue={initial.structureId} {...register("structureId")} />
      <input type="hidden" defaultValue={initial.version} {...register("version")} />
      <input type="hidden" defaultValue={initial.owner.kind} {...register("owner.kind")} />
      {initial.owner.placeId && <input type="hidden" defaultValue={initial.owner.placeId} {...register("owner.placeId")} />}
      {initial.owner.offerId && <input type="hidden" defaultValue={initial.owner.offerId} {...register("owner.offerId")} />}

      {kind === "offerPlace" && place && (
        <fieldset className="space-y-2">
          <legend className="text-xl font-semibold">Quels horaires pour cette offre à « {place.name} » ?</legend>
          <label className="flex items-start gap-2">
            <input type="radio" value="place" defaultChecked={initial.hoursSource === "place"} {...register("hoursSource")} className="mt-1" />
            <span>
              Mêmes horaires que le lieu <span className="text-slate-700">({place.description})</span>
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input type="radio" value="own" defaultChecked={initial.hoursSource === "own"} {...register("hoursSource")} className="mt-1" />
            <span>Horaires propres à cette offre (indiquez-les ci-dessous)</span>
          </label>
          {!interactive && <p className="text-sm text-slate-700">Si vous choisissez les horaires du lieu, les créneaux ci-dessous ne sont pas pris en compte.</p>}
        </fieldset>
      )}

      <section aria-labelledby="semaine-titre" className={hideWhenPlaceHours}>
        <h2 id="semaine-titre" className="text-xl font-semibold">
          La semaine
        </h2>
        <p id="semaine-aide" className="text-sm text-slate-700">
          Un créneau par plage d&apos;ouverture : une journée continue est un seul créneau, une pause de midi en fait deux. Pour retirer un
          créneau, videz ses heures. Un jour sans créneau est fermé.
        </p>
        <FieldError id="slots" error={errorAt("slots")} />
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          {WEEKDAY_NAMES.map((dayName, dayIndex) => {
            const weekday = dayIndex + 1;
            const Day = capitalize(dayName);
            const rows = slots.fields.map((field, index) => ({ field, index })).filter(({ field }) => Number(field.weekday) === weekday);
            const closed = rows.every(({ index }) => isBlankSlot(values.slots?.[index]));
            return (
              <fieldset key={weekday} className="rounded border border-slate-300 p-3">
                <legend className="px-1 font-semibold">
                  {Day}
                  {closed && <span className="font-normal text-slate-700"> — fermé</span>}
                </legend>
                <div className="space-y-2">
                  {rows.map(({ field, index }, position) => {
                    const name = `${Day}, créneau ${position + 1}`;
                    return (
                      <div key={field.id}>
                        <div className="flex flex-wrap items-start gap-3">
                          <input type="hidden" defaultValue={field.weekday} {...register(`slots.${index}.weekday`)} />
                          <TimeField
                            id={`slots-${index}-opens`}
                            label={<><span className="sr-only">{name}, </span>ouverture</>}
                            error={errorAt(`slots.${index}.opens`)}
                            input={register(`slots.${index}.opens`)}
                            defaultValue={field.opens}
                          />
                          <TimeField
                            id={`slots-${index}-closes`}
                            label={<><span className="sr-only">{name}, </span>fermeture</>}
                            error={errorAt(`slots.${index}.closes`)}
                            input={register(`slots.${index}.closes`)}
                            defaultValue={field.closes}
                          />
                          <label className="mt-7 flex items-center gap-1">
                            <input type="checkbox" defaultChecked={field.appointmentOnly === true} {...register(`slots.${index}.appointmentOnly`)} />
                            <span className="sr-only">{name}, </span>sur rendez-vous
                          </label>
                          {interactive && (
                            <button type="button" className={`${smallButton} mt-6`} onClick={() => slots.remove(index)}>
                              Retirer<span className="sr-only"> le créneau {position + 1} du {dayName}</span>
                            </button>
                          )}
                        </div>
                      </div>
                    );
                  })}
                </div>
                {interactive && (
                  <div className="mt-2 flex flex-wrap gap-2">
                    <button type="button" className={smallButton} onClick={() => slots.append(blankSlot(weekday))}>
                      Ajouter un créneau<span className="sr-only"> le {dayName}</span>
                    </button>
                    {weekday < 7 && (
                      <button type="button" className={smallButton} onClick={() => copyToFollowingDays(weekday)}>
                        Copier ces horaires sur les jours suivants
                        <span className="sr-only">
                          {weekday === 6 ? " (le dimanche)" : ` (du ${WEEKDAY_NAMES[weekday]} au ${weekday < 5 ? "vendredi" : "dimanche"})`}
                        </span>
                      </button>
                    )}
                  </div>
                )}
              </fieldset>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="exceptions-titre" className={hideWhenPlaceHours}>
        <h2 id="exceptions-titre" className="text-xl font-semibold">
          Fermetures et horaires exceptionnels
        </h2>
        <p className="text-sm text-slate-700">
          Congés, travaux, horaires d&apos;été… Pour un seul jour, laissez « dernier jour » vide. Les lignes laissées vides sont ignorées.
        </p>
        <FieldError id="exceptions" error={errorAt("exceptions")} />
        <div className="mt-3 space-y-3">
          {exceptions.fields.map((field, index) => {
            const name = `Exception ${index + 1}`;
            const special = (values.exceptions?.[index]?.kind ?? field.kind) === "special";
            const at = (part: string) => `exceptions.${index}.${part}`;
            const idOf = (part: string) => `exceptions-${index}-${part}`;
            return (
              <fieldset key={field.id} className="rounded border border-slate-300 p-3">
                <legend className="px-1 font-semibold">{name}</legend>
                <div className="flex flex-wrap items-start gap-3">
                  <DateField
                    id={idOf("startsOn")}
                    label={<><span className="sr-only">{name}, </span>premier jour</>}
                    error={errorAt(at("startsOn"))}
                    input={register(`exceptions.${index}.startsOn`)}
                    defaultValue={field.startsOn}
                  />
                  <DateField
                    id={idOf("endsOn")}
                    label={<><span className="sr-only">{name}, </span>dernier jour</>}
                    error={errorAt(at("endsOn"))}
                    input={register(`exceptions.${index}.endsOn`)}
                    defaultValue={field.endsOn}
                  />
                  <SelectField
                    id={idOf("kind")}
                    label={<><span className="sr-only">{name}, </span>fermé ou horaires spéciaux</>}
                    error={errorAt(at("kind"))}
                    input={register(`exceptions.${index}.kind`)}
                    defaultValue={field.kind}
                  >
                    <option value="closed">Fermé toute la période</option>
                    <option value="special">Ouvert, horaires spéciaux</option>
                  </SelectField>
                  <div className={interactive && !special ? "hidden" : "flex flex-wrap items-start gap-3"}>
                    <TimeField
                      id={idOf("opens")}
                      label={<><span className="sr-only">{name}, </span>ouverture spéciale</>}
                      error={errorAt(at("opens"))}
                      input={register(`exceptions.${index}.opens`)}
                      defaultValue={field.opens}
                    />
                    <TimeField
                      id={idOf("closes")}
                      label={<><span className="sr-only">{name}, </span>fermeture spéciale</>}
                      error={errorAt(at("closes"))}
                      input={register(`exceptions.${index}.closes`)}
                      defaultValue={field.closes}
                    />
                  </div>
                  <TextField
                    id={idOf("label")}
                    label={<><span className="sr-only">{name}, </span>motif</>}
                    maxLength={LABEL_MAX}
                    error={errorAt(at("label"))}
                    input={register(`exceptions.${index}.label`)}
                    defaultValue={field.label}
                  />
                  {interactive && (
                    <button type="button" className={`${smallButton} mt-6`} onClick={() => exceptions.remove(index)}>
                      Retirer<span className="sr-only"> l&apos;exception {index + 1}</span>
                    </button>
                  )}
                </div>
              </fieldset>
            );
          })}
        </div>
        {interactive && (
          <button type="button" className={`${smallButton} mt-2`} onClick={() => exceptions.append(blankException())}>
            Ajouter une exception
          </button>
        )}
      </section>

      {kind !== "offer" && (
        <FieldGroup
          id="publicHolidays"
          legend="Les jours fériés"
          error={errorAt("publicHolidays")}
          className={`space-y-1 ${hideWhenPlaceHours}`}
          legendClassName="text-xl font-semibold"
        >
          {kind === "offerPlace" && place && (
            <RadioOption register={register("publicHolidays")} value="same_as_place" checked={initial.publicHolidays === "same_as_place"}>
              Comme le lieu ({HOLIDAY_LABELS[place.publicHolidays].toLowerCase()})
            </RadioOption>
          )}
          {(Object.keys(HOLIDAY_LABELS) as (keyof typeof HOLIDAY_LABELS)[]).map((rule) => (
            <RadioOption key={rule} register={register("publicHolidays")} value={rule} checked={initial.publicHolidays === rule}>
              {HOLIDAY_LABELS[rule]}
            </RadioOption>
          ))}
        </FieldGroup>
      )}

      <section aria-labelledby="apercu-titre" className="rounded border border-slate-300 p-3">
        <h2 id="apercu-titre" className="font-semibold">
          Aperçu de votre saisie
        </h2>
        <p aria-live="polite" data-testid="apercu">
          {previewHours(values, place ?? null) || "—"}
        </p>
      </section>

      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
        Enregistrer les horaires
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/**
 * The transfer creation form's fields, each drawn with the shared Field / FieldGroup (label, hint,
 * error tied by aria-describedby) and registered with the form's react-hook-form.
 */
import type { ReactNode } from "react";
import type { UseFormRegister } from "react-hook-form";
import { describedBy, Field, FieldError, FieldGroup, inputClass } from "@/components/forms/Field";
import type { TransferFormInput, TransferFormValues } from "@/lib/transfers/schemas";

/** What every section needs of the form: its fields, their errors, and the values shown first. */
export interface TransferFormParts {
  register: UseFormRegister<TransferFormInput>;
  errorAt: (path: string) => string | undefined;
  initial: TransferFormValues;
}

type NameOf<V> = { [K in keyof TransferFormValues]: TransferFormValues[K] extends V ? K : never }[keyof TransferFormValues];
export type TextName = NameOf<string>;
type ListName = NameOf<string[]>;

export const legendClass = "px-1 font-semibold";
export const fieldsetClass = "rounded border border-slate-300 p-3";
const selectClass = "mt-1 block max-w-xl rounded border border-slate-500 px-3 py-2";
const dateClass = "mt-1 block rounded border border-slate-500 px-3 py-2";

export function TextInput({
  form,
  name,
  label,
  hint,
  type = "text",
  maxLength,
  autoComplete,
}: {
  form: TransferFormParts;
  name: TextName;
  label: string;
  hint?: ReactNode;
  type?: "text" | "tel" | "email" | "date" | "time";
  maxLength?: number;
  autoComplete?: string;
}) {
  const error = form.errorAt(name);
  return (
    <Field id={name} label={label} hint={hint} error={error}>
      <input
        type={type}
        id={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className={type === "date" || type === "time" ? dateClass : inputClass}
        maxLength={maxLength}
        autoComplete={autoComplete}
        defaultValue={form.initial[name]}
        {...form.register(name)}
      />
    </Field>
  );
}

export function SelectInput({
  form,
  name,
  label,
  choices,
  blank = "Non précisé",
  hint,
}: {
  form: TransferFormParts;
  name: TextName;
  label: string;
  choices: [string, string][];
  /** The empty choice's words; "" for none. */
  blank?: string;
  hint?: ReactNode;
}) {
  const error = form.errorAt(name);
  return (
    <Field id={name} label={label} hint={hint} error={error}>
      <select
        id={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className={selectClass}
        defaultValue={form.initial[name]}
        {...form.register(name)}
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
}

export function Radios({
  form,
  name,
  legend,
  choices,
  hint,
}: {
  form: TransferFormParts;
  name: "level" | "urgency" | "supportGoal" | "difficulty";
  legend: string;
  choices: { value: string; label: string; hint?: string; disabled?: boolean }[];
  hint?: ReactNode;
}) {
  return (
    <FieldGroup id={name} legend={legend} hint={hint} error={form.errorAt(name)}>
      {choices.map((choice) => (
        <div key={choice.value} className="mt-1 flex items-start gap-2">
          <input
            type="radio"
            id={`${name}-${choice.value}`}
            value={choice.value}
            disabled={choice.disabled}
            defaultChecked={form.initial[name] === choice.value}
            className="mt-1 h-4 w-4"
            {...(choice.hint ? { "aria-describedby": `${name}-${choice.value}-aide` } : {})}
            {...form.register(name)}
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
    </FieldGroup>
  );
}

export function Checkboxes({
  form,
  name,
  legend,
  choices,
  hint,
}: {
  form: TransferFormParts;
  name: ListName;
  legend: string;
  choices: [string, string][];
  hint?: ReactNode;
}) {
  return (
    <FieldGroup id={name} legend={legend} hint={hint} error={form.errorAt(name)}>
      <div className="grid gap-1 sm:grid-cols-2">
        {choices.map(([value, text]) => (
          <div key={value} className="flex items-start gap-2">
            <input
              type="checkbox"
              id={`${name}-${value}`}
              value={value}
              defaultChecked={form.initial[name].includes(value)}
              className="mt-1 h-4 w-4"
              {...form.register(name)}
            />
            <label htmlFor={`${name}-${value}`}>{text}</label>
          </div>
        ))}
      </div>
    </FieldGroup>
  );
}

/** A single checkbox with its label beside it, and its error below. */
export function Checkbox({ form, name, label, labelClassName }: { form: TransferFormParts; name: "consent" | "confirmWarnings"; label: string; labelClassName?: string }) {
  const error = form.errorAt(name);
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id={name}
          defaultChecked={form.initial[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, undefined, error)}
          className="mt-1 h-4 w-4"
          {...form.register(name)}
        />
        <label htmlFor={name} className={labelClassName}>
          {label}
        </label>
      </div>
      <FieldError id={name} error={error} />
    </div>
  );
}

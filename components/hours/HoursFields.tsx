/** The hours editor's small fields, drawn with the shared Field (label, error, aria-describedby). */
import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { describedBy, Field } from "@/components/forms/Field";

type Registered = UseFormRegisterReturn;

const inputClass = "mt-1 rounded border border-slate-500 px-2 py-1";

export function TimeField(props: { id: string; label: ReactNode; error?: string; input: Registered; defaultValue?: string }) {
  return <InputField {...props} type="time" />;
}

export function DateField(props: { id: string; label: ReactNode; error?: string; input: Registered; defaultValue?: string }) {
  return <InputField {...props} type="date" />;
}

export function TextField(props: { id: string; label: ReactNode; error?: string; input: Registered; defaultValue?: string; maxLength?: number }) {
  return <InputField {...props} type="text" />;
}

function InputField({
  id,
  label,
  error,
  input,
  defaultValue,
  type,
  maxLength,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  input: Registered;
  defaultValue?: string;
  type: "time" | "date" | "text";
  maxLength?: number;
}) {
  return (
    <Field id={id} label={label} error={error} compact>
      <input
        id={id}
        type={type}
        maxLength={maxLength}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        {...input}
        className={inputClass}
      />
    </Field>
  );
}

export function SelectField({
  id,
  label,
  error,
  input,
  defaultValue,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  input: Registered;
  defaultValue?: string;
  children: ReactNode;
}) {
  return (
    <Field id={id} label={label} error={error} compact>
      <select id={id} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, undefined, error)} {...input} className={inputClass}>
        {children}
      </select>
    </Field>
  );
}

export function RadioOption({ register, value, checked, children }: { register: Registered; value: string; checked: boolean; children: ReactNode }) {
  return (
    <label className="flex items-center gap-2">
      <input type="radio" value={value} defaultChecked={checked} {...register} />
      {children}
    </label>
  );
}

/** The hours editor's small fields: each labelled, its error linked with aria-describedby. */
import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

type Registered = UseFormRegisterReturn;

export const inputClass = "mt-1 rounded border border-slate-500 px-2 py-1";

export function ErrorText({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 font-medium text-red-800">
      {message}
    </p>
  );
}

export function TimeField(props: { id: string; label: ReactNode; error?: string; input: Registered; defaultValue: string }) {
  return <InputField {...props} type="time" />;
}

export function DateField(props: { id: string; label: ReactNode; error?: string; input: Registered; defaultValue: string }) {
  return <InputField {...props} type="date" />;
}

function InputField({
  id,
  label,
  error,
  input,
  defaultValue,
  type,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  input: Registered;
  defaultValue: string;
  type: "time" | "date";
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm">
        {label}
      </label>
      <input
        id={id}
        type={type}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-erreur` : undefined}
        {...input}
        className={inputClass}
      />
    </div>
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

/** The documents checklist: each document ready, to bring, or not needed; blank rows to add others. */
import { describedBy, Field, FieldError, inputClass } from "@/components/forms/Field";
import type { TransferFormValues } from "@/lib/transfers/schemas";
import { fieldsetClass, legendClass, type TransferFormParts } from "./fields";

const STATUSES = [
  ["ready", "Prêt"],
  ["missing", "À apporter"],
  ["not_needed", "Pas nécessaire"],
] as const;

export function DocumentsSection({ form, listed }: { form: TransferFormParts; /** The page's own rows (the named ones are fixed). */ listed: TransferFormValues["documents"] }) {
  const named = listed.filter((document) => document.label).length;
  return (
    <section aria-labelledby="transfert-documents" className="space-y-3">
      <h2 id="transfert-documents" className="text-2xl font-semibold">
        Documents
      </h2>
      <p className="text-slate-700">Pour chaque document : prêt, à apporter, ou pas nécessaire pour cette démarche. Les lignes vides servent à en ajouter.</p>
      <FieldError id="documents" error={form.errorAt("documents")} />
      {form.initial.documents.map((row, index) => {
        const base = `documents.${index}`;
        const labelError = form.errorAt(`${base}.label`);
        const fixed = index < listed.length && listed[index]!.label !== "";
        return (
          <fieldset key={base} className={fieldsetClass}>
            <legend className={legendClass}>{fixed ? row.label : `Autre document ${index + 1 - named}`}</legend>
            {fixed ? (
              <input type="hidden" defaultValue={row.label} {...form.register(`documents.${index}.label`)} />
            ) : (
              <Field id={`${base}.label`} label="Document" error={labelError}>
                <input
                  type="text"
                  id={`${base}.label`}
                  aria-invalid={labelError ? true : undefined}
                  aria-describedby={describedBy(`${base}.label`, undefined, labelError)}
                  className={inputClass}
                  defaultValue={row.label}
                  {...form.register(`documents.${index}.label`)}
                />
              </Field>
            )}
            <div className="mt-1 flex flex-wrap gap-4">
              {STATUSES.map(([value, text]) => (
                <div key={value} className="flex items-center gap-2">
                  <input
                    type="radio"
                    id={`${base}.status-${value}`}
                    value={value}
                    defaultChecked={row.status === value}
                    className="h-4 w-4"
                    {...form.register(`documents.${index}.status`)}
                  />
                  <label htmlFor={`${base}.status-${value}`}>{text}</label>
                </div>
              ))}
            </div>
            <FieldError id={`${base}.status`} error={form.errorAt(`${base}.status`)} />
          </fieldset>
        );
      })}
    </section>
  );
}

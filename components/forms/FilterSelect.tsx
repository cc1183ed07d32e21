/**
 * One filter of a GET filter form (the matrix, the transfers' inboxes): a label and a select whose
 * first choice, "Tous", drops the filter. Works without JavaScript: the form's URL is the filter.
 */
export function FilterSelect({
  name,
  label,
  options,
  value,
  allLabel = "Tous",
}: {
  name: string;
  label: string;
  options: { id: string; label: string }[];
  value?: string | null;
  allLabel?: string;
}) {
  return (
    <div>
      <label htmlFor={`filtre-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`filtre-${name}`} name={name} defaultValue={value ?? ""} className="mt-1 max-w-64 rounded border border-slate-500 px-2 py-1">
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

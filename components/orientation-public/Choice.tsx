/** The questionnaire's radio buttons and checkboxes: big enough to tap, the label around the input. */
export function Choice({ type, name, value, label, checked }: { type: "radio" | "checkbox"; name: string; value: string; label: string; checked: boolean }) {
  return (
    <label className="flex min-h-11 items-center gap-3 text-lg">
      <input type={type} name={name} value={value} defaultChecked={checked} className="h-5 w-5 shrink-0" />
      {label}
    </label>
  );
}

export function ChoiceGroup({ legend, hint, children }: { legend: string; hint?: string; children: React.ReactNode }) {
  return (
    <fieldset className="mt-4">
      <legend className="text-lg font-semibold">{legend}</legend>
      {hint ? <p className="text-slate-700">{hint}</p> : null}
      <div className="mt-1">{children}</div>
    </fieldset>
  );
}

/**
 * The parts every form field shares: its label, an optional hint, its error, and the ids that
 * tie them together for screen readers (aria-describedby). Works in server and client components.
 */
import type { ReactNode } from "react";

export function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint && `${id}-aide`, error && `${id}-erreur`].filter(Boolean).join(" ") || undefined;
}

/** `live`: a hint that changes as the person types (read out when it does). */
export function FieldHint({ id, children, live }: { id: string; children?: ReactNode; live?: boolean }) {
  if (!children) return null;
  return (
    <p id={`${id}-aide`} className="text-sm text-slate-700" aria-live={live ? "polite" : undefined}>
      {children}
    </p>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-erreur`} className="mt-1 font-medium text-red-800">
      {error}
    </p>
  );
}

/** A labelled field: `children` is the input, which should carry `id` and `describedBy(id, hint, error)`. */
export function Field({
  id,
  label,
  hint,
  error,
  liveHint,
  compact,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The hint changes as the person types: read out when it does. */
  liveHint?: boolean;
  /** A small field among others on one line (the hours editor's times): a smaller label. */
  compact?: boolean;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className={compact ? "block text-sm" : "block font-medium"}>
        {label}
      </label>
      <FieldHint id={id} live={liveHint}>
        {hint}
      </FieldHint>
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

export const inputClass = "mt-1 w-full max-w-xl rounded border border-slate-500 px-3 py-2";

/**
 * A group of choices (radios, checkboxes) under a legend: its hint and its error tied to the group
 * the same way as a single field's.
 */
export function FieldGroup({
  id,
  legend,
  hint,
  error,
  className = "rounded border border-slate-300 p-3",
  legendClassName = "px-1 font-semibold",
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  legendClassName?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className={className} aria-describedby={describedBy(id, hint, error)}>
      <legend className={legendClassName}>{legend}</legend>
      <FieldHint id={id}>{hint}</FieldHint>
      {children}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

"use client";

/**
 * "Imprimer" for those with JavaScript; without it the browser's own print works just the same
 * (the print stylesheet is what matters), so the button only appears once scripts run.
 */
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function OfferPrintButton({ label }: { label: string }) {
  const scripted = useSyncExternalStore(subscribe, () => true, () => false);
  if (!scripted) return null;
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-accent px-3 py-1 font-semibold text-accent print:hidden">
      {label}
    </button>
  );
}

const LABELS = { draft: "Brouillon", published: "Publiée", archived: "Archivée" } as const;
const STYLES = {
  draft: "border-amber-700 text-amber-900",
  published: "border-green-700 text-green-900",
  archived: "border-slate-500 text-slate-700",
} as const;

/** An offer's status in words (never by colour alone). */
export function OfferStatusBadge({ status }: { status: keyof typeof LABELS }) {
  return <span className={`inline-block rounded border px-2 text-base font-semibold ${STYLES[status]}`}>{LABELS[status]}</span>;
}

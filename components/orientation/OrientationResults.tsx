/**
 * The orientation assistant's answer for mediators: the offers ranked, each with why (for, against,
 * worth knowing — with the weight each reason added), what to bring, and links to orient the
 * person; then the offers left out and why. Used by the assistant and the call sheet.
 */
import Link from "next/link";
import { exclusionText, reasonText } from "@/lib/orientation/reason-text";
import type { OrientationResult, Reason } from "@/lib/orientation/types";
import { LEVEL_LABELS } from "@/lib/transfers/labels";

const LEVELS = ["accompanied", "augmented", "simple"] as const;
const MARKS: Record<Reason["kind"], { sign: string; label: string; className: string }> = {
  for: { sign: "+", label: "Pour", className: "text-emerald-800" },
  against: { sign: "−", label: "Contre", className: "text-red-800" },
  info: { sign: "•", label: "À savoir", className: "text-slate-700" },
};

const weightText = (weight: number) => (weight === 0 ? "" : ` (${weight > 0 ? "+" : "−"}${String(Math.abs(weight)).replace(".", ",")})`);
const withLevel = (href: string, level: string) => `${href}${href.includes("?") ? "&" : "?"}niveau=${level}`;

export function OrientationResults({ result, transferHref }: { result: OrientationResult; transferHref: (offerId: string) => string | null }) {
  const { ranked, excluded, territory } = result;
  return (
    <>
      <section aria-labelledby="orientation-ranked" className="mt-6">
        <h2 id="orientation-ranked" className="text-2xl font-bold">
          {ranked.length === 0 ? "Aucune offre à proposer" : ranked.length === 1 ? "1 offre proposée" : `${ranked.length} offres proposées, la plus adaptée d'abord`}
        </h2>
        <ol className="mt-3 space-y-4">
          {ranked.map((item, position) => {
            const href = transferHref(item.offer.id);
            const where = item.offer.remote ? "À distance (téléphone ou en ligne)" : item.offer.places.map((place) => `${place.name}, ${place.communeName}`).join(" ; ");
            return (
              <li key={item.offer.id} className="rounded border border-slate-400 p-4">
                <article aria-labelledby={`offer-${item.offer.id}`}>
                  <h3 id={`offer-${item.offer.id}`} className="text-xl font-semibold">
                    {position + 1}. {item.offer.title}
                  </h3>
                  <p className="text-slate-700">
                    {item.offer.structureName} — {where}
                  </p>
                  <p className="mt-1 text-sm text-slate-700">Score : {String(item.score).replace(".", ",")}, la somme des raisons ci-dessous.</p>
                  <h4 className="mt-2 font-semibold">Pourquoi</h4>
                  <ul className="mt-1 space-y-1">
                    {item.reasons.map((reason, index) => {
                      const mark = MARKS[reason.kind];
                      return (
                        <li key={`${reason.code}-${index}`} className={mark.className}>
                          <span aria-hidden="true">{mark.sign} </span>
                          <span className="sr-only">{mark.label} : </span>
                          {reasonText(reason, territory.timeZone)}
                          {weightText(reason.weight)}
                        </li>
                      );
                    })}
                  </ul>
                  <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
                    {href &&
                      LEVELS.filter((level) => item.offer.acceptsTransfers || level === "simple").map((level) => (
                        <Link key={level} href={withLevel(href, level)} className={level === "accompanied" ? "font-semibold text-accent underline" : "text-accent underline"}>
                          {LEVEL_LABELS[level].label}
                          <span className="sr-only"> vers {item.offer.title}</span>
                        </Link>
                      ))}
                    <Link href={`/t/${territory.slug}/offres/${item.offer.id}`} className="text-accent underline">
                      Voir l&apos;offre<span className="sr-only"> {item.offer.title}</span>
                    </Link>
                  </p>
                </article>
              </li>
            );
          })}
        </ol>
      </section>
      {excluded.length > 0 && (
        <section aria-labelledby="orientation-excluded" className="mt-8">
          <h2 id="orientation-excluded" className="text-2xl font-bold">
            Pas proposées, et pourquoi
          </h2>
          <ul className="mt-3 space-y-2">
            {excluded.map(({ offer, exclusion }) => (
              <li key={offer.id}>
                <span className="font-semibold">{offer.title}</span> ({offer.structureName}) : {exclusionText(exclusion, territory.timeZone)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

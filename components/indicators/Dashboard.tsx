/**
 * The network's indicators (issue 19), the same page for a territory, a structure and the
 * platform: the period form, a table of contents, then each section's figures — charts drawn on
 * the server (SVG) with their data as a table beside them and a CSV download each. No JavaScript.
 */
import { PeriodForm } from "./PeriodForm";
import { IndicatorItem } from "./IndicatorItem";
import type { Dashboard as DashboardData } from "@/lib/indicators/dashboard";
import { periodParams, type PeriodReading } from "@/lib/indicators/period";

export function Dashboard({ dashboard, reading, today, basePath, threshold }: { dashboard: DashboardData; reading: PeriodReading; today: string; basePath: string; threshold: number }) {
  const query = periodParams(reading.period).toString();
  const csvHref = (id: string) => `${basePath}/${id}.csv?${query}`;
  return (
    <>
      <p className="mt-2 text-lg">
        Période : <strong>{reading.period.label}</strong>, comparée à la période précédente ({reading.period.previousLabel}).
      </p>
      <p className="mt-1 max-w-prose text-slate-700">
        Des nombres seulement : aucun nom, aucune demande, aucune coordonnée. Un nombre de personnes ou de transferts entre 1 et {threshold - 1} est
        affiché « &lt; {threshold} » et n&apos;est pas dessiné ; une médiane ou une part calculée sur moins de {threshold} cas n&apos;est pas affichée (« — »).
      </p>
      <PeriodForm reading={reading} today={today} />
      <nav aria-labelledby="sommaire" className="mt-4 print:hidden">
        <h2 id="sommaire" className="text-lg font-semibold">
          Sommaire
        </h2>
        <ul className="mt-1 list-disc ps-6">
          {dashboard.sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} className="text-accent underline">
                {section.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {dashboard.sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id} className="mt-8">
          <h2 id={section.id} className="text-2xl font-bold">
            {section.title}
          </h2>
          <p className="mt-1 max-w-prose">{section.intro}</p>
          {section.items.map((item) => (
            <IndicatorItem key={item.id} item={item} csvHref={csvHref(item.id)} />
          ))}
        </section>
      ))}
    </>
  );
}

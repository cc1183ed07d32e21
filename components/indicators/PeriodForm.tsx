/**
 * The indicators' period: a GET form (works without JavaScript, the URL can be bookmarked or
 * shared). Every way of choosing is visible; the first select says which one applies. Periods are
 * whole months. A wrong custom range is said next to its field, and the default period is shown meanwhile.
 */
import { describedBy, FieldError } from "@/components/forms/Field";
import { PERIOD_KINDS, type PeriodReading } from "@/lib/indicators/period";

const quartersUntil = (quarter: string, count: number) => {
  const [year, number] = quarter.split("-T").map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const position = year * 4 + (number - 1) - index;
    return `${Math.floor(position / 4)}-T${(position % 4) + 1}`;
  });
};

const input = "mt-1 rounded border border-slate-500 px-3 py-2";

export function PeriodForm({ reading, today }: { reading: PeriodReading; today: string }) {
  const { period, errors } = reading;
  const thisYear = Number(today.slice(0, 4));
  const thisQuarter = `${thisYear}-T${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  return (
    <form method="get" className="mt-4 rounded border border-slate-300 p-4 print:hidden" aria-labelledby="periode-titre">
      <h2 id="periode-titre" className="text-lg font-semibold">
        Période
      </h2>
      <div className="mt-2 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="periode" className="block font-medium">
            Choisir par
          </label>
          <select id="periode" name="periode" defaultValue={period.kind} className={input}>
            {Object.entries(PERIOD_KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="mois" className="block font-medium">
            Mois
          </label>
          <input id="mois" name="mois" type="month" max={today.slice(0, 7)} defaultValue={period.month} className={input} />
        </div>
        <div>
          <label htmlFor="trimestre" className="block font-medium">
            Trimestre
          </label>
          <select id="trimestre" name="trimestre" defaultValue={period.quarter} className={input}>
            {quartersUntil(thisQuarter, 12).map((quarter) => (
              <option key={quarter} value={quarter}>
                {quarter.replace("-T", " – trimestre ")}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="annee" className="block font-medium">
            Année
          </label>
          <select id="annee" name="annee" defaultValue={period.year} className={input}>
            {Array.from({ length: 6 }, (_, index) => String(thisYear - index)).map((year) => (
              <option key={year}>{year}</option>
            ))}
          </select>
        </div>
        <fieldset className="flex flex-wrap gap-2">
          <legend className="font-medium">Plusieurs mois</legend>
          <div>
            <label htmlFor="du" className="block">
              du mois
            </label>
            <input
              id="du"
              name="du"
              type="month"
              max={today.slice(0, 7)}
              defaultValue={period.customFrom}
              aria-invalid={errors.du ? true : undefined}
              aria-describedby={describedBy("du", undefined, errors.du)}
              className={input}
            />
            <FieldError id="du" error={errors.du} />
          </div>
          <div>
            <label htmlFor="au" className="block">
              au mois
            </label>
            <input
              id="au"
              name="au"
              type="month"
              max={today.slice(0, 7)}
              defaultValue={period.customTo}
              aria-invalid={errors.au ? true : undefined}
              aria-describedby={describedBy("au", undefined, errors.au)}
              className={input}
            />
            <FieldError id="au" error={errors.au} />
          </div>
        </fieldset>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
          Afficher
        </button>
      </div>
    </form>
  );
}

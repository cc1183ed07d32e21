/**
 * The network's indicators (issue 19) as the page, the charts and the CSV downloads read them: every
 * figure is a table of categories × series (or a sender × receiver matrix), with the numbers a chart
 * draws and, beside each, the text people read. A number is null where it must not be drawn: a count
 * suppressed below the threshold ("< 5"), or a median over too few cases ("—"); its text says which.
 */

export interface IndicatorCategory {
  key: string;
  label: string;
}

export interface IndicatorSeries {
  /** "current", "previous", or a status / outcome key for stacked parts. */
  key: string;
  /** "Période choisie", "Période précédente"… */
  label: string;
  /** One per category; null = not drawn (suppressed or not computable). */
  values: (number | null)[];
  /** One per category, what people read: "12", "< 5", "3,5 j", "42 %", "—". */
  texts: string[];
}

export type IndicatorUnit = "count" | "share" | "days" | "hours";

export interface IndicatorTable {
  /** Stable, URL-safe: the anchor and the CSV download's name ("parcours-structures"). */
  id: string;
  /** "Structures par parcours". */
  title: string;
  /** One or two sentences: what is counted, from what, over which period. */
  description: string;
  /** The first column's header ("Nombre de structures", "Mois", "Structure destinataire"). */
  categoryLabel: string;
  categories: IndicatorCategory[];
  series: IndicatorSeries[];
  unit: IndicatorUnit;
  /**
   * How to draw it: bars per category (horizontal), columns over time (months, occurrences), or
   * no chart — a table of figures in different units (key figures, details by dimension).
   */
  chart: "bars" | "columns" | "table";
}

/** Who sends to whom: rows are senders, columns receivers. */
export interface IndicatorMatrix {
  id: string;
  title: string;
  description: string;
  rowLabel: string;
  columnLabel: string;
  rows: IndicatorCategory[];
  columns: IndicatorCategory[];
  /** values[row][column]; null = suppressed (its text is "< 5") or no transfer (its text is "0"). */
  values: (number | null)[][];
  texts: string[][];
}

export const isMatrix = (item: IndicatorTable | IndicatorMatrix): item is IndicatorMatrix => "rows" in item;

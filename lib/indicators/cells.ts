/**
 * Figures as people read them, with small counts suppressed so that no person can be singled out
 * (issue 19): a count from 1 to threshold − 1 is shown as "< 5" and never drawn; a median, a p90 or
 * a share computed over fewer cases than the threshold is not shown at all ("—"), since a delay
 * over two transfers is those two people's delays. Zero stays zero: it reveals nobody.
 */

/** The smallest count shown; `TOILE_INDICATORS_MIN_COUNT` may raise it (never below 2). */
const DEFAULT_THRESHOLD = 5;

export function thresholdFrom(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 2 && parsed <= 100 ? parsed : DEFAULT_THRESHOLD;
}

export interface Cell {
  value: number | null;
  text: string;
}

const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

export const NOT_SHOWN: Cell = { value: null, text: "—" };

export function countCell(count: number, threshold: number): Cell {
  if (count > 0 && count < threshold) return { value: null, text: `< ${threshold}` };
  return { value: count, text: integer.format(count) };
}

/** A share (0–1) of `cases`; not shown over fewer cases than the threshold, nor when the part itself is a small count. */
export function shareCell(part: number, cases: number, threshold: number): Cell {
  if (cases < threshold || (part > 0 && part < threshold) || (cases - part > 0 && cases - part < threshold)) return NOT_SHOWN;
  const share = part / cases;
  return { value: share, text: `${integer.format(Math.round(share * 100))} %` };
}

/** A delay in seconds, said in days (one decimal) from a day on, in hours below; not shown over too few cases. */
export function delayCell(seconds: number | null, cases: number, threshold: number): Cell {
  if (seconds === null || cases < threshold) return NOT_SHOWN;
  const days = seconds / 86_400;
  return { value: days, text: days >= 1 ? `${oneDecimal.format(days)} j` : `${oneDecimal.format(seconds / 3600)} h` };
}

/** A plain number that is not a count of people (a median number of structures). */
export function numberCell(value: number | null, cases: number, threshold: number): Cell {
  if (value === null || cases < threshold) return NOT_SHOWN;
  return { value, text: oneDecimal.format(value) };
}

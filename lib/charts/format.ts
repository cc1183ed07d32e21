/**
 * Numbers as French readers read them, for the charts' axes and legends (the value labels are the
 * indicators' own texts): "1 234", "42 %", "3,5 j", "2,5 h". A share is a fraction (0.42 → "42 %"),
 * as `lib/time-indicators` computes it.
 */
import type { IndicatorUnit } from "@/lib/indicators/types";

const NARROW_SPACE = "\u202f";
const whole = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });

/** Every space Intl writes (its versions differ: U+00A0, U+202F) as one narrow no-break space. */
const spaced = (text: string) => text.replace(/\s/g, NARROW_SPACE);

export function formatValue(value: number, unit: IndicatorUnit): string {
  return spaced(unformatted(value, unit));
}

function unformatted(value: number, unit: IndicatorUnit): string {
  switch (unit) {
    case "count":
      return whole.format(value);
    case "share":
      return percent.format(value);
    case "days":
      return `${oneDecimal.format(value)}${NARROW_SPACE}j`;
    case "hours":
      return `${oneDecimal.format(value)}${NARROW_SPACE}h`;
  }
}

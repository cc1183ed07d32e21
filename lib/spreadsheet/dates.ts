/** Spreadsheet dates: serial numbers of days since an epoch, shown as dates by their number format. */
import { childElement, childElements, type XmlElement } from "./xml";

/** Day 0 of the 1900 date system (Excel's fictitious 29/02/1900 only shifts dates before March 1900). */
export const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Day 0 of the 1904 date system (old Mac workbooks, `workbookPr date1904`). */
export const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY = 86_400_000;

/** The serial of a date's UTC date and time, in the 1900 date system. */
export function dateSerial(date: Date): number {
  return (date.getTime() - EPOCH_1900) / DAY;
}

/** Built-in number formats that show dates (14–17, 22; 27–36 and 50–58 are East Asian ones) or times of day alone. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILT_IN_TIME_FORMATS = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

export type DateKind = "date" | "time";

/**
 * What a format code shows, judged outside quoted text, escapes, padding and [colour/locale] tags
 * (but not [h] and the like, elapsed times): d or y is a date; h or s without them, a time.
 */
function dateKindOfFormat(code: string): DateKind | undefined {
  const shown = (code.split(";")[0] ?? "").replace(/"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]/gi, "");
  if (/[dy]/i.test(shown)) return "date";
  if (/[hs]/i.test(shown)) return "time";
  return /m/i.test(shown) ? "date" : undefined; // "mmmm": a month
}

/** Which cell styles (indexes into cellXfs) show a date or a time. */
export function dateStyles(styles: XmlElement | undefined): Map<number, DateKind> {
  const customFormats = new Map(
    childElements(childElement(styles, "numFmts"), "numFmt").map(({ attributes }) => [Number(attributes.numFmtId), attributes.formatCode ?? ""]),
  );
  const kinds = new Map<number, DateKind>();
  childElements(childElement(styles, "cellXfs"), "xf").forEach(({ attributes }, index) => {
    const formatId = Number(attributes.numFmtId ?? 0);
    const custom = customFormats.get(formatId);
    const kind =
      custom !== undefined
        ? dateKindOfFormat(custom)
        : BUILT_IN_DATE_FORMATS.has(formatId)
          ? "date"
          : BUILT_IN_TIME_FORMATS.has(formatId)
            ? "time"
            : undefined;
    if (kind) kinds.set(index, kind);
  });
  return kinds;
}

/** A date serial as ISO 8601: "2026-02-01", "2026-02-01T10:30:00", or "10:30:00" for a time. */
export function dateText(serial: number, epoch: number, kind: DateKind): string | undefined {
  const time = epoch + Math.round((serial * DAY) / 1000) * 1000;
  if (Math.abs(time) > 8.64e15) return undefined;
  const iso = new Date(time).toISOString();
  if (kind === "time") return iso.slice(11, 19);
  return Number.isInteger(serial) ? iso.slice(0, 10) : iso.slice(0, 19);
}

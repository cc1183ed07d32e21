import { describe, expect, it } from "vitest";
import { calendar, escapeText, foldLine, utcStamp } from "./ics";

/** Unfolds and splits an iCalendar text back into its content lines, the way a reader does. */
const unfold = (text: string) => text.replace(/\r\n /g, "").split("\r\n").filter(Boolean);

describe("iCalendar files", () => {
  it("escapes text values", () => {
    expect(escapeText("Démarche; CAF, impôts\\retraite\nsuite")).toBe("Démarche\\; CAF\\, impôts\\\\retraite\\nsuite");
  });

  it("folds long lines at 75 octets without cutting a character, and unfolds to the same line", () => {
    const line = `DESCRIPTION:${"é".repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("SUMMARY:court")).toBe("SUMMARY:court");
  });

  it("writes events in UTC with a stable UID, the clock's DTSTAMP, CRLF line ends and a cancelled status", () => {
    const text = calendar(
      [
        { uid: "a@toile", startsAt: new Date("2026-12-08T13:00:00Z"), endsAt: new Date("2026-12-08T13:45:00Z"), summary: "RDV — démarche", location: "3 avenue de la Gare, 02400 Château-Thierry" },
        { uid: "b@toile", startsAt: new Date("2026-12-10T13:00:00Z"), endsAt: new Date("2026-12-10T13:45:00Z"), summary: "RDV — usages", cancelled: true, sequence: 1 },
      ],
      { name: "Agenda", now: new Date("2026-12-04T10:00:00Z") },
    );
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((line) => !line.includes("\n"))).toBe(true);
    const lines = unfold(text);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(2);
    expect(lines).toContain("DTSTART:20261208T130000Z");
    expect(lines).toContain("DTSTAMP:20261204T100000Z");
    expect(lines).toContain("LOCATION:3 avenue de la Gare\\, 02400 Château-Thierry");
    expect(lines).toContain("STATUS:CANCELLED");
    expect(utcStamp(new Date("2027-03-28T01:30:00.123Z"))).toBe("20270328T013000Z");
  });
});

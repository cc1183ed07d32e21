import OpeningHours from "opening_hours";
import { describe, expect, it } from "vitest";
import { openingHoursWithExceptions, parseOpeningHoursWithExceptions } from "@/lib/open-data/hours";
import { daySelector, libraryReadsAs, parseOpeningHours, toOpeningHours } from "./osm";
import type { HolidayRule, Slot } from "./rules";

const slot = (weekday: number, opens: string, closes: string, appointmentOnly = false): Slot => {
  const minute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  return { weekday, opensAtMinute: minute(opens), closesAtMinute: minute(closes), appointmentOnly };
};

const franceServices = [
  ...[2, 3, 5].flatMap((day) => [slot(day, "10:00", "12:00"), slot(day, "14:00", "17:00")]),
  slot(4, "10:00", "17:00"),
];

describe("toOpeningHours", () => {
  it("groups days with the same hours and closes on public holidays", () => {
    expect(toOpeningHours(franceServices, "closed")).toBe("Tu-We,Fr 10:00-12:00,14:00-17:00; Th 10:00-17:00; PH off");
  });

  it("adds appointment-only hours as additional rules with a comment", () => {
    const missionLocale = [
      ...[1, 2, 3, 4, 5].map((day) => slot(day, "09:00", "12:00")),
      ...[1, 2, 3, 4, 5].map((day) => slot(day, "13:30", "17:30", true)),
    ];
    expect(toOpeningHours(missionLocale, "unknown")).toBe('Mo-Fr 09:00-12:00, Mo-Fr 13:30-17:30 open "sur rendez-vous"');
  });

  it("writes nothing for no hours", () => {
    expect(toOpeningHours([], "closed")).toBe("");
  });
});

describe("parseOpeningHours", () => {
  it("round-trips what it writes", () => {
    for (const [slots, holidays] of [
      [franceServices, "closed"],
      [[slot(1, "13:00", "17:00", true), slot(3, "09:00", "12:00", true), slot(3, "13:00", "17:00", true)], "unknown"],
      [[slot(6, "09:30", "12:30")], "unknown"],
    ] as const) {
      const parsed = parseOpeningHours(toOpeningHours([...slots], holidays));
      expect(parsed.problems).toEqual([]);
      expect(parsed.publicHolidays).toBe(holidays);
      expect(parsed.slots).toEqual([...slots].sort((a, b) => a.weekday - b.weekday || a.opensAtMinute - b.opensAtMinute));
    }
  });

  it("lets a later rule replace the days it selects (real Hinaura strings)", () => {
    const parsed = parseOpeningHours("Mo-Th 09:00-12:00,13:00-17:00; Fr 09:00-12:00; We off");
    expect(parsed.problems).toEqual([]);
    expect(parsed.slots.filter((s) => s.weekday === 3)).toEqual([]);
    expect(parsed.slots.filter((s) => s.weekday === 5)).toEqual([slot(5, "09:00", "12:00")]);
    const tuesday = parseOpeningHours("Mo-Th 09:00-12:00,13:30-18:00; Tu 13:30-18:00").slots.filter((s) => s.weekday === 2);
    expect(tuesday).toEqual([slot(2, "13:30", "18:00")]);
  });

  it("reads lists of days, 24/7 and a closing time of 24:00", () => {
    expect(parseOpeningHours("We,Sa 14:00-18:00").slots.map((s) => s.weekday)).toEqual([3, 6]);
    expect(parseOpeningHours("24/7").slots).toHaveLength(7);
    expect(parseOpeningHours("Fr 18:00-24:00").slots).toEqual([slot(5, "18:00", "00:00")].map((s) => ({ ...s, closesAtMinute: 1440 })));
  });

  it("reports what it cannot read instead of dropping it, and reads the rest together", () => {
    const parsed = parseOpeningHours("Mo-Fr 09:00-12:00; Jan 01 off; Sa 14:00-12:00; Xy 10:00-11:00; We off");
    expect(parsed.slots.map((s) => s.weekday)).toEqual([1, 2, 4, 5]);
    expect(parsed.problems).toEqual([
      "Règle non comprise : « Xy 10:00-11:00 »",
      "Règle non comprise : « Jan 01 off » (elle dépend de la date ; Toile garde des horaires par semaine et des fermetures datées)",
      "Plage qui passe minuit (14:00-12:00) : OSM la lirait jusqu'au lendemain ; sans doute une erreur de saisie, non reprise.",
    ]);
    expect(parseOpeningHours("n'importe quoi")).toEqual({ slots: [], publicHolidays: "unknown", problems: ["Règle non comprise : « n'importe quoi »"] });
  });

  it("reports uncertain hours: an open end, an explicit unknown", () => {
    const parsed = parseOpeningHours('Mo-Fr 10:00+; Sa 10:00-12:00 unknown "peut-être"; Su 10:00-11:00');
    expect(parsed.slots).toEqual([slot(7, "10:00", "11:00")]);
    expect(parsed.problems).toEqual(["Horaires incertains (« unknown » ou heure de fin ouverte « + ») : non repris."]);
  });

  it("reads what the library understands beyond Toile's own writing: French words, hours without minutes, overlaps merged", () => {
    expect(parseOpeningHours("lundi 9h-12h").slots).toEqual([slot(1, "09:00", "12:00")]);
    expect(parseOpeningHours("Mo 09:00-15:00,14:00-19:00").slots).toEqual([slot(1, "09:00", "19:00")]);
    expect(parseOpeningHours("Mo-Su 00:00-24:00").slots).toHaveLength(7);
  });

  it("reads the public-holiday rule with the country's holidays", () => {
    expect(parseOpeningHours("Mo-Fr 09:00-12:00; PH off").publicHolidays).toBe("closed");
    expect(parseOpeningHours("Mo-Fr 09:00-12:00; PH 10:00-11:00").publicHolidays).toBe("open_as_usual");
    expect(parseOpeningHours("Mo-Fr 09:00-12:00").publicHolidays).toBe("unknown");
    expect(parseOpeningHours("Mo-Fr 09:00-12:00; PH off", "BE").publicHolidays).toBe("closed");
  });

  it("gives the same slots whatever the process's time zone", () => {
    const original = process.env.TZ;
    try {
      const read = (zone: string) => {
        process.env.TZ = zone;
        return parseOpeningHours('Mo-Fr 09:00-12:00, We 14:00-17:30 "sur rendez-vous"; Su 22:00-24:00; PH off');
      };
      const paris = read("Europe/Paris");
      expect(paris.slots).toHaveLength(7);
      for (const zone of ["UTC", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"]) expect(read(zone)).toEqual(paris);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

describe("what toOpeningHours writes, checked by the opening_hours library", () => {
  /** Every weekday pattern of a few ranges, appointment-only or not, with each holiday rule (fixed, no chance). */
  const shapes: [Slot[], HolidayRule][] = [];
  const ranges = [
    ["09:00", "12:00"],
    ["13:30", "17:30"],
    ["00:00", "24:00"],
    ["18:00", "24:00"],
  ] as const;
  for (let mask = 1; mask < 128; mask += 9) {
    const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((day) => mask & (1 << (day - 1)));
    for (const [index, holidays] of (["closed", "unknown", "open_as_usual"] as const).entries()) {
      const [opens, closes] = ranges[(mask + index) % ranges.length]!;
      const slots = weekdays.map((day) => slot(day, opens, closes === "24:00" ? "00:00" : closes)).map((s) => (closes === "24:00" ? { ...s, closesAtMinute: 1440 } : s));
      const withAppointments = opens === "09:00" ? [...slots, ...weekdays.slice(0, 2).map((day) => slot(day, "14:00", "16:00", true))] : slots;
      shapes.push([withAppointments, holidays]);
    }
  }

  it("is read back by the library as exactly the slots and holiday rule written", () => {
    expect(shapes.length).toBeGreaterThan(30);
    for (const [slots, holidays] of shapes) {
      const text = toOpeningHours(slots, holidays);
      // Toile writes no rule for "open as usual" on holidays: read back, it is "unknown".
      expect({ text, ok: libraryReadsAs(text, slots, holidays === "open_as_usual" ? "unknown" : holidays) }).toEqual({ text, ok: true });
    }
  });

  it("says appointment-only hours are open, with the comment, never unknown (issue 16, point 7)", () => {
    const library = (text: string) => new OpeningHours(text, { lat: 46.6, lon: 2.4, address: { country_code: "fr", state: "" } }, { mode: 0, tag_key: "opening_hours", map_value: false, warnings_severity: 4, locale: "fr" });
    const withAppointments = shapes.filter(([slots]) => slots.some((candidate) => candidate.appointmentOnly));
    expect(withAppointments.length).toBeGreaterThan(5);
    for (const [slots, holidays] of withAppointments) {
      // Both ways Toile writes hours: the weekly string, and the open-data one with dated exceptions.
      const closure = { startsOn: "2026-12-24", endsOn: "2026-12-31", closed: true, opensAtMinute: null, closesAtMinute: null, label: "Fermeture annuelle" };
      for (const text of [toOpeningHours(slots, holidays), openingHoursWithExceptions(slots, holidays, [closure], "2026-06-01")]) {
        const hours = library(text);
        for (const appointment of slots.filter((candidate) => candidate.appointmentOnly)) {
          // The middle of the slot in the week of Monday 8 June 2026 (no holiday, no change of clocks).
          const middle = (appointment.opensAtMinute + appointment.closesAtMinute) / 2;
          const at = new Date(2026, 5, 7 + appointment.weekday, Math.floor(middle / 60), middle % 60);
          expect({ text, at: at.toString(), open: hours.getState(at), unknown: hours.getUnknown(at), comment: hours.getComment(at) }).toEqual({ text, at: at.toString(), open: true, unknown: false, comment: "sur rendez-vous" });
        }
        // And Toile reads the string back as the same slots, appointment-only ones included.
        const read = parseOpeningHoursWithExceptions(text);
        expect({ text, slots: read.slots, problems: read.problems }).toEqual({ text, slots: [...slots].sort((a, b) => a.weekday - b.weekday || a.opensAtMinute - b.opensAtMinute), problems: [] });
      }
    }
  });

  it("still reads appointment-only hours written as a bare comment (Toile's strings before, other sources)", () => {
    expect(parseOpeningHours('Mo-Fr 09:00-12:00, Mo-Fr 13:30-17:30 "sur rendez-vous"').slots.filter((candidate) => candidate.appointmentOnly)).toHaveLength(5);
  });

  it("catches a string that says something else", () => {
    expect(libraryReadsAs("Mo 09:00-12:00", [slot(1, "09:00", "12:30")], "unknown")).toBe(false);
    expect(libraryReadsAs("Mo 09:00-12:00", [slot(1, "09:00", "12:00")], "closed")).toBe(false);
    expect(libraryReadsAs("Mo 09:00-12:00", [slot(1, "09:00", "12:00")], "unknown")).toBe(true);
  });
});

describe("daySelector", () => {
  it("writes runs of days as ranges", () => {
    expect(daySelector([1, 2, 3, 5, 7])).toBe("Mo-We,Fr,Su");
    expect(daySelector([4])).toBe("Th");
  });
});

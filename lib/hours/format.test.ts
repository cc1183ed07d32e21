import { describe, expect, it } from "vitest";
import { describeException, describeExceptions, describeHours, describeWeeklyHours, formatTime, weeklyHours } from "./format";

const slot = (weekday: number, opens: string, closes: string, appointmentOnly = false) => {
  const minutes = (time: string) => {
    const [h, m] = time.split(":").map(Number);
    return h! * 60 + m!;
  };
  return { weekday, opensAtMinute: minutes(opens), closesAtMinute: minutes(closes), appointmentOnly };
};

describe("formatTime", () => {
  it("writes hours the French way", () => {
    expect(formatTime(9 * 60)).toBe("9 h");
    expect(formatTime(13 * 60 + 30)).toBe("13 h 30");
    expect(formatTime(8 * 60 + 5)).toBe("8 h 05");
  });
});

describe("weeklyHours", () => {
  it("lists open days from Monday, each day's ranges in time order", () => {
    const days = weeklyHours([
      slot(4, "14:00", "17:00"),
      slot(2, "10:00", "12:00"),
      slot(4, "10:00", "12:00"),
      slot(1, "13:00", "17:00", true),
    ]);
    expect(days).toEqual([
      { weekday: 1, day: "lundi", ranges: ["13 h – 17 h (sur rendez-vous)"] },
      { weekday: 2, day: "mardi", ranges: ["10 h – 12 h"] },
      { weekday: 4, day: "jeudi", ranges: ["10 h – 12 h", "14 h – 17 h"] },
    ]);
  });

  it("returns nothing for a place with no slots", () => {
    expect(weeklyHours([])).toEqual([]);
  });
});

describe("describeWeeklyHours", () => {
  it("says seed 001's hours the way a person would", () => {
    const slots = [
      ...[2, 3, 4, 5].flatMap((day) => [slot(day, "10:00", "12:00"), slot(day, "14:00", "17:00")]),
    ];
    expect(describeWeeklyHours(slots, "closed")).toBe(
      "du mardi au vendredi de 10 h à 12 h et de 14 h à 17 h ; fermé les jours fériés",
    );
  });

  it("says different days apart, and appointment-only hours as such", () => {
    const slots = [slot(1, "13:00", "17:00", true), slot(2, "13:00", "17:00", true), slot(4, "13:00", "17:00", true), slot(3, "09:00", "12:00")];
    expect(describeWeeklyHours(slots, "unknown")).toBe(
      "le mercredi de 9 h à 12 h ; les lundi, mardi et jeudi de 13 h à 17 h sur rendez-vous",
    );
  });

  it("says when there are no hours", () => {
    expect(describeWeeklyHours([], "closed")).toBe("pas d'horaires indiqués");
  });
});

describe("describeException and describeHours", () => {
  const closure = { startsOn: "2026-12-24", endsOn: "2027-01-01", closed: true, label: "congés" };

  it("says a closure over a period, across a new year, with its label", () => {
    expect(describeException(closure)).toBe("fermé du 24 décembre au 1er janvier (congés)");
  });

  it("says a period within one month once, and a single day as a day", () => {
    expect(describeException({ startsOn: "2026-03-03", endsOn: "2026-03-07", closed: true, label: "travaux" })).toBe(
      "fermé du 3 au 7 mars (travaux)",
    );
    expect(describeException({ startsOn: "2026-05-01", endsOn: "2026-05-01", closed: true, label: "" })).toBe("fermé le 1er mai");
  });

  it("says special hours", () => {
    expect(
      describeException({ startsOn: "2026-07-14", endsOn: "2026-07-14", closed: false, opensAtMinute: 600, closesAtMinute: 720, label: "horaires d'été" }),
    ).toBe("le 14 juillet : de 10 h à 12 h (horaires d'été)");
  });

  it("lists exceptions in date order after the week", () => {
    const summer = { startsOn: "2026-08-01", endsOn: "2026-08-31", closed: false, opensAtMinute: 570, closesAtMinute: 750, label: "été" };
    expect(
      describeHours({
        slots: [slot(2, "10:00", "12:00"), slot(3, "10:00", "12:00")],
        exceptions: [closure, summer],
        publicHolidays: "closed",
      }),
    ).toBe(
      "les mardi et mercredi de 10 h à 12 h ; fermé les jours fériés ; du 1er au 31 août : de 9 h 30 à 12 h 30 (été) ; fermé du 24 décembre au 1er janvier (congés)",
    );
    expect(describeExceptions([])).toBe("");
  });
});

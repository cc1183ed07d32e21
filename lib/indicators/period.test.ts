import { describe, expect, it } from "vitest";
import { periodParams, readPeriod } from "./period";

const TODAY = "2026-12-04";

describe("the indicators' period", () => {
  it("is the last twelve months by default, this one included, compared with the twelve before", () => {
    const { period, errors } = readPeriod({}, TODAY);
    expect(period.kind).toBe("perso");
    expect(period.current).toEqual({ from: "2026-01-01", until: "2027-01-01" });
    expect(period.previous).toEqual({ from: "2025-01-01", until: "2026-01-01" });
    expect(period.label).toBe("de janvier à décembre 2026 (ce mois-ci jusqu'à aujourd'hui)");
    expect(errors).toEqual({});
  });

  it("reads a past month, quarter or year whole, with the one before", () => {
    expect(readPeriod({ periode: "mois", mois: "2026-02" }, TODAY).period).toMatchObject({
      current: { from: "2026-02-01", until: "2026-03-01" },
      previous: { from: "2026-01-01", until: "2026-02-01" },
      label: "février 2026",
      previousLabel: "janvier 2026",
    });
    expect(readPeriod({ periode: "trimestre", trimestre: "2026-T1" }, TODAY).period).toMatchObject({
      current: { from: "2026-01-01", until: "2026-04-01" },
      previous: { from: "2025-10-01", until: "2026-01-01" },
      label: "de janvier à mars 2026",
      previousLabel: "d'octobre à décembre 2025",
    });
    expect(readPeriod({ periode: "annee", annee: "2025" }, TODAY).period.current).toEqual({ from: "2025-01-01", until: "2026-01-01" });
  });

  it("ends a year or quarter under way with this month, and compares it with as many months before", () => {
    const year = readPeriod({ periode: "annee" }, TODAY).period;
    expect(year.current).toEqual({ from: "2026-01-01", until: "2027-01-01" });
    const quarter = readPeriod({ periode: "trimestre" }, "2026-11-15").period;
    expect(quarter.current).toEqual({ from: "2026-10-01", until: "2026-12-01" });
    expect(quarter.previous).toEqual({ from: "2026-08-01", until: "2026-10-01" });
  });

  it("ignores what cannot be a period: the current one is shown", () => {
    expect(readPeriod({ periode: "mois", mois: "2027-01" }, TODAY).period.month).toBe("2026-12");
    expect(readPeriod({ periode: "mois", mois: "<script>" }, TODAY).period.month).toBe("2026-12");
    expect(readPeriod({ periode: "trimestre", trimestre: "2026-T9" }, TODAY).period.quarter).toBe("2026-T4");
    expect(readPeriod({ periode: "annee", annee: "1999" }, TODAY).period.year).toBe("2026");
    expect(readPeriod({ periode: "semaine" }, TODAY).period.kind).toBe("perso");
  });

  it("says next to its field what is wrong with a custom range, and shows the default meanwhile", () => {
    const backwards = readPeriod({ periode: "perso", du: "2026-06", au: "2026-05" }, TODAY);
    expect(backwards.errors).toEqual({ au: "La fin doit venir après le début." });
    expect(backwards.period.current).toEqual({ from: "2026-01-01", until: "2027-01-01" });
    expect(backwards.period.customFrom).toBe("2026-06");
    expect(readPeriod({ periode: "perso", du: "2026-13", au: "2026-05" }, TODAY).errors.du).toBe("Un mois au format mois/année.");
    expect(readPeriod({ periode: "perso", du: "2026-01", au: "2027-01" }, TODAY).errors.au).toBe("La fin ne peut pas être après ce mois-ci.");
    expect(readPeriod({ periode: "perso", du: "2020-01", au: "2026-01" }, TODAY).errors.du).toBe("Trois ans au plus.");
  });

  it("compares a custom range with the months just before it, and writes itself back as URL parameters", () => {
    const { period } = readPeriod({ periode: "perso", du: "2026-03", au: "2026-05" }, TODAY);
    expect(period.current).toEqual({ from: "2026-03-01", until: "2026-06-01" });
    expect(period.previous).toEqual({ from: "2025-12-01", until: "2026-03-01" });
    expect(period.previousLabel).toBe("de décembre 2025 à février 2026");
    expect(periodParams(period).toString()).toBe("periode=perso&du=2026-03&au=2026-05");
    expect(periodParams(readPeriod({ periode: "trimestre", trimestre: "2026-T2" }, TODAY).period).toString()).toBe("periode=trimestre&trimestre=2026-T2");
  });
});

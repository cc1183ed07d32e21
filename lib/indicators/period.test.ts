import { describe, expect, it } from "vitest";
import { periodParams, readPeriod } from "./period";

const TODAY = "2026-12-04";

describe("the indicators' period", () => {
  it("is the last twelve months by default, compared with the twelve before", () => {
    const { period, errors } = readPeriod({}, TODAY);
    expect(period.kind).toBe("perso");
    expect(period.current).toEqual({ from: "2025-12-05", until: "2026-12-05" });
    expect(period.previous).toEqual({ from: "2024-12-05", until: "2025-12-05" });
    expect(errors).toEqual({});
  });

  it("reads a past month, quarter or year whole, with the one before", () => {
    expect(readPeriod({ periode: "mois", mois: "2026-02" }, TODAY).period).toMatchObject({
      current: { from: "2026-02-01", until: "2026-03-01" },
      previous: { from: "2026-01-01", until: "2026-02-01" },
      label: "du 1er février au 28 février 2026",
    });
    expect(readPeriod({ periode: "trimestre", trimestre: "2026-T1" }, TODAY).period).toMatchObject({
      current: { from: "2026-01-01", until: "2026-04-01" },
      previous: { from: "2025-10-01", until: "2026-01-01" },
      label: "du 1er janvier au 31 mars 2026",
      previousLabel: "du 1er octobre au 31 décembre 2025",
    });
    expect(readPeriod({ periode: "annee", annee: "2025" }, TODAY).period.current).toEqual({ from: "2025-01-01", until: "2026-01-01" });
  });

  it("cuts a period under way at today, and its comparison at the same point", () => {
    const year = readPeriod({ periode: "annee" }, TODAY).period;
    expect(year.current).toEqual({ from: "2026-01-01", until: "2026-12-05" });
    expect(year.previous).toEqual({ from: "2025-01-01", until: "2025-12-05" });
    const month = readPeriod({ periode: "mois", mois: "2026-12" }, TODAY).period;
    expect(month.current).toEqual({ from: "2026-12-01", until: "2026-12-05" });
    expect(month.previous).toEqual({ from: "2026-11-01", until: "2026-11-05" });
  });

  it("ignores what cannot be a period: the current one is shown", () => {
    expect(readPeriod({ periode: "mois", mois: "2027-01" }, TODAY).period.month).toBe("2026-12");
    expect(readPeriod({ periode: "mois", mois: "<script>" }, TODAY).period.month).toBe("2026-12");
    expect(readPeriod({ periode: "trimestre", trimestre: "2026-T9" }, TODAY).period.quarter).toBe("2026-T4");
    expect(readPeriod({ periode: "annee", annee: "1999" }, TODAY).period.year).toBe("2026");
    expect(readPeriod({ periode: "semaine" }, TODAY).period.kind).toBe("perso");
  });

  it("says next to its field what is wrong with a custom range, and shows the default meanwhile", () => {
    const backwards = readPeriod({ periode: "perso", du: "2026-06-01", au: "2026-05-01" }, TODAY);
    expect(backwards.errors).toEqual({ au: "La fin doit venir après le début." });
    expect(backwards.period.current).toEqual({ from: "2025-12-05", until: "2026-12-05" });
    expect(backwards.period.customFrom).toBe("2026-06-01");
    expect(readPeriod({ periode: "perso", du: "2026-13-01", au: "2026-05-01" }, TODAY).errors.du).toBe("Une date au format jour/mois/année.");
    expect(readPeriod({ periode: "perso", du: "2026-01-01", au: "2027-01-01" }, TODAY).errors.au).toBe("La fin ne peut pas être après aujourd'hui.");
    expect(readPeriod({ periode: "perso", du: "2020-01-01", au: "2026-01-01" }, TODAY).errors.du).toBe("Trois ans au plus.");
  });

  it("compares a custom range with the days just before it, and writes itself back as URL parameters", () => {
    const { period } = readPeriod({ periode: "perso", du: "2026-11-01", au: "2026-11-10" }, TODAY);
    expect(period.current).toEqual({ from: "2026-11-01", until: "2026-11-11" });
    expect(period.previous).toEqual({ from: "2026-10-22", until: "2026-11-01" });
    expect(periodParams(period).toString()).toBe("periode=perso&du=2026-11-01&au=2026-11-10");
    expect(periodParams(readPeriod({ periode: "trimestre", trimestre: "2026-T2" }, TODAY).period).toString()).toBe("periode=trimestre&trimestre=2026-T2");
  });
});

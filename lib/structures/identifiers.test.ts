import { describe, expect, it } from "vitest";
import { checkBce, checkRna, checkSiret } from "./identifiers";
import { DEMO_STRUCTURES } from "@/lib/demo/territory";

describe("checkSiret", () => {
  it("accepts a valid SIRET, written with spaces", () => {
    expect(checkSiret("732 829 320 00074")).toEqual({ ok: true, value: "73282932000074" });
  });

  it("rejects a wrong length or a wrong checksum", () => {
    expect(checkSiret("7328293200007")).toMatchObject({ ok: false, message: "Un SIRET a 14 chiffres." });
    expect(checkSiret("73282932000075")).toMatchObject({ ok: false });
  });

  it("follows La Poste's own rule", () => {
    expect(checkSiret("35600000000001")).toMatchObject({ ok: true });
    expect(checkSiret("35600000000002")).toMatchObject({ ok: false });
  });
});

describe("checkRna", () => {
  it("accepts W and 9 digits, whatever the case", () => {
    expect(checkRna("w751234567")).toEqual({ ok: true, value: "W751234567" });
    expect(checkRna("751234567")).toMatchObject({ ok: false });
  });
});

describe("checkBce", () => {
  it("accepts a Belgian enterprise number with or without BE, dots and spaces", () => {
    expect(checkBce("BE 0403.170.701")).toEqual({ ok: true, value: "0403170701" });
    expect(checkBce("0403170701")).toMatchObject({ ok: true });
  });

  it("rejects a wrong checksum or a wrong first digit", () => {
    expect(checkBce("0403170702")).toMatchObject({ ok: false });
    expect(checkBce("2403170701")).toMatchObject({ ok: false });
  });
});

describe("the demo structures' identifiers", () => {
  it("are well formed", () => {
    for (const structure of DEMO_STRUCTURES) {
      if (structure.rna) expect(checkRna(structure.rna), structure.name).toMatchObject({ ok: true });
      if (structure.siret) expect(checkSiret(structure.siret), structure.name).toMatchObject({ ok: true });
    }
  });
});

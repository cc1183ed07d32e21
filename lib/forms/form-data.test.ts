import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("formDataToObject", () => {
  it("keeps plain fields as strings", () => {
    expect(formDataToObject(form([["name", "EPN"], ["phone", ""]]))).toEqual({ name: "EPN", phone: "" });
  });

  it("turns a name posted several times into an array", () => {
    expect(formDataToObject(form([["needs", "a"], ["needs", "b"]]))).toEqual({ needs: ["a", "b"] });
  });

  it("nests dotted names and makes arrays of numeric segments, in index order, without holes", () => {
    const result = formDataToObject(
      form([
        ["slots.10.opens", "14:00"],
        ["slots.2.opens", "09:00"],
        ["slots.2.closes", "12:00"],
        ["rule", "closed"],
      ]),
    );
    expect(result).toEqual({ slots: [{ opens: "09:00", closes: "12:00" }, { opens: "14:00" }], rule: "closed" });
  });

  it("ignores names that could reach an object's prototype, and absurdly deep ones", () => {
    const result = formDataToObject(form([["__proto__.polluted", "yes"], ["a.constructor.x", "1"], ["a.b.c.d.e", "1"]]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(result)).toEqual([]);
  });

  it("ignores files", () => {
    const data = new FormData();
    data.append("upload", new Blob(["x"]), "x.txt");
    expect(formDataToObject(data)).toEqual({});
  });
});

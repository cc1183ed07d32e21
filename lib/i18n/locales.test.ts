import { describe, expect, it } from "vitest";
import { directionOf, hrefInLocale, localeFrom } from "./locales";
import { defineMessages } from "./messages";

describe("locales", () => {
  it("reads the locale from the query, French by default, whatever is sent", () => {
    expect(localeFrom("en")).toBe("en");
    expect(localeFrom(["ar", "en"])).toBe("ar");
    for (const hostile of [undefined, "", "EN", "de", "<script>", "x".repeat(10_000)]) expect(localeFrom(hostile)).toBe("fr");
  });

  it("says which languages are written right to left", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("fr")).toBe("ltr");
    expect(directionOf("en")).toBe("ltr");
  });

  it("switches language on the same page, keeping every filter", () => {
    const params = { besoin: "mot-de-passe", acces: ["sans-rendez-vous", "a-distance"], lang: "en", page: undefined };
    expect(hrefInLocale("/t/val-de-lise/recherche", params, "ar")).toBe(
      "/t/val-de-lise/recherche?besoin=mot-de-passe&acces=sans-rendez-vous&acces=a-distance&lang=ar",
    );
    expect(hrefInLocale("/t/val-de-lise/recherche", params, "fr")).toBe(
      "/t/val-de-lise/recherche?besoin=mot-de-passe&acces=sans-rendez-vous&acces=a-distance",
    );
    expect(hrefInLocale("/t/val-de-lise", {}, "fr")).toBe("/t/val-de-lise");
  });
});

describe("defineMessages", () => {
  it("gives each language its catalogue", () => {
    const messages = defineMessages({
      fr: { title: "Bonjour", results: (count: number) => `${count} résultats` },
      en: { title: "Hello", results: (count: number) => `${count} results` },
      ar: { title: "مرحبا", results: (count: number) => `${count} نتيجة` },
    });
    expect(messages("en").title).toBe("Hello");
    expect(messages("ar").results(3)).toBe("3 نتيجة");
  });
});

import { describe, expect, it } from "vitest";
import type { Schedule } from "@/lib/hours/rules";
import { openingHoursSpecification, placeJsonLd, structureJsonLd } from "./json-ld";
import { closureToday, exceptionText, languageNames, mapLinks, rangeText, telHref, upcomingExceptions, weekdayName } from "./present";
import { weekFrom } from "./programme";

const place = { name: "CCAS", address: "17 avenue du Général de Gaulle", postalCode: "02400", communeName: "Château-Thierry" };

const schedule: Schedule = {
  slots: [{ weekday: 2, opensAtMinute: 780, closesAtMinute: 1020, appointmentOnly: true }],
  exceptions: [
    { startsOn: "2026-03-01", endsOn: "2026-03-02", closed: true, label: "Passé" },
    { startsOn: "2026-03-03", endsOn: "2026-03-10", closed: true, label: "Travaux" },
    { startsOn: "2026-04-01", endsOn: "2026-04-01", closed: false, opensAtMinute: 600, closesAtMinute: 720, label: "" },
  ],
  publicHolidays: "closed",
  timeZone: "Europe/Paris",
  country: "FR",
};

describe("public offer wording", () => {
  it("names days and hours in each language", () => {
    expect(weekdayName("fr", "2026-03-03")).toBe("mardi");
    expect(weekdayName("en", "2026-03-03")).toBe("Tuesday");
    expect(weekdayName("ar", "2026-03-03")).toBe("الثلاثاء");
    expect(rangeText("fr", schedule.slots[0]!)).toBe("13 h – 17 h, sur rendez-vous");
    expect(rangeText("en", schedule.slots[0]!)).toBe("13:00 – 17:00, by appointment");
  });

  it("says exceptions, keeps the coming ones, finds a closure covering today", () => {
    expect(upcomingExceptions(schedule, "2026-03-05").map((exception) => exception.label)).toEqual(["Travaux", ""]);
    expect(exceptionText("fr", schedule.exceptions[1]!)).toBe("Fermé du 3 mars au 10 mars (Travaux)");
    expect(exceptionText("en", schedule.exceptions[2]!)).toBe("on 1 April: 10:00 – 12:00");
    expect(closureToday(schedule, "2026-03-05")?.label).toBe("Travaux");
    expect(closureToday(schedule, "2026-03-11")).toBeUndefined();
  });

  it("links to the map at the point, or searches the address", () => {
    expect(mapLinks({ ...place, latitude: 49.0445, longitude: 3.4062 })).toEqual({
      osm: "https://www.openstreetmap.org/?mlat=49.0445&mlon=3.4062#map=18/49.0445/3.4062",
      geo: "geo:49.0445,3.4062?q=49.0445,3.4062(CCAS)",
    });
    expect(mapLinks({ ...place, latitude: null, longitude: null }).osm).toBe(
      "https://www.openstreetmap.org/search?query=17%20avenue%20du%20G%C3%A9n%C3%A9ral%20de%20Gaulle%2C%2002400%20Ch%C3%A2teau-Thierry",
    );
  });

  it("dials a number, names languages", () => {
    expect(telHref("03 23 41 20 45")).toBe("tel:0323412045");
    expect(telHref("+32 (0)2 555.12.34")).toBe("tel:+3225551234");
    expect(languageNames("fr", ["fr", "ber"], { fr: "français", ber: "berbère" })).toEqual(["français", "berbère"]);
    expect(languageNames("en", ["ar", "lsf"], { ar: "arabe", lsf: "langue des signes" })).toEqual(["Arabic", "langue des signes"]);
  });

  it("gives schema.org opening hours: the usual week, then coming closures", () => {
    expect(openingHoursSpecification(schedule, "2026-03-05")).toEqual([
      { "@type": "OpeningHoursSpecification", dayOfWeek: "https://schema.org/Tuesday", opens: "13:00", closes: "17:00" },
      { "@type": "OpeningHoursSpecification", validFrom: "2026-03-03", validThrough: "2026-03-10", opens: "00:00", closes: "00:00" },
      { "@type": "OpeningHoursSpecification", validFrom: "2026-04-01", validThrough: "2026-04-01", opens: "10:00", closes: "12:00" },
    ]);
  });

  it("describes a place's programme as a Place with its hours once each, and the services held there", () => {
    const evening: Schedule = { ...schedule, exceptions: [], slots: [{ weekday: 4, opensAtMinute: 1080, closesAtMinute: 1200, appointmentOnly: false }] };
    const entries = [
      { offerId: "a", title: "Démarches en ligne", schedule },
      { offerId: "b", title: "Atelier du soir", schedule: evening },
      { offerId: "a", title: "Démarches en ligne", schedule },
    ];
    const offerUrl = (id: string) => `https://toile.example/t/x/offres/${id}`;
    const json = placeJsonLd(place, entries, "https://toile.example/t/x/lieux/p/programme", offerUrl, "2026-03-05");
    expect(json).toMatchObject({ "@type": "Place", name: "CCAS", address: { streetAddress: "17 avenue du Général de Gaulle", postalCode: "02400" } });
    expect(json.openingHoursSpecification.filter((hours) => "dayOfWeek" in hours && hours.dayOfWeek === "https://schema.org/Tuesday")).toHaveLength(1);
    expect(json.openingHoursSpecification).toContainEqual(expect.objectContaining({ dayOfWeek: "https://schema.org/Thursday", opens: "18:00", closes: "20:00" }));
    expect(json.makesOffer.map((offer) => offer.itemOffered)).toEqual([
      expect.objectContaining({ "@type": "GovernmentService", name: "Démarches en ligne", url: offerUrl("a") }),
      expect.objectContaining({ "@type": "GovernmentService", name: "Atelier du soir", url: offerUrl("b") }),
    ]);
    const structure = structureJsonLd({ name: "CCAS de Château-Thierry" }, "Val de Lise", entries, "https://toile.example/t/x/structures/s/programme", offerUrl, "2026-03-05");
    expect(structure).toMatchObject({ "@type": "Organization", areaServed: { name: "Val de Lise" } });
    expect(structure.makesOffer[1]!.itemOffered.hoursAvailable).toEqual([expect.objectContaining({ dayOfWeek: "https://schema.org/Thursday" })]);
  });

  it("reads the programme's week from the address, ignoring anything odd", () => {
    expect(weekFrom("2026-03-10", "2026-03-05")).toBe("2026-03-10");
    for (const odd of ["2026-02-30", "9999-99-99", "x", ["2026-03-10"], undefined, "2030-01-01"]) expect(weekFrom(odd, "2026-03-05")).toBe("2026-03-05");
  });
});

import { describe, expect, it } from "vitest";
import { comeMessage, describeInstant, durationSeconds, formatDuration, situationFromCall, type CallAnalysis } from "./rules";
import { outcomeSchema, sheetSchema } from "./schemas";

const callId = "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f";
const offerId = "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e50";
const paths = (input: Record<string, unknown>) => {
  const result = outcomeSchema.safeParse({ callId, ...input });
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join(".")).sort();
};

const blank: CallAnalysis = {
  request: "impôts en ligne",
  needSlug: null,
  difficulty: null,
  urgency: null,
  deadline: null,
  digitalEase: null,
  equipment: [],
  posture: null,
  ageBand: null,
  commune: null,
  distance: null,
};

describe("the message for someone told to come", () => {
  const place = { name: "Espace France Services", address: "2 rue de la Mairie", postalCode: "02400", communeName: "Château-Thierry" };
  it("says where, when (the next opening, in the territory's time zone) and what to bring", () => {
    // Tuesday 8 December 2026, 13:30 in Paris (UTC+1).
    const text = comeMessage({
      offerTitle: "Aide aux démarches",
      structureName: "France Services",
      place,
      nextOpening: { at: new Date("2026-12-08T12:30:00Z"), appointmentOnly: false },
      documents: ["Pièce d'identité", " ", "Avis d'imposition"],
      timeZone: "Europe/Paris",
    });
    expect(text).toBe(
      "Venez à Espace France Services (2 rue de la Mairie, 02400 Château-Thierry), le mardi 8 décembre à 13 h 30 : Aide aux démarches (France Services). Apportez : Pièce d'identité, Avis d'imposition.",
    );
  });

  it("says an appointment-only opening, no known opening, and nothing to bring", () => {
    const appointment = comeMessage({ offerTitle: "Aide", structureName: "FS", place, nextOpening: { at: new Date("2026-12-08T12:30:00Z"), appointmentOnly: true }, documents: [], timeZone: "Europe/Paris" });
    expect(appointment).toContain("à 13 h 30 (sur rendez-vous)");
    expect(appointment).toContain("Pas de document particulier à apporter.");
    const openNow = comeMessage({ offerTitle: "Aide", structureName: "FS", place, nextOpening: { at: new Date("2026-12-08T12:30:00Z"), until: new Date("2026-12-08T16:00:00Z"), appointmentOnly: false }, documents: [], timeZone: "Europe/Paris" });
    expect(openNow).toContain("Château-Thierry), aujourd'hui jusqu'à 17 h : Aide (FS).");
    expect(comeMessage({ offerTitle: "Aide", structureName: "FS", place: null, nextOpening: null, documents: [], timeZone: "Europe/Paris" })).toMatch(/^Contactez FS, aux heures d'ouverture : Aide \(FS\)\./);
  });

  it("names days and times in the territory's zone, across the daylight-saving change", () => {
    expect(describeInstant(new Date("2026-07-07T07:00:00Z"), "Europe/Paris")).toBe("mardi 7 juillet à 9 h");
    expect(describeInstant(new Date("2026-12-01T08:00:00Z"), "Europe/Paris")).toBe("mardi 1er décembre à 9 h");
  });
});

describe("a call's duration", () => {
  it("is whole seconds, never negative, and reads in minutes and seconds", () => {
    expect(durationSeconds(new Date("2026-12-08T09:00:00Z"), new Date("2026-12-08T09:04:05.400Z"))).toBe(245);
    expect(durationSeconds(new Date("2026-12-08T09:00:00Z"), new Date("2026-12-08T08:59:00Z"))).toBe(0);
    expect(formatDuration(245)).toBe("4 min 05 s");
    expect(formatDuration(45)).toBe("45 s");
  });
});

describe("the situation of a call", () => {
  it("ranks for the need chosen, else for the request's words, with the 3-A", () => {
    expect(situationFromCall(blank)).toMatchObject({ besoin: null, q: "impôts en ligne", equipement: [], objectif: null, lang: "fr" });
    const full = situationFromCall({
      ...blank,
      needSlug: "demarches-administratives",
      difficulty: "complex",
      urgency: "urgent",
      deadline: "2026-12-11",
      digitalEase: "none",
      equipment: ["none"],
      posture: "faire-a-la-place",
      ageBand: "60_plus",
      commune: "Château-Thierry",
      distance: 0,
    });
    expect(full).toMatchObject({
      besoin: "demarches-administratives",
      q: "",
      difficulte: "complex",
      urgence: "urgent",
      echeance: "2026-12-11",
      aisance: "none",
      equipement: ["none"],
      objectif: "faire-a-la-place",
      ageBand: "60_plus",
      commune: "Château-Thierry",
      distance: 0,
    });
  });
});

describe("the call sheet's forms", () => {
  it("keep personal details out of the request", () => {
    const request = (text: string) => sheetSchema.safeParse({ callId, request: text }).success;
    expect(request("Mot de passe Ameli perdu")).toBe(true);
    expect(request("rappeler au 06 12 34 56 78")).toBe(false);
    expect(request("jose@exemple.fr")).toBe(false);
    expect(sheetSchema.safeParse({ callId, request: "x", needSlug: "pas-un-besoin" }).success).toBe(false);
    expect(sheetSchema.parse({ callId, request: "CAF", equipment: "smartphone", distance: " 5 ", deadline: "" })).toMatchObject({ equipment: ["smartphone"], distance: 5, deadline: null, needSlug: null });
  });

  it("ask what each outcome needs, next to its field", () => {
    expect(paths({ outcome: "answered_on_phone" })).toEqual([]);
    expect(paths({})).toEqual(["outcome"]);
    expect(paths({ outcome: "come_to_permanence" })).toEqual(["messageText", "outcomeOfferId"]);
    expect(paths({ outcome: "come_to_permanence", outcomeOfferId: offerId, messageText: "Venez mardi." })).toEqual([]);
    expect(paths({ outcome: "appointment_given", outcomeOfferId: offerId })).toEqual(["appointmentId"]);
    expect(paths({ outcome: "redirected" })).toEqual(["outcomeOfferId"]);
    expect(paths({ outcome: "other" })).toEqual(["outcomeNote"]);
  });

  it("send a message only with the person's consent and a number or an address", () => {
    const come = { outcome: "come_to_permanence", outcomeOfferId: offerId, messageText: "Venez mardi." };
    expect(paths({ ...come, sendBy: "sms" })).toEqual(["consent", "phone"]);
    expect(paths({ ...come, sendBy: "sms", consent: "on", phone: "06 12 34 56 78" })).toEqual([]);
    expect(paths({ ...come, sendBy: "email", consent: "on", email: "pas-une-adresse" })).toEqual(["email"]);
    expect(paths({ outcome: "answered_on_phone", sendBy: "email", consent: "on", email: "jose@exemple.fr" })).toEqual(["messageText"]);
    expect(paths({ ...come, sendBy: "fax" })).toEqual(["sendBy"]);
  });
});

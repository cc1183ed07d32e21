import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { messageOf, PUBLIC_CODES, publicMessages, WORKSPACE_CODES, WORKSPACE_MESSAGES, type Coded, type ErrorCode, type ParamsOf } from "./messages";

/**
 * Params for every code. Its type is a record of every code, so a new code without an entry here
 * does not compile (npm test runs tsc), and the tests below walk the codes themselves, so it
 * cannot be skipped either.
 */
const SAMPLES: { [C in ErrorCode]: ParamsOf<C> } = {
  not_found: undefined,
  "session.expired": undefined,
  "sign_in.email_missing": undefined,
  "sign_in.email_too_long": undefined,
  "sign_in.email_invalid": undefined,
  "sign_in.too_many_links": { minutes: 12 },
  "form.invalid": undefined,
  "service.unavailable": undefined,
  "save.changed_meanwhile": { what: "cette offre", pronoun: "la", fields: ["Titre", "Tarif"] },
  "hours.changed_meanwhile": { current: "lundi de 9 h à 12 h" },
  "place.commune_not_listed": undefined,
  "place.has_offers": { offers: [{ title: "Ateliers", structureName: "CCAS" }] },
  "place.geocoder_unavailable": undefined,
  "offer.term_gone": undefined,
  "offer.place_gone": undefined,
  "offer.redirect_structure_gone": undefined,
  "structure.typology_unknown": undefined,
  "structure.label_unknown": undefined,
  "offer.not_ready": { problems: ["Dites à quel besoin elle répond."] },
  "import.failed": undefined,
  "import.interrupted": undefined,
  "import.gone": undefined,
  "invitation.invalid": undefined,
  "invitation.expired": undefined,
  "invitation.used": undefined,
  "invitation.other_address": undefined,
  "join_request.already_decided": undefined,
  "membership.last_admin": undefined,
  "territory.slug_taken": undefined,
  "transfer.not_yours": undefined,
  "transfer.already_decided": { status: "accepted", by: "Karim Benali (France Services)", at: new Date("2026-11-20T09:30:00Z"), timeZone: "Europe/Paris" },
  "transfer.personal_data_already_erased": { at: new Date("2026-11-20T09:30:00Z"), timeZone: "Europe/Paris" },
  "transfer.partner_not_listed": undefined,
  "transfer.level_not_accepted": undefined,
  "transfer.warnings_not_confirmed": { warnings: ["Offre pour les 60 ans et plus."] },
  "transfer.deadline_past": undefined,
  "transfer.appointment_past": undefined,
  "transfer.appointment_place_unknown": undefined,
  "transfer.need_unknown": undefined,
  "transfer.previous_not_found": undefined,
  "transfer.code_incomplete": undefined,
  "transfer.code_unknown": { code: "TR-ABCD-23" },
  "newcomer.rate_limited": { minutes: 12 },
  "newcomer.already_decided": undefined,
  "newcomer.merge_target_gone": undefined,
  "report.already_moved": undefined,
  "report.not_allowed": undefined,
  "campaign.ends_in_past": undefined,
  "campaign.too_long": undefined,
  "campaign.nobody": undefined,
  "campaign.closed": undefined,
  "campaign.link_ended": { date: "30 juin 2027" },
  "campaign.link_invalid": undefined,
  "campaign.link_rate_limited": { minutes: 3 },
  "campaign.not_temporary": undefined,
  "agenda.pattern_overlap": { whose: "votre", existing: "mardi 14 h – 17 h (offre « Aide aux démarches »)" },
  "agenda.outside_hours": { day: "mardi", hours: "elle est ouverte de 10 h à 12 h et de 14 h à 17 h" },
  "agenda.place_not_of_offer": undefined,
  "agenda.validity_past": undefined,
  "agenda.over_capacity": { week: "lundi 7 décembre", halfDays: ["mardi après-midi", "jeudi matin", "vendredi après-midi"], limit: 2 },
  "agenda.absence_has_appointments": { appointments: ["mardi 8 décembre à 14 h — Aide aux démarches (José)"] },
  "agenda.capacity_below_published": { limit: 1, mediators: ["Sophie Leroy, semaine du lundi 7 décembre : mardi après-midi, jeudi après-midi"] },
  "report.offer_gone": undefined,
  "report.rate_limited": { minutes: 7 },
  "permanence.not_an_occurrence": undefined,
  "permanence.time_outside": { hours: "de 14 h à 17 h" },
  "permanence.time_required": undefined,
  "permanence.sheet_closed": undefined,
  "permanence.outcome_too_early": { day: "mardi 8 décembre, 14 h – 17 h" },
  "permanence.category_unknown": undefined,
  "permanence.line_has_transfer": { code: "K7M-4QX" },
  "territory_list.label_taken": undefined,
  "phone_call.not_a_line": undefined,
  "phone_call.category_unknown": undefined,
  "phone_call.offer_unknown": undefined,
  "phone_call.appointment_unknown": undefined,
  "phone_call.already_ended": undefined,
  "phone_call.has_transfer": { code: "TR-7K4Q-2M" },
  "appointment.slot_taken": { next: 3 },
  "appointment.slot_past": undefined,
  "appointment.not_a_slot": { why: "mediator_absent" },
  "appointment.offer_gone": undefined,
  "appointment.already_handled": undefined,
  "appointment.not_started": undefined,
  "appointment.transfer_not_bookable": undefined,
  "appointment.series_skills_missing": undefined,
  "resident_booking.not_open": undefined,
  "resident_booking.slot_taken": undefined,
  "resident_booking.slot_gone": undefined,
  "resident_booking.already_booked": undefined,
  "resident_booking.rate_limited": { minutes: 3 },
  "resident_booking.link_used": undefined,
  "resident_booking.hold_expired": undefined,
  "workshop.offer_unknown": undefined,
  "workshop.place_unknown": undefined,
  "workshop.in_the_past": undefined,
  "workshop.already_cancelled": undefined,
  "workshop.already_changed": undefined,
  "workshop.not_started": undefined,
  "workshop.closed": undefined,
  "workshop.rate_limited": { minutes: 4 },
  "workshop.link_used": undefined,
};

const sample = (code: ErrorCode) => ({ code, params: SAMPLES[code] }) as Coded;

/** A sentence a person can read: no placeholder, no code, no leftover value. */
function expectWords(words: string, code: string) {
  expect(words.trim().length).toBeGreaterThan(10);
  expect(words).not.toMatch(/undefined|null|NaN|\[object|\$\{|^\w+[._]\w+$/);
  expect(words).not.toContain(code);
}

describe("the error messages", () => {
  it("has params for exactly the codes there are", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...new Set([...WORKSPACE_CODES, ...PUBLIC_CODES])].sort());
  });

  it.each(WORKSPACE_CODES)("says %s in French", (code) => {
    const words = messageOf(sample(code));
    expectWords(words, code);
    expect(words).toMatch(/[.:»]$/);
  });

  it.each(PUBLIC_CODES)("says the public code %s in every public language", (code) => {
    const said = LOCALES.map((locale) => messageOf(sample(code), locale));
    said.forEach((words) => expectWords(words, code));
    // Each language its own words: not French left untranslated.
    expect(new Set(said).size).toBe(LOCALES.length);
    expect(said[LOCALES.indexOf("ar")]).toMatch(/[\u0600-\u06FF]/);
    // The workspace (no language) and a French public page say the same.
    expect(messageOf(sample(code))).toBe(said[LOCALES.indexOf("fr")]);
  });

  it("says a workspace code in French whatever the language asked", () => {
    expect(messageOf({ code: "not_found" }, "en")).toBe(WORKSPACE_MESSAGES.not_found());
  });

  it("keeps the words people read today", () => {
    expect(messageOf({ code: "not_found" })).toBe("Introuvable : cette page n'existe pas, ou vous n'y avez pas accès.");
    expect(messageOf({ code: "session.expired" })).toBe("Votre session a expiré : reconnectez-vous.");
    expect(messageOf({ code: "form.invalid" })).toBe("Corrigez les champs signalés.");
    expect(messageOf({ code: "form.invalid" }, "en")).toBe("Please correct the fields shown.");
    expect(messageOf(sample("transfer.already_decided"))).toBe(
      "Déjà traité par Karim Benali (France Services) le 20 novembre 2026 à 10:30 : ce transfert est maintenant « Accepté ».",
    );
    // In the territory's time zone, and without who or when when they are not known.
    expect(messageOf({ code: "transfer.already_decided", params: { status: "declined", by: null, at: new Date("2026-11-20T09:30:00Z"), timeZone: "America/Cayenne" } })).toBe(
      "Déjà traité le 20 novembre 2026 à 06:30 : ce transfert est maintenant « Refusé ».",
    );
    expect(messageOf({ code: "transfer.personal_data_already_erased", params: { at: null, timeZone: "Europe/Paris" } })).toBe(
      "Les données de la personne ont déjà été effacées.",
    );
    expect(messageOf(sample("save.changed_meanwhile"))).toBe(
      "Quelqu'un d'autre a enregistré cette offre pendant que vous la modifiiez. Champs qui diffèrent de votre saisie : Titre, Tarif. " +
        "Rechargez la page pour voir la version enregistrée, puis refaites vos changements.",
    );
    expect(messageOf({ code: "report.rate_limited", params: { minutes: 1 } }, "en")).toBe(
      "Thank you, we have received your reports. To prevent abuse, please try again in 1 minute.",
    );
  });

  it("has the same public codes in every language", () => {
    for (const locale of LOCALES) expect(Object.keys(publicMessages(locale)).sort()).toEqual([...PUBLIC_CODES].sort());
  });
});

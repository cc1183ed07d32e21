/**
 * A territory snapshot as Open Referral HSDS 3.1 (standards.md §3, mapping §3.5): the format for
 * partners outside France, so every published structure goes out, Belgian ones included.
 *
 * - structure → `organization` (+ `organization_identifiers`: SIRET, RNA, BCE/KBO; + a `phone`);
 *   place → `location` (physical) + `address` (state_province: the French département or the
 *   Belgian province, from the postal code); offer → `service` (+ one `service_at_location` per
 *   place, `languages`, `required_documents`); terms → `taxonomy`, `taxonomy_term` and `attribute`
 *   rows (one taxonomy per vocabulary, the term's code as `code`).
 * - Hours → `schedule` rows, RRULE-like: one row per weekly pattern (`freq: WEEKLY`, `byday`,
 *   `opens_at`/`closes_at` with the territory's UTC offset), on the place (location_id), on the
 *   offer at a place when it has its own hours there (service_at_location_id), or on an offer with
 *   no place (service_id). Closures end the regular rows' validity (`valid_to`) and start them
 *   again after (`valid_from`), as the HSDS guidance says; special hours are extra rows valid on
 *   their dates. Periods are also cut where the offset changes (daylight saving), for a year.
 *   A closure covering today makes the service "temporarily closed" with an `alert`.
 * - Ids: Toile's UUIDs for organizations, services and locations; the others are UUID v5 of what
 *   they describe, so they stay the same from one export to the next.
 * - Absent fields are left out, never null (no HSDS schema allows null); so are values the
 *   schema's formats would refuse (`hsdsEmail`, `hsdsUri`) and an address missing a required field.
 * These are the tables; what goes out is them nested (`nested.ts`, record 010).
 */
import { createHash } from "node:crypto";
import departements from "@etalab/decoupage-administratif/data/departements.json";
import vocabularies from "@/prisma/reference/vocabularies.json";
import { OWN_VOCABULARIES, PUBLISHED_VOCABULARIES } from "@/lib/vocabularies/sources";
import type { Exception } from "@/lib/hours/rules";
import { conditionsText } from "../datainclusion/export";
import { frenchPhoneE164 } from "../lmn/export";
import { notAfter, type SnapshotHours, type SnapshotOffer, type SnapshotPlace, type TerritorySnapshot } from "../snapshot";
import { HSDS_VERSION, type hsdsDataset } from "./schema";
import type { z } from "zod";

export type HsdsDataset = z.infer<typeof hsdsDataset>;
type HsdsRow<Table extends Exclude<keyof HsdsDataset, "hsds_version">> = HsdsDataset[Table][number];
export type HsdsSchedule = HsdsRow<"schedules">;

/** A row as the exporter builds it: an optional field may be null (or "") when Toile knows nothing. */
type Absentable<Row> = { [Key in keyof Row]: undefined extends Row[Key] ? Row[Key] | null : Row[Key] };

/**
 * The row without its absent fields. HSDS 3.1 types its fields string, number or array, never
 * null (not one of its schemas allows null): what Toile does not know is left out, not written null.
 */
function withoutAbsent<Row extends object>(row: Absentable<Row>): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null && value !== undefined && value !== "")) as Row;
}

/** Toile's namespace for UUID v5 ids (random, fixed forever). */
const NAMESPACE = "5b0c1f7e-3c55-4a0e-9a57-6f1d2f0c9e41";

/** A UUID v5 (RFC 9562) of the parts, in Toile's namespace. */
export function stableUuid(...parts: string[]): string {
  const hash = createHash("sha1")
    .update(Buffer.from(NAMESPACE.replace(/-/g, ""), "hex"))
    .update(parts.join("\u0000"))
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ─── days and offsets ───────────────────────────────────────────────────────────────────────

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const pad = (value: number) => String(value).padStart(2, "0");

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
const OFFSETS = new Map<string, number>();

/** The zone's UTC offset at noon of a day, in minutes (formatters and answers kept: exports ask thousands of times). */
function offsetMinutes(timeZone: string, day: string): number {
  const key = `${timeZone} ${day}`;
  const known = OFFSETS.get(key);
  if (known !== undefined) return known;
  let format = FORMATTERS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    FORMATTERS.set(timeZone, format);
  }
  const instant = new Date(`${day}T12:00:00Z`);
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  const offset = Math.round((local - instant.getTime()) / 60_000);
  if (OFFSETS.size > 10_000) OFFSETS.clear();
  OFFSETS.set(key, offset);
  return offset;
}

const offsetText = (minutes: number) => `${minutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
const timeAt = (minute: number, offset: number) => `${pad(Math.floor(Math.min(minute, 1439) / 60))}:${pad(Math.min(minute, 1439) % 60)}${offsetText(offset)}`;

/** The first days of the coming year on which the zone's offset changes. */
export function offsetChanges(timeZone: string, today: string): string[] {
  const changes: string[] = [];
  let previous = offsetMinutes(timeZone, today);
  for (let index = 1; index <= 366; index++) {
    const day = addDays(today, index);
    const offset = offsetMinutes(timeZone, day);
    if (offset !== previous) changes.push(day);
    previous = offset;
  }
  return changes;
}

interface Period {
  from: string;
  to: string | null;
}

/** From today on, the days outside the closures, cut where the offset changes. */
export function openPeriods(exceptions: Exception[], today: string, cuts: string[]): Period[] {
  const closures = exceptions.filter((exception) => exception.endsOn >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const periods: Period[] = [];
  let start = today;
  for (const closure of closures) {
    if (closure.startsOn > start) periods.push({ from: start, to: addDays(closure.startsOn, -1) });
    if (addDays(closure.endsOn, 1) > start) start = addDays(closure.endsOn, 1);
  }
  periods.push({ from: start, to: null });
  return periods.flatMap((period) => {
    const inside = cuts.filter((cut) => cut > period.from && (period.to === null || cut <= period.to));
    const bounds = [period.from, ...inside];
    return bounds.map((from, index) => ({ from, to: index + 1 < bounds.length ? addDays(bounds[index + 1]!, -1) : period.to }));
  });
}

type Owner = { service_id: string } | { location_id: string } | { service_at_location_id: string };

const HOLIDAY_NOTES = { closed: "Fermé les jours fériés.", open_as_usual: "Ouvert les jours fériés aux horaires habituels.", unknown: null } as const;

/** The schedule rows of one owner's hours. */
export function toSchedules(hours: SnapshotHours, owner: Owner, today: string, timeZone: string, cuts = offsetChanges(timeZone, today)): HsdsSchedule[] {
  const ownerId = Object.values(owner)[0] as string;
  const groups = new Map<string, { opens: number; closes: number; appointmentOnly: boolean; weekdays: number[] }>();
  for (const slot of hours.slots) {
    const key = `${slot.opensAtMinute}-${slot.closesAtMinute}-${slot.appointmentOnly}`;
    const group = groups.get(key) ?? { opens: slot.opensAtMinute, closes: slot.closesAtMinute, appointmentOnly: slot.appointmentOnly, weekdays: [] };
    if (!group.weekdays.includes(slot.weekday)) group.weekdays.push(slot.weekday);
    groups.set(key, group);
  }
  const patterns = [...groups.values()].sort((a, b) => Math.min(...a.weekdays) - Math.min(...b.weekdays) || a.opens - b.opens);
  if (patterns.length === 0) return [];
  const upcoming = hours.exceptions.filter((exception) => exception.endsOn >= today);
  const notes = HOLIDAY_NOTES[hours.publicHolidays];
  const rows: HsdsSchedule[] = [];

  for (const period of openPeriods(upcoming, today, cuts)) {
    const offset = offsetMinutes(timeZone, period.from);
    for (const pattern of patterns) {
      const byday = [...pattern.weekdays].sort().map((weekday) => BYDAY[weekday - 1]).join(",");
      rows.push(withoutAbsent<HsdsSchedule>({
        id: stableUuid("schedule", ownerId, period.from, byday, String(pattern.opens), String(pattern.closes), String(pattern.appointmentOnly)),
        ...owner,
        valid_from: period.from,
        valid_to: period.to,
        timezone: offset / 60,
        freq: "WEEKLY",
        wkst: "MO",
        byday,
        opens_at: timeAt(pattern.opens, offset),
        closes_at: timeAt(pattern.closes, offset),
        description: pattern.appointmentOnly ? "Sur rendez-vous" : null,
        notes,
        attending_type: "in person",
      }));
    }
  }
  // Special hours: extra rows valid on their dates only (the regular rows are not valid then).
  for (const exception of upcoming.filter((candidate) => !candidate.closed && candidate.opensAtMinute != null && candidate.closesAtMinute != null)) {
    const days = Array.from({ length: 7 }, (_, index) => addDays(exception.startsOn, index)).filter((day) => day <= exception.endsOn);
    const byday = [...new Set(days.map(weekdayOf))].sort().map((weekday) => BYDAY[weekday - 1]).join(",");
    const offset = offsetMinutes(timeZone, exception.startsOn);
    rows.push(withoutAbsent<HsdsSchedule>({
      id: stableUuid("schedule", ownerId, exception.startsOn, exception.endsOn, "special"),
      ...owner,
      valid_from: exception.startsOn,
      valid_to: exception.endsOn,
      timezone: offset / 60,
      freq: "WEEKLY",
      wkst: "MO",
      byday,
      opens_at: timeAt(exception.opensAtMinute!, offset),
      closes_at: timeAt(exception.closesAtMinute!, offset),
      description: exception.label,
      notes: null,
      attending_type: "in person",
    }));
  }
  return rows;
}

/** The closure covering today, if any. */
function currentClosure(hours: SnapshotHours | null, today: string): Exception | null {
  return hours?.exceptions.find((exception) => exception.closed && exception.startsOn <= today && today <= exception.endsOn) ?? null;
}

// ─── vocabularies ───────────────────────────────────────────────────────────────────────────

type PublishedFile = Record<string, { source?: string; version?: string; values?: { value: string; label?: string; description?: string }[] }>;
const PUBLISHED = vocabularies as unknown as PublishedFile;
const VOCABULARY_NAMES = new Map<string, { name: string; version: string; uri: string | null }>([
  ...PUBLISHED_VOCABULARIES.map((vocabulary) => [vocabulary.key, { name: `${vocabulary.name} (${vocabulary.standard})`, version: vocabulary.version, uri: PUBLISHED[vocabulary.key]?.source?.split(" ")[0] ?? null }] as const),
  ...OWN_VOCABULARIES.map((vocabulary) => [vocabulary.key, { name: `${vocabulary.name} (Toile)`, version: vocabulary.version, uri: null }] as const),
]);

function termOf(vocabulary: string, code: string): { name: string; description: string } {
  const own = OWN_VOCABULARIES.find((candidate) => candidate.key === vocabulary)?.terms.find((term) => term.code === code);
  if (own) return { name: own.label, description: own.description };
  const published = PUBLISHED[vocabulary]?.values?.find((term) => term.value === code);
  const name = published?.label || code;
  return { name, description: published?.description || name };
}

// ─── places ─────────────────────────────────────────────────────────────────────────────────

const DEPARTMENT_NAMES = new Map((departements as { code: string; nom: string }[]).map((department) => [department.code, department.nom]));

/** Belgian provinces (and the Brussels region) by postal code, bpost's ranges. */
const BELGIAN_PROVINCES: [number, number, string][] = [
  [1000, 1299, "Région de Bruxelles-Capitale"],
  [1300, 1499, "Brabant wallon"],
  [1500, 1999, "Brabant flamand"],
  [2000, 2999, "Anvers"],
  [3000, 3499, "Brabant flamand"],
  [3500, 3999, "Limbourg"],
  [4000, 4999, "Liège"],
  [5000, 5999, "Namur"],
  [6000, 6599, "Hainaut"],
  [6600, 6999, "Luxembourg"],
  [7000, 7999, "Hainaut"],
  [8000, 8999, "Flandre-Occidentale"],
  [9000, 9999, "Flandre-Orientale"],
];

export function stateProvince(place: Pick<SnapshotPlace, "country" | "postalCode" | "communeCode">): string {
  if (place.country === "BE") {
    const code = Number(place.postalCode);
    return BELGIAN_PROVINCES.find(([from, to]) => code >= from && code <= to)?.[2] ?? "Belgique";
  }
  if (place.communeCode) {
    const code = place.communeCode.startsWith("97") ? place.communeCode.slice(0, 3) : place.communeCode.slice(0, 2);
    return DEPARTMENT_NAMES.get(code) ?? code;
  }
  // No INSEE code (a commune the import could not name): the postal code says the département,
  // except in Corsica, whose two share the 20 prefix.
  const postal = place.postalCode.trim();
  if (postal.startsWith("20")) return "Corse";
  return DEPARTMENT_NAMES.get(postal.startsWith("97") ? postal.slice(0, 3) : postal.slice(0, 2)) ?? "";
}

// ─── formats ────────────────────────────────────────────────────────────────────────────────

/** An address of the form HSDS asks (`format: email`, ASCII as JSON Schema's validators read it), or null. */
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const hsdsEmail = (email: string | null) => (email && EMAIL.test(email.trim()) ? email.trim() : null);

/** A web address as an RFC 3986 URI (`format: uri`): accents and spaces percent-encoded, the host in punycode; null if it is not http(s). */
function hsdsUri(address: string | null): string | null {
  if (!address?.trim()) return null;
  try {
    const url = new URL(address.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return /^[\x21-\x7e]+$/.test(address.trim()) ? address.trim() : url.href;
  } catch {
    return null;
  }
}

// ─── the export ─────────────────────────────────────────────────────────────────────────────

const LANGUAGE_NAMES = new Intl.DisplayNames(["fr"], { type: "language" });
const IDENTIFIER_TYPES = { SIRET: "SIRET", RNA: "RNA", BCE: "BCE/KBO" } as const;

export interface HsdsOptions {
  today: string;
  baseUrl?: string;
}

function emptyDataset(): HsdsDataset {
  return {
    hsds_version: HSDS_VERSION,
    organizations: [],
    organization_identifiers: [],
    services: [],
    locations: [],
    addresses: [],
    phones: [],
    service_at_locations: [],
    schedules: [],
    languages: [],
    required_documents: [],
    taxonomies: [],
    taxonomy_terms: [],
    attributes: [],
  };
}

export function toHsds(snapshot: TerritorySnapshot, options: HsdsOptions): HsdsDataset {
  const { today } = options;
  const timeZone = snapshot.territory.timeZone;
  const cuts = offsetChanges(timeZone, today);
  const base = options.baseUrl?.replace(/\/$/, "");
  const out = emptyDataset();
  const taxonomies = new Set<string>();
  const terms = new Set<string>();

  const attribute = (linkId: string, linkEntity: "service" | "organization", [vocabulary, code]: readonly [string, string]) => {
    const taxonomyId = stableUuid("taxonomy", vocabulary);
    const termId = stableUuid("taxonomy_term", vocabulary, code);
    if (!taxonomies.has(vocabulary)) {
      taxonomies.add(vocabulary);
      const known = VOCABULARY_NAMES.get(vocabulary);
      out.taxonomies.push(withoutAbsent<HsdsRow<"taxonomies">>({ id: taxonomyId, name: known?.name ?? vocabulary, description: `Vocabulaire ${vocabulary}`, uri: known?.uri ?? null, version: known?.version ?? null }));
    }
    if (!terms.has(termId)) {
      terms.add(termId);
      out.taxonomy_terms.push({ id: termId, code, ...termOf(vocabulary, code), taxonomy: vocabulary, taxonomy_id: taxonomyId, language: "fr" });
    }
    out.attributes.push({ id: stableUuid("attribute", linkId, termId), link_id: linkId, taxonomy_term_id: termId, link_type: vocabulary, link_entity: linkEntity, value: code });
  };

  for (const structure of snapshot.structures) {
    out.organizations.push(
      withoutAbsent<HsdsRow<"organizations">>({
        id: structure.id,
        name: structure.name,
        description: structure.description.trim() || structure.name,
        email: hsdsEmail(structure.email),
        website: hsdsUri(structure.website),
      }),
    );
    for (const identifier of structure.identifiers) {
      out.organization_identifiers.push({
        id: stableUuid("organization_identifier", structure.id, identifier.type),
        organization_id: structure.id,
        identifier_type: IDENTIFIER_TYPES[identifier.type],
        identifier: identifier.value.replace(/\s/g, ""),
      });
    }
    if (structure.phone) {
      out.phones.push({
        id: stableUuid("phone", structure.id),
        organization_id: structure.id,
        number: frenchPhoneE164(structure.phone) ?? structure.phone.trim(),
        type: "voice",
      });
    }
    for (const term of structure.terms) attribute(structure.id, "organization", term);
  }

  for (const place of snapshot.places) {
    out.locations.push(withoutAbsent<HsdsRow<"locations">>({ id: place.id, location_type: "physical", organization_id: place.structureId, name: place.name, latitude: place.latitude, longitude: place.longitude }));
    // An address HSDS would refuse (it requires the street, the city, the postal code and the region) is left out; the location stays.
    const province = stateProvince(place);
    if (place.address.trim() && place.communeName.trim() && place.postalCode.trim() && province) {
      out.addresses.push(
        withoutAbsent<HsdsRow<"addresses">>({
          id: stableUuid("address", place.id),
          location_id: place.id,
          address_1: place.address,
          address_2: place.addressComplement,
          city: place.communeName,
          state_province: province,
          postal_code: place.postalCode,
          country: place.country,
          address_type: "physical",
        }),
      );
    }
    out.schedules.push(...toSchedules(place.hours, { location_id: place.id }, today, timeZone, cuts));
  }

  const places = new Map(snapshot.places.map((place) => [place.id, place]));
  for (const offer of snapshot.offers) {
    out.services.push(toService(offer, places, today, base, snapshot.territory.slug));
    for (const offerPlace of offer.places) {
      const id = stableUuid("service_at_location", offer.id, offerPlace.placeId);
      out.service_at_locations.push({ id, service_id: offer.id, location_id: offerPlace.placeId });
      if (offerPlace.hours) out.schedules.push(...toSchedules(offerPlace.hours, { service_at_location_id: id }, today, timeZone, cuts));
    }
    if (offer.hours) out.schedules.push(...toSchedules(offer.hours, { service_id: offer.id }, today, timeZone, cuts));
    for (const code of offer.details?.languages ?? []) {
      out.languages.push({ id: stableUuid("language", offer.id, code), service_id: offer.id, name: LANGUAGE_NAMES.of(code) ?? code, code });
    }
    for (const [index, document] of (offer.details?.documentsToBring ?? []).entries()) {
      out.required_documents.push({ id: stableUuid("required_document", offer.id, String(index), document), service_id: offer.id, document });
    }
    for (const term of offer.terms) attribute(offer.id, "service", term);
  }
  return out;
}

function toService(offer: SnapshotOffer, places: Map<string, SnapshotPlace>, today: string, base: string | undefined, slug: string): HsdsRow<"services"> {
  // Closed today everywhere it is held (or, with no place, on its own hours): temporarily closed.
  const closures = offer.places.length > 0 ? offer.places.map((at) => currentClosure(at.hours ?? places.get(at.placeId)?.hours ?? null, today)) : [currentClosure(offer.hours, today)];
  const closed = closures.length > 0 && closures.every(Boolean);
  const closure = closed ? closures.sort((a, b) => a!.endsOn.localeCompare(b!.endsOn))[0]! : null;
  const details = offer.details;
  const fees = offer.terms.filter(([vocabulary]) => vocabulary === "lmn.frais_a_charge" || vocabulary === "dataInclusion.v1.frais").map(([vocabulary, code]) => termOf(vocabulary, code).name);
  return withoutAbsent<HsdsRow<"services">>({
    id: offer.id,
    organization_id: offer.structureId,
    name: offer.title,
    description: offer.description || null,
    status: closed ? "temporarily closed" : "active",
    alert: closure ? `${closure.label} (fermé jusqu'au ${closure.endsOn} inclus)` : details?.isSaturated ? "Service saturé : délai d'attente allongé." : null,
    url: base ? hsdsUri(`${base}/t/${slug}/offres/${offer.id}`) : null,
    application_process: [details?.residentAccess, details?.professionalReferral].filter(Boolean).join("\n") || null,
    fees_description: [[...new Set(fees)].join(", "), offer.feeDetails].filter(Boolean).join(" — ") || null,
    eligibility_description: conditionsText({ ...offer, details: details && { ...details, documentsToBring: [] } }),
    minimum_age: details?.minAge ?? null,
    maximum_age: details?.maxAge ?? null,
    last_modified: `${notAfter(offer.updatedOn, today)}T00:00:00Z`,
  });
}

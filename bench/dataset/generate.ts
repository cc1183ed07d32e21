/**
 * Generates the benchmark dataset in memory, deterministically: the same seed, scale, reference
 * date and vocabularies give the same rows, ids included. Rows are keyed by their column names;
 * bench/dataset/write.ts inserts them.
 */
import { checkSiret } from "@/lib/structures/identifiers";
import {
  ACCESSIBILITY_NOTES,
  BELGIAN_STREETS,
  NEIGHBOURHOODS,
  BELGIAN_STRUCTURE_KINDS,
  FRENCH_STRUCTURE_KINDS,
  OFFER_KINDS,
  OTHER_CONDITIONS,
  PROFESSIONAL_REFERRAL,
  RESIDENT_ACCESS,
  STREETS,
  type OfferKind,
  type StructureKind,
} from "./catalogue";
import { belgianTerritories, frenchGeography, type BenchCommune, type TerritorySource } from "./geography";
import { permanenceWeek, phoneLineWeek, placeWeek, type WeeklySlot } from "./hours";
import { Random, WeightedTable } from "./random";

export type Row = Record<string, unknown>;

export interface Dataset {
  Territory: Row[];
  TerritoryArea: Row[];
  Structure: Row[];
  StructureIdentifier: Row[];
  StructureTerm: Row[];
  Place: Row[];
  Offer: Row[];
  OfferTerm: Row[];
  OfferPlace: Row[];
  OpeningSlot: Row[];
  OpeningException: Row[];
}

/** Term ids by vocabulary key, then code, as read from the database. */
export type TermIds = Map<string, Map<string, string>>;

export const BENCH_SLUG_PREFIX = "bench-";

export interface PlannedCounts {
  territories: number;
  belgianTerritories: number;
  departementTerritories: number;
  structures: number;
  places: number;
  offers: number;
}

/** At scale 1: 100 territories (4 Belgian, 10 whole départements), 30,000 structures, 45,000 places, 100,000 offers. */
export function plannedCounts(scale: number): PlannedCounts {
  const territories = Math.max(2, Math.round(100 * scale));
  const belgian = Math.min(4, Math.max(1, Math.round(4 * scale)));
  const structures = Math.max(territories, Math.round(30_000 * scale));
  return {
    territories,
    belgianTerritories: belgian,
    departementTerritories: Math.round((territories - belgian) * 0.1),
    structures,
    places: Math.max(structures, Math.round(45_000 * scale)),
    offers: Math.max(structures, Math.round(100_000 * scale)),
  };
}

export interface GenerateOptions {
  scale: number;
  seed: number;
  /** "Today" for verification dates and exceptions; midnight UTC. */
  referenceDate: Date;
}

const DAY = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
/** Prisma's DateTime columns are timestamps without time zone, holding UTC. */
const timestamp = (date: Date) => date.toISOString().slice(0, 23);

function slugify(text: string) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** A SIRET with a valid key: the last digit is the one that satisfies the checksum. */
function validSiret(prefix13: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${prefix13}${digit}`;
    if (checkSiret(candidate).ok) return candidate;
  }
  throw new Error(`No valid SIRET key for ${prefix13}`);
}

/** A Belgian enterprise number (BCE/KBO) with its mod-97 key. */
function validBce(random: Random): string {
  const base = `0${random.int(2, 9)}${random.digits(6)}`;
  const key = 97 - (Number(base) % 97);
  return `${base}${String(key).padStart(2, "0")}`;
}

const LA_POSTE_SIREN = "356000000";
const FRANCE_TRAVAIL_SIREN = "130005481";

function chooseTerritories(random: Random, counts: PlannedCounts): TerritorySource[] {
  const france = frenchGeography();
  const frenchCount = counts.territories - counts.belgianTerritories;
  const departements = random.sample(france.departements, counts.departementTerritories);
  const taken = new Set(departements.map((departement) => departement.code));
  const fromDepartements: TerritorySource[] = departements.map((departement) => ({
    name: `Réseau numérique ${departement.name}`,
    country: "FR",
    timeZone: "Europe/Paris",
    areas: [{ kind: "departement", code: departement.code, name: departement.name }],
    communes: departement.communes,
  }));
  // EPCIs outside those départements, drawn with a weight growing slower than population: a mix
  // of metropolises, towns and rural intercommunalities, as in the real networks.
  const candidates = france.epcis.filter((epci) => !epci.communes.some((commune) => taken.has(commune.departement)));
  const fromEpcis: TerritorySource[] = [];
  const used = new Set<string>();
  while (fromEpcis.length < frenchCount - fromDepartements.length) {
    const left = candidates.filter((epci) => !used.has(epci.code));
    if (left.length === 0) throw new Error(`Pas assez d'intercommunalités pour ${counts.territories} territoires : réduisez --scale.`);
    const table = new WeightedTable(
      left,
      (epci) => Math.sqrt(epci.communes.reduce((sum, commune) => sum + commune.population, 0)),
    );
    const epci = table.draw(random);
    used.add(epci.code);
    fromEpcis.push({
      name: epci.name,
      country: "FR",
      timeZone: "Europe/Paris",
      areas: [{ kind: "epci", code: epci.code, name: epci.name }],
      communes: epci.communes,
    });
  }
  const belgian = belgianTerritories().slice(0, counts.belgianTerritories);
  return [...fromDepartements, ...fromEpcis, ...belgian];
}

/** Spreads `total` over weights, each at least `minimum`, summing exactly to `total`. */
function spread(random: Random, total: number, weights: number[], minimum: number): number[] {
  const result = weights.map(() => minimum);
  const table = new WeightedTable(
    weights.map((_, index) => index),
    (index) => weights[index]!,
  );
  for (let left = total - minimum * weights.length; left > 0; left--) result[table.draw(random)]! += 1;
  return result;
}

export function generateDataset(termIds: TermIds, { scale, seed, referenceDate }: GenerateOptions): Dataset {
  const random = new Random(seed);
  const counts = plannedCounts(scale);
  const data: Dataset = {
    Territory: [], TerritoryArea: [], Structure: [], StructureIdentifier: [], StructureTerm: [], Place: [],
    Offer: [], OfferTerm: [], OfferPlace: [], OpeningSlot: [], OpeningException: [],
  };
  const term = (vocabulary: string, code: string) => {
    const id = termIds.get(vocabulary)?.get(code);
    if (!id) throw new Error(`Terme absent des vocabulaires : ${vocabulary} « ${code} ».`);
    return id;
  };
  const now = timestamp(referenceDate);
  const daysAgo = (days: number) => timestamp(new Date(referenceDate.getTime() - days * DAY - random.int(8, 18) * 3_600_000));
  /** Days since the last verification, 0 to 18 months: about 60 % fresh, 40 % stale after 6 months. */
  const verificationAge = () => random.weighted([[random.int(0, 182), 60], [random.int(183, 365), 25], [random.int(366, 548), 15]] as const);
  const summerYear = referenceDate.getUTCMonth() >= 8 ? referenceDate.getUTCFullYear() + 1 : referenceDate.getUTCFullYear();

  const addSlots = (owner: Row, slots: WeeklySlot[], validity?: { from: string; until: string }) => {
    for (const slot of slots) {
      data.OpeningSlot.push({
        id: random.uuid(), placeId: null, offerPlaceId: null, offerId: null, ...owner,
        weekday: slot.weekday, opensAtMinute: slot.opens, closesAtMinute: slot.closes,
        appointmentOnly: slot.appointmentOnly, validFrom: validity?.from ?? null, validUntil: validity?.until ?? null,
      });
    }
  };
  const addException = (owner: Row) => {
    const base = { id: random.uuid(), placeId: null, offerPlaceId: null, offerId: null, ...owner, opensAtMinute: null, closesAtMinute: null };
    const kind = random.weighted([["summer closure", 4], ["summer hours", 3], ["one day", 3], ["works", 1]] as const);
    if (kind === "summer closure") {
      data.OpeningException.push({ ...base, startsOn: `${summerYear}-08-04`, endsOn: `${summerYear}-08-22`, closed: true, label: "Fermeture estivale" });
    } else if (kind === "summer hours") {
      data.OpeningException.push({
        ...base, startsOn: `${summerYear}-07-07`, endsOn: `${summerYear}-08-29`, closed: false,
        opensAtMinute: 9 * 60, closesAtMinute: 12 * 60 + 30, label: "Horaires d'été : le matin seulement",
      });
    } else if (kind === "one day") {
      const day = isoDate(new Date(referenceDate.getTime() + random.int(1, 60) * DAY));
      data.OpeningException.push({ ...base, startsOn: day, endsOn: day, closed: true, label: "Fermeture exceptionnelle (formation de l'équipe)" });
    } else {
      const start = new Date(referenceDate.getTime() + random.int(-10, 90) * DAY);
      data.OpeningException.push({
        ...base, startsOn: isoDate(start), endsOn: isoDate(new Date(start.getTime() + 13 * DAY)), closed: true, label: "Fermé pour travaux",
      });
    }
  };

  // Territories and their areas.
  const territories = chooseTerritories(random, counts).map((source, index) => {
    const id = random.uuid();
    data.Territory.push({
      id, slug: `${BENCH_SLUG_PREFIX}${String(index + 1).padStart(3, "0")}-${slugify(source.name)}`.slice(0, 80),
      name: source.name, country: source.country, timeZone: source.timeZone, staleAfterMonths: 6, createdAt: now, updatedAt: now,
    });
    for (const area of source.areas) data.TerritoryArea.push({ id: random.uuid(), territoryId: id, ...area });
    const communes = new WeightedTable(source.communes, (commune) => Math.pow(commune.population + 50, 0.8));
    return { id, source, communes, places: [] as { id: string; structureId: string }[] };
  });

  // Structures, spread by population (with a floor, so rural networks are not empty).
  const weights = territories.map(({ source }) => Math.pow(source.communes.reduce((sum, c) => sum + c.population, 0), 0.6));
  const structuresPer = spread(random, counts.structures, weights, 1);
  interface StructurePlan {
    id: string;
    name: string;
    territory: (typeof territories)[number];
    commune: BenchCommune;
    kind: StructureKind;
    draft: boolean;
    places: string[];
  }
  const phoneNumber = (country: string) =>
    country === "FR"
      ? `0${random.int(1, 5)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`
      : `+32 ${random.int(10, 89)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`;
  const structures: StructurePlan[] = [];
  territories.forEach((territory, index) => {
    const kinds = territory.source.country === "FR" ? FRENCH_STRUCTURE_KINDS : BELGIAN_STRUCTURE_KINDS;
    const names = new Set<string>();
    for (let count = 0; count < structuresPer[index]!; count++) {
      const commune = territory.communes.draw(random);
      const kind = random.weighted(kinds.map((k) => [k, k.weight] as const));
      let name = kind.name(commune.name, (items) => random.pick(items));
      // Several of a kind in one city: told apart by their neighbourhood, as in real directories.
      for (let attempt = 0; names.has(name); attempt++) {
        name = `${kind.name(commune.name, (items) => random.pick(items))} — ${random.pick(NEIGHBOURHOODS)}${attempt > 4 ? ` ${attempt}` : ""}`;
      }
      names.add(name);
      const id = random.uuid();
      const draft = random.chance(0.04);
      const verifiedAt = daysAgo(verificationAge());
      const domain = `${slugify(name).slice(0, 40)}.exemple.${territory.source.country === "FR" ? "fr" : "be"}`;
      data.Structure.push({
        id, territoryId: territory.id, name,
        description: `${name} accompagne les habitants dans leurs usages du numérique.`,
        email: `contact@${domain}`,
        phone: phoneNumber(territory.source.country),
        website: random.chance(0.4) ? `https://www.${domain}` : null,
        status: draft ? "draft" : "published",
        lastVerifiedAt: draft ? null : verifiedAt,
        createdAt: verifiedAt, updatedAt: verifiedAt,
      });
      data.StructureTerm.push({ structureId: id, termId: term("dataInclusion.v0.typologies_de_structures", kind.typology) });
      for (const [label, probability] of kind.labels) {
        if (!random.chance(probability)) continue;
        const national = termIds.get("lmn.dispositif_programmes_nationaux")?.has(label);
        const vocabulary = national ? "lmn.dispositif_programmes_nationaux" : "lmn.formations_labels";
        data.StructureTerm.push({ structureId: id, termId: term(vocabulary, label) });
      }
      addIdentifiers(id, kind, commune, territory.source.country);
      structures.push({ id, name, territory, commune, kind, draft, places: [] });
    }
  });

  function addIdentifiers(structureId: string, kind: StructureKind, commune: BenchCommune, country: string) {
    const add = (type: string, value: string) => data.StructureIdentifier.push({ id: random.uuid(), structureId, type, value });
    if (country === "BE") {
      if (random.chance(0.8)) add("BCE", validBce(random));
      return;
    }
    if (kind.identity === "la-poste") {
      // La Poste's establishments: digit sum divisible by 5.
      for (;;) {
        const candidate = `${LA_POSTE_SIREN}${random.digits(5)}`;
        if (checkSiret(candidate).ok) return add("SIRET", candidate);
      }
    }
    if (kind.identity === "association" && random.chance(0.7)) add("RNA", `W${random.digits(9)}`);
    if (!random.chance(kind.identity === "association" ? 0.5 : 0.85)) return;
    const siren =
      kind.identity === "commune"
        ? sirenOfCommune(commune)
        : kind.identity === "france-travail"
          ? FRANCE_TRAVAIL_SIREN
          : `${random.int(3, 8)}${random.digits(8)}`;
    add("SIRET", validSiret(`${siren}${random.digits(4)}`));
  }
  // The commune's real SIREN is not kept in BenchCommune: communes' SIRENs start with 21 + INSEE code.
  function sirenOfCommune(commune: BenchCommune) {
    return `21${commune.code.replace(/\D/g, "0").padStart(5, "0")}${random.digits(2)}`.slice(0, 9);
  }

  // Places: most structures have one, some several (antennas), a few none (phone or online only).
  const withPlaces = structures.filter(() => !random.chance(0.03));
  const extra = Math.max(0, counts.places - withPlaces.length);
  const extraPer = spread(random, extra + withPlaces.length, withPlaces.map(() => 1), 1);
  withPlaces.forEach((structure, index) => {
    const country = structure.territory.source.country;
    for (let count = 0; count < extraPer[index]!; count++) {
      const commune = count === 0 ? structure.commune : structure.territory.communes.draw(random);
      const id = random.uuid();
      const name = count === 0 ? structure.name : `Antenne de ${commune.name}`;
      data.Place.push({
        id, structureId: structure.id, name,
        address: `${random.int(1, 120)} ${random.pick(country === "FR" ? STREETS : BELGIAN_STREETS)}`,
        // Belgian places keep their postal code as commune code (see lib/places/communes.ts).
        postalCode: random.pick(commune.postalCodes),
        communeCode: country === "FR" ? commune.code : commune.postalCodes[0],
        communeName: commune.name, country,
        latitude: Number((commune.latitude + (random.next() - 0.5) * 0.02).toFixed(6)),
        longitude: Number((commune.longitude + (random.next() - 0.5) * 0.03).toFixed(6)),
        wheelchairAccessible: random.weighted([[true, 60], [false, 15], [null, 25]] as const),
        accessibilityNotes: random.chance(0.2) ? random.pick(ACCESSIBILITY_NOTES) : null,
        publicHolidays: random.weighted([["closed", 85], ["unknown", 10], ["open_as_usual", 5]] as const),
        createdAt: now, updatedAt: now,
      });
      addSlots({ placeId: id }, placeWeek(random));
      if (random.chance(0.04)) addException({ placeId: id });
      structure.places.push(id);
      structure.territory.places.push({ id, structureId: structure.id });
    }
  });

  // Offers: every structure has one, the rest spread by the structure's size (its places).
  const offersPer = spread(random, counts.offers, structures.map((s) => 1 + s.places.length), 1);
  structures.forEach((structure, index) => {
    for (let count = 0; count < offersPer[index]!; count++) addOffer(structure);
  });

  /** A place of another structure of the territory, where a permanence could be held. */
  function partnerPlace(structure: StructurePlan): string | undefined {
    const places = structure.territory.places;
    for (let attempt = 0; attempt < 8 && places.length > 0; attempt++) {
      const place = random.pick(places);
      if (place.structureId !== structure.id) return place.id;
    }
    return undefined;
  }

  function addOffer(structure: StructurePlan) {
    const id = random.uuid();
    const partner = partnerPlace(structure);
    const kind: OfferKind = OFFER_KINDS[random.pick(structure.kind.offers)]!;
    // "À distance": phone lines; offers of structures with no place of their own (unless hosted
    // by a partner); and a few others.
    const remote =
      kind.access.some(([mode]) => mode === "a-distance") ||
      (structure.places.length === 0 && (!partner || random.chance(0.5))) ||
      random.chance(0.03);
    const status = structure.draft ? "draft" : random.weighted([["published", 85], ["draft", 10], ["archived", 5]] as const);
    const country = structure.territory.source.country;

    // Needs: the LMN service, and up to three data·inclusion thematiques.
    const needs = [
      term("lmn.services", kind.service),
      ...random.sample(kind.thematiques, random.int(0, 3)).map((code) => term("dataInclusion.v1.thematiques", code)),
    ];
    const postures = random.sample(kind.postures, random.int(1, kind.postures.length));
    const access = remote ? ["a-distance"] : [...new Set([random.weighted(kind.access), random.weighted(kind.access)])];
    const publics = random.chance(0.55) ? ["tous-publics"] : random.sample(kind.publics, random.int(1, Math.min(3, kind.publics.length)));
    const contacts = [
      ...(access.includes("sans-rendez-vous") || access.includes("acces-libre") ? ["Se présenter"] : []),
      ...(random.chance(0.7) || access.includes("a-distance") ? ["Téléphoner"] : []),
      ...(random.chance(0.35) ? ["Contacter par mail"] : []),
      ...(random.chance(0.12) ? ["Prendre un RDV en ligne"] : []),
    ];
    const referrals = random.sample(["envoyer-un-courriel", "telephoner", "se-presenter", "utiliser-lien-mobilisation"], random.int(0, 2));
    const fee =
      kind.key === "equipement"
        ? random.pick(["Payant", "Gratuit sous condition"])
        : random.weighted([["Gratuit", 88], ["Gratuit sous condition", 7], ["Payant", 5]] as const);
    const termRows = [
      ...needs,
      ...postures.map((code) => term("toile.postures", code)),
      ...access.map((code) => term("toile.modes_acces", code)),
      ...publics.map((code) => term("dataInclusion.v1.publics", code)),
      ...contacts.map((code) => term("lmn.modalites_acces", code)),
      ...referrals.map((code) => term("dataInclusion.v1.modes_mobilisation", code)),
      term("lmn.frais_a_charge", fee),
    ];
    for (const termId of new Set(termRows)) data.OfferTerm.push({ offerId: id, termId });

    const verifiedAt = daysAgo(status === "archived" ? random.int(180, 548) : verificationAge());
    const young = publics.includes("jeunes");
    const languages = country === "BE"
      ? (random.chance(0.3) ? ["fr", "nl"] : ["fr"])
      : random.weighted([[["fr"], 85], [["fr", "en"], 7], [["fr", "ar"], 3], [["fr", "es"], 2], [["fr", "uk"], 2], [["fr", "tr"], 1]] as const);
    data.Offer.push({
      id, structureId: structure.id, territoryId: structure.territory.id,
      title: random.chance(0.15) ? `${random.pick(kind.titles)} — ${structure.commune.name}` : random.pick(kind.titles),
      description: kind.description,
      professionalReferral: random.chance(0.6) ? random.pick(PROFESSIONAL_REFERRAL) : null,
      residentAccess: random.chance(0.7) ? random.pick(RESIDENT_ACCESS) : null,
      minAge: young ? 16 : random.chance(0.03) ? 60 : null,
      maxAge: young ? 25 : null,
      residencyCondition: random.chance(0.1) ? `Habitants de ${structure.commune.name}` : null,
      otherConditions: random.chance(0.06) ? random.pick(OTHER_CONDITIONS) : null,
      feeDetails: fee === "Payant" ? random.pick(["Adhésion 10 € par an", "2 € la séance", "Ordinateur à partir de 80 €"]) : null,
      documentsToBring: random.sample(kind.documents, random.int(0, Math.min(4, kind.documents.length))),
      languages: [...languages],
      typicalDelayDays: random.chance(0.5) ? random.int(0, 21) : null,
      isSaturated: random.chance(0.05),
      acceptsTransfers: random.chance(0.45),
      status,
      lastVerifiedAt: status === "draft" && random.chance(0.5) ? null : verifiedAt,
      createdAt: verifiedAt, updatedAt: verifiedAt,
    });

    if (remote) {
      // Offers with no place ("à distance"): a phone line's hours, or none (online only).
      if (random.chance(0.7)) addSlots({ offerId: id }, phoneLineWeek(random));
      if (random.chance(0.02)) addException({ offerId: id });
      return;
    }
    const placeIds: { placeId: string; permanence: boolean }[] = [];
    if (structure.places.length > 0) {
      for (const placeId of random.sample(structure.places, random.chance(0.25) ? 2 : 1)) placeIds.push({ placeId, permanence: false });
    }
    if (partner && (placeIds.length === 0 || random.chance(0.1))) {
      placeIds.push({ placeId: partner, permanence: true });
    }
    for (const { placeId, permanence } of placeIds) {
      const offerPlaceId = random.uuid();
      // A permanence at a partner's place always has its own hours; a workshop at one's own place
      // sometimes. As in the hours editor, a holiday rule and exceptions of its own come only with
      // its own hours; otherwise the place's hours, rule and exceptions apply.
      const ownHours = permanence || random.chance(0.15);
      data.OfferPlace.push({
        id: offerPlaceId, offerId: id, placeId,
        publicHolidays: ownHours ? random.weighted([[null, 70], ["closed", 25], ["unknown", 5]] as const) : null,
      });
      if (!ownHours) continue;
      const seasonal = random.chance(0.05)
        ? { from: isoDate(referenceDate), until: isoDate(new Date(referenceDate.getTime() + 90 * DAY)) }
        : undefined;
      addSlots({ offerPlaceId }, permanenceWeek(random), seasonal);
      if (random.chance(0.03)) addException({ offerPlaceId });
    }
  }

  return data;
}

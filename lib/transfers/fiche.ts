/**
 * The fiche navette: what the person carries to the partner (seed 001, "Fiche navette"). Where to
 * go, when, whom to ask for, what to bring, the reference code — and no personal data unless the
 * person agreed (the first name or nickname then; never a phone number or an email address).
 * The parties print it; anyone holding the code sees its practical part at /fiche/<code>.
 */
import type { SignedInActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db";
import { describeWeeklyHours } from "@/lib/hours/format";
import { localTime, openingStatus } from "@/lib/hours/rules";
import { describeOpeningStatus } from "@/lib/hours/status-text";
import { isUuid } from "@/lib/ids";
import { mapLinks } from "@/lib/public-offer/present";
import { siteUrl } from "@/lib/site-url";
import { findTargetOffer } from "./create-offer";
import { documentsOf } from "./documents";
import { isClosed } from "./state-machine";
import { partiesOf } from "./transitions";

const ficheSelect = {
  id: true,
  code: true,
  status: true,
  level: true,
  territoryId: true,
  fromStructureId: true,
  toStructureId: true,
  offerId: true,
  needDescription: true,
  deadline: true,
  documents: true,
  personLabel: true,
  consentGivenAt: true,
  appointmentAt: true,
  askFor: true,
  createdAt: true,
  sentAt: true,
  territory: { select: { name: true, slug: true, timeZone: true } },
  fromStructure: { select: { name: true, phone: true, email: true } },
  toStructure: { select: { name: true, phone: true } },
  appointmentPlace: { select: { id: true, name: true, address: true, addressComplement: true, postalCode: true, communeName: true, latitude: true, longitude: true } },
  /** The appointment booked through Toile (lib/appointments), which wins over the typed-in one. */
  appointments: {
    where: { status: "booked" },
    orderBy: { startsAt: "desc" },
    take: 1,
    select: { startsAt: true, place: { select: { id: true, name: true, address: true, addressComplement: true, postalCode: true, communeName: true, latitude: true, longitude: true } }, mediator: { select: { name: true, email: true } } },
  },
} as const;

export interface FichePlace {
  id: string;
  name: string;
  address: string;
  addressComplement: string | null;
  postalCode: string;
  communeName: string;
  mapUrl: string;
  /** "du mardi au vendredi de 10 h à 12 h …" (none for the appointment's place). */
  hours: string | null;
  /** "Fermé, ouvre mardi à 10 h" when printed. */
  status: string | null;
}

export interface Fiche {
  id: string;
  code: string;
  closed: boolean;
  /** The day it was written, in the territory's time zone ("YYYY-MM-DD"). */
  date: string;
  needDescription: string;
  deadline: string | null;
  documents: { label: string; ready: boolean }[];
  /** Only when the person agreed to share something. */
  personLabel: string | null;
  askFor: string | null;
  /** `mediator`: the first name of whom the person will meet, for an appointment booked through Toile. */
  appointment: { date: string; minute: number; mediator: string | null } | null;
  /** Where to go: the appointment's place, or the offer's places. */
  places: FichePlace[];
  offer: { title: string; publicUrl: string | null } | null;
  toStructure: { name: string; phone: string | null };
  fromStructure: { name: string; phone: string | null; email: string | null };
  territoryName: string;
  timeZone: string;
  /** What the QR code opens. */
  publicUrl: string;
}

const fichePublicUrl = (code: string) => `${siteUrl()}/fiche/${code}`;

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;
const findRow = (db: PrismaClient, where: { id: string } | { code: string }) => db.transfer.findUnique({ where, select: ficheSelect });

async function build(db: PrismaClient, row: Row, now: Date): Promise<Fiche> {
  const { timeZone } = row.territory;
  const offer = row.offerId ? await findTargetOffer(db, row.offerId) : null;
  const consented = !!row.consentGivenAt;
  const placeOf = (place: Omit<FichePlace, "mapUrl" | "hours" | "status"> & { latitude: number | null; longitude: number | null }) => ({
    id: place.id,
    name: place.name,
    address: place.address,
    addressComplement: place.addressComplement,
    postalCode: place.postalCode,
    communeName: place.communeName,
    mapUrl: mapLinks(place).osm,
  });
  const booked = row.appointments[0] ?? null;
  const appointmentPlace = booked ? booked.place : row.appointmentPlace;
  const places: FichePlace[] = appointmentPlace
    ? [{ ...placeOf(appointmentPlace), hours: null, status: null }]
    : (offer?.places ?? []).map((place) => ({
        ...placeOf(place),
        hours: describeWeeklyHours(place.schedule.slots, place.schedule.publicHolidays),
        status: describeOpeningStatus(openingStatus(place.schedule, now), now, timeZone, "fr").text,
      }));
  const appointmentAt = booked ? booked.startsAt : row.appointmentAt;
  const appointment = appointmentAt ? localTime(appointmentAt, timeZone) : null;
  const mediator = booked?.mediator ? (booked.mediator.name ?? booked.mediator.email).split(" ")[0]! : null;
  return {
    id: row.id,
    code: row.code,
    closed: isClosed(row.status),
    date: localTime(row.sentAt ?? row.createdAt, timeZone).date,
    needDescription: row.needDescription,
    deadline: row.deadline ? row.deadline.toISOString().slice(0, 10) : null,
    documents: documentsOf(row.documents),
    personLabel: consented ? row.personLabel : null,
    askFor: row.askFor,
    appointment: appointment ? { date: appointment.date, minute: appointment.minute, mediator } : null,
    places,
    offer: offer ? { title: offer.title, publicUrl: `${siteUrl()}/t/${offer.territory.slug}/offres/${offer.id}` } : null,
    toStructure: row.toStructure,
    fromStructure: row.fromStructure,
    territoryName: row.territory.name,
    timeZone,
    publicUrl: fichePublicUrl(row.code),
  };
}

/** The fiche for one of the transfer's parties (sender or receiver); null otherwise (→ 404). */
export async function ficheForParty(db: PrismaClient, actor: SignedInActor, transferId: string, now = new Date()): Promise<Fiche | null> {
  if (!isUuid(transferId)) return null;
  const row = await findRow(db, { id: transferId });
  if (!row || partiesOf(actor, row).length === 0) return null;
  return build(db, row, now);
}

/**
 * The practical part anyone holding the code may see: no first name, and whom to ask for only
 * when the person agreed to share something (it may name them).
 */
export async function publicFicheByCode(db: PrismaClient, code: string, now = new Date()): Promise<Fiche | null> {
  const row = await findRow(db, { code });
  if (!row || row.status === "draft") return null;
  const fiche = await build(db, row, now);
  return { ...fiche, personLabel: null, askFor: row.consentGivenAt ? fiche.askFor : null };
}

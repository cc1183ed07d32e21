/**
 * schema.org markup of a public offer (JSON-LD): a GovernmentService provided by the structure,
 * available at each place (a ServiceChannel with its Place, address, coordinates and opening
 * hours) — what search engines and other directories read.
 */
import type { Schedule } from "@/lib/hours/rules";
import type { PublicOffer } from "./queries";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export function openingHoursSpecification(schedule: Schedule, today: string) {
  const usual = schedule.slots.map((slot) => ({
    "@type": "OpeningHoursSpecification",
    dayOfWeek: `https://schema.org/${DAYS[slot.weekday - 1]}`,
    opens: hhmm(slot.opensAtMinute),
    closes: hhmm(slot.closesAtMinute),
    ...(slot.validFrom ? { validFrom: slot.validFrom } : {}),
    ...(slot.validUntil ? { validThrough: slot.validUntil } : {}),
  }));
  // schema.org's way of saying "closed on these days": opens and closes at midnight.
  const exceptions = schedule.exceptions
    .filter((exception) => exception.endsOn >= today)
    .map((exception) => ({
      "@type": "OpeningHoursSpecification",
      validFrom: exception.startsOn,
      validThrough: exception.endsOn,
      opens: exception.closed || exception.opensAtMinute == null ? "00:00" : hhmm(exception.opensAtMinute),
      closes: exception.closed || exception.closesAtMinute == null ? "00:00" : hhmm(exception.closesAtMinute),
    }));
  return [...usual, ...exceptions];
}

export function offerJsonLd({ territory, offer }: PublicOffer, url: string, today: string) {
  const { structure } = offer;
  return {
    "@context": "https://schema.org",
    "@type": "GovernmentService",
    "@id": url,
    url,
    name: offer.title,
    ...(offer.description ? { description: offer.description } : {}),
    inLanguage: "fr",
    areaServed: { "@type": "AdministrativeArea", name: territory.name },
    provider: {
      "@type": "Organization",
      name: structure.name,
      ...(structure.phone ? { telephone: structure.phone } : {}),
      ...(structure.email ? { email: structure.email } : {}),
      ...(structure.website ? { url: structure.website } : {}),
    },
    availableChannel: offer.places.map((place) => ({
      "@type": "ServiceChannel",
      name: place.name,
      ...(structure.phone ? { servicePhone: { "@type": "ContactPoint", telephone: structure.phone } } : {}),
      serviceLocation: {
        "@type": "Place",
        name: place.name,
        address: {
          "@type": "PostalAddress",
          streetAddress: place.address,
          postalCode: place.postalCode,
          addressLocality: place.communeName,
          addressCountry: place.country,
        },
        ...(place.latitude != null && place.longitude != null
          ? { geo: { "@type": "GeoCoordinates", latitude: place.latitude, longitude: place.longitude } }
          : {}),
        openingHoursSpecification: openingHoursSpecification(place.schedule, today),
      },
    })),
  };
}

/** The opening hours of several schedules as one list, each day and time range once. */
function mergedHours(schedules: readonly Schedule[], today: string) {
  const seen = new Map<string, ReturnType<typeof openingHoursSpecification>[number]>();
  for (const schedule of schedules) for (const specification of openingHoursSpecification(schedule, today)) seen.set(JSON.stringify(specification), specification);
  return [...seen.values()];
}

interface ProgrammeOffer {
  offerId: string;
  title: string;
  schedule: Schedule;
}

/** The offers of a programme page as GovernmentServices, each with the hours it is available there. */
function servicesOf(entries: readonly ProgrammeOffer[], offerUrl: (offerId: string) => string, today: string) {
  const byOffer = new Map<string, ProgrammeOffer[]>();
  for (const entry of entries) byOffer.set(entry.offerId, [...(byOffer.get(entry.offerId) ?? []), entry]);
  return [...byOffer.entries()].map(([offerId, list]) => ({
    "@type": "GovernmentService",
    name: list[0]!.title,
    url: offerUrl(offerId),
    hoursAvailable: mergedHours(list.map((entry) => entry.schedule), today),
  }));
}

/** schema.org markup of a place's programme: the Place, its address, when help is given there, and the services held there. */
export function placeJsonLd(
  place: { name: string; address: string; postalCode: string; communeName: string },
  entries: readonly ProgrammeOffer[],
  url: string,
  offerUrl: (offerId: string) => string,
  today: string,
) {
  return {
    "@context": "https://schema.org",
    "@type": "Place",
    "@id": url,
    url,
    name: place.name,
    address: { "@type": "PostalAddress", streetAddress: place.address, postalCode: place.postalCode, addressLocality: place.communeName },
    openingHoursSpecification: mergedHours(entries.map((entry) => entry.schedule), today),
    makesOffer: servicesOf(entries, offerUrl, today).map((service) => ({ "@type": "Offer", itemOffered: service })),
  };
}

/** schema.org markup of a structure's programme: the Organization and the services it provides, with their hours. */
export function structureJsonLd(structure: { name: string }, territoryName: string, entries: readonly ProgrammeOffer[], url: string, offerUrl: (offerId: string) => string, today: string) {
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    "@id": url,
    url,
    name: structure.name,
    areaServed: { "@type": "AdministrativeArea", name: territoryName },
    makesOffer: servicesOf(entries, offerUrl, today).map((service) => ({ "@type": "Offer", itemOffered: service })),
  };
}

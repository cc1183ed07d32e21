/**
 * The place form: one schema for the browser (react-hook-form) and the server actions.
 *
 * Checking that a commune goes with a postal code needs the list of French communes, which stays on
 * the server (lib/places/communes.ts). So the schema is built by `placeSchema(communes)`: the
 * server actions pass the list, the browser builds it without (`placeFormSchema`) and every other
 * rule is the same on both sides.
 */
import { z } from "zod";
import { optional, text } from "@/lib/forms/fields";
import { isBelgianPostalCode, matchCommune, type Commune } from "./commune-names";
import { FRENCH_AREAS } from "./coordinates";

export const COUNTRIES = { FR: "France", BE: "Belgique" } as const;
export type Country = keyof typeof COUNTRIES;

export const WHEELCHAIR_ANSWERS = { oui: true, non: false, inconnu: null } as const;
export type WheelchairAnswer = keyof typeof WHEELCHAIR_ANSWERS;

/** Rough boxes around each land where a place may be: enough to catch swapped or mistyped coordinates. */
const AREAS: Record<Country, readonly { latitude: [number, number]; longitude: [number, number] }[]> = {
  FR: FRENCH_AREAS, // mainland France and Corsica, and each overseas département (coordinates.ts)
  BE: [{ latitude: [49.49, 51.51], longitude: [2.54, 6.41] }],
};

export function isInCountry(country: Country, latitude: number, longitude: number): boolean {
  return AREAS[country].some(
    (area) =>
      latitude >= area.latitude[0] && latitude <= area.latitude[1] && longitude >= area.longitude[0] && longitude <= area.longitude[1],
  );
}

/** A coordinate typed with a decimal point or comma ("49,25"); empty is null. */
const coordinate = (label: string, limit: number) =>
  z.preprocess(
    (value: string | number | null | undefined) => {
      if (value === undefined || value === null) return null;
      if (typeof value === "number") return value;
      const typed = String(value).trim().replace(",", ".");
      return typed === "" ? null : /^[-+]?\d{1,3}(\.\d+)?$/.test(typed) ? Number(typed) : Number.NaN;
    },
    z
      // Zod refuses NaN as "not a number": what was typed is not a decimal number.
      .number({ error: `${label} : indiquez un nombre décimal, par exemple ${limit === 90 ? "49,2512" : "3,4187"}.` })
      .refine((value) => Math.abs(value) <= limit, `${label} : entre -${limit} et ${limit}.`)
      .nullable(),
  );

/** The list of French communes (lib/places/communes.ts), which only the server has. */
export interface CommuneList {
  ofPostalCode: (postalCode: string) => Commune[];
  named: (name: string) => Commune[];
}

const names = (communes: Commune[]) => communes.map((commune) => commune.name).join(", ");

/** "Essômes-sur-Marne a le code postal 02400", to help when the commune is right and the postal code is not. */
function postalCodesOf(list: CommuneList, name: string): string {
  const communes = list.named(name).slice(0, 5);
  if (communes.length === 0) return "";
  const each = communes.map((commune) => `${commune.name} (${commune.code.slice(0, 2)}) : ${commune.postalCodes.join(", ")}`);
  return ` Code postal de ${each.join(" ; ")}.`;
}

/** Whether a French commune goes with a postal code; if not, the field to blame and what would fit. */
export function checkFrenchCommune(
  list: CommuneList,
  postalCode: string,
  typed: string,
): { ok: true; commune: Commune } | { ok: false; path: "postalCode" | "commune"; message: string } {
  const served = list.ofPostalCode(postalCode);
  if (served.length === 0) {
    return { ok: false, path: "postalCode", message: `Le code postal ${postalCode} n'existe pas en France : vérifiez-le.${postalCodesOf(list, typed)}` };
  }
  const commune = matchCommune(served, typed);
  if (commune) return { ok: true, commune };
  return {
    ok: false,
    path: "commune",
    message: `« ${typed.trim()} » n'a pas le code postal ${postalCode}. Communes de ce code postal : ${names(served)}.${postalCodesOf(list, typed)}`,
  };
}

export function placeSchema(communes?: CommuneList) {
  return z
    .object({
      structureId: z.uuid(),
      /** Empty when creating a place. */
      placeId: z.union([z.literal(""), z.uuid()]).optional().default(""),
      /** When the form was loaded (the place's updatedAt); empty when creating. */
      version: z.string().optional().default(""),
      /**
       * Editing: the commune code the place had when the form was loaded. A commune that is not in
       * the reference list (a demo's fictional commune, an imported CEDEX code) passes here only
       * as "unverified", and is saved only if it is exactly the one stored (lib/places/editing.ts).
       */
      storedCommune: z.string().trim().max(10).optional().default(""),
      name: text("Nom du lieu", 150).pipe(z.string().min(2, "Indiquez le nom du lieu (2 caractères au moins).")),
      address: text("Adresse", 200).pipe(z.string().min(3, "Indiquez l'adresse (numéro et voie).")),
      addressComplement: optional(text("Complément d'adresse", 200)),
      country: z.enum(["FR", "BE"], { error: "Choisissez le pays." }),
      postalCode: text("Code postal", 10).pipe(z.string().min(1, "Indiquez le code postal.")),
      commune: text("Commune", 100).pipe(z.string().min(1, "Indiquez la commune.")),
      latitude: coordinate("Latitude", 90),
      longitude: coordinate("Longitude", 180),
      wheelchairAccessible: z.enum(["oui", "non", "inconnu"], { error: "Choisissez une réponse." }).optional().default("inconnu"),
      accessibilityNotes: optional(text("Précisions sur l'accessibilité", 500)),
    })
    .transform((form, context) => {
      const fail = (path: string, message: string) => {
        context.addIssue({ code: "custom", path: [path], message });
        return z.NEVER;
      };
      const postalCode = form.postalCode.replace(/\s/g, "");
      let communeCode = form.commune;
      let communeName = form.commune;
      let communeUnverified = false;
      if (form.country === "FR") {
        if (!/^\d{5}$/.test(postalCode)) {
          return fail("postalCode", "Ce code postal ne correspond pas au pays : en France, il a 5 chiffres (exemple : 02400).");
        }
        if (communes) {
          const check = checkFrenchCommune(communes, postalCode, form.commune);
          if (check.ok) {
            communeCode = check.commune.code;
            communeName = check.commune.name;
          } else if (form.placeId && form.storedCommune) {
            communeCode = form.storedCommune;
            communeUnverified = true;
          } else {
            return fail(check.path, check.message);
          }
        }
      } else {
        if (!isBelgianPostalCode(postalCode)) {
          return fail("postalCode", "Ce code postal ne correspond pas au pays : en Belgique, il a 4 chiffres, de 1000 à 9992.");
        }
        // No offline list of Belgian communes: the postal code stands for the commune (see communes.ts).
        communeCode = postalCode;
      }

      const { latitude, longitude } = form;
      if ((latitude === null) !== (longitude === null)) {
        return fail(latitude === null ? "latitude" : "longitude", "Indiquez la latitude et la longitude, ou aucune des deux.");
      }
      if (latitude !== null && longitude !== null && !isInCountry(form.country, latitude, longitude)) {
        return fail(
          "latitude",
          `Ces coordonnées ne sont pas en ${COUNTRIES[form.country]} : vérifiez la latitude et la longitude (elles sont peut-être inversées).`,
        );
      }

      return {
        structureId: form.structureId,
        placeId: form.placeId || null,
        version: form.version,
        name: form.name,
        address: form.address,
        addressComplement: form.addressComplement,
        postalCode,
        communeCode,
        communeName,
        communeUnverified,
        country: form.country,
        latitude,
        longitude,
        wheelchairAccessible: WHEELCHAIR_ANSWERS[form.wheelchairAccessible],
        accessibilityNotes: form.accessibilityNotes,
      };
    });
}

/** The schema as the browser runs it: every rule except the commune list, which the server checks. */
export const placeFormSchema = placeSchema();

export type PlaceInput = z.output<typeof placeFormSchema>;

/** The form's fields as typed (strings); the schema turns them into a PlaceInput. */
export interface PlaceFormValues {
  structureId: string;
  placeId: string;
  version: string;
  storedCommune: string;
  name: string;
  address: string;
  addressComplement: string;
  country: Country;
  postalCode: string;
  commune: string;
  latitude: string;
  longitude: string;
  wheelchairAccessible: WheelchairAnswer;
  accessibilityNotes: string;
}

/** A stored place as the form shows it (decimal commas, the commune by name). */
export function placeFormValues(
  place: {
    name: string;
    address: string;
    addressComplement: string | null;
    country: Country;
    postalCode: string;
    communeCode: string;
    communeName: string;
    latitude: number | null;
    longitude: number | null;
    wheelchairAccessible: boolean | null;
    accessibilityNotes: string | null;
  },
  ids: { structureId: string; placeId: string; version: string },
): PlaceFormValues {
  const decimal = (value: number | null) => (value === null ? "" : String(value).replace(".", ","));
  return {
    ...ids,
    storedCommune: place.communeCode,
    name: place.name,
    address: place.address,
    addressComplement: place.addressComplement ?? "",
    country: place.country,
    postalCode: place.postalCode,
    commune: place.communeName,
    latitude: decimal(place.latitude),
    longitude: decimal(place.longitude),
    wheelchairAccessible: place.wheelchairAccessible === null ? "inconnu" : place.wheelchairAccessible ? "oui" : "non",
    accessibilityNotes: place.accessibilityNotes ?? "",
  };
}

/** Deleting a place: a deliberate act, confirmed by a checkbox. */
export const deletePlaceSchema = z.object({
  structureId: z.uuid(),
  placeId: z.uuid(),
  confirm: z.preprocess(
    (value: boolean | string | undefined) => value === true || value === "on" || value === "true",
    z.literal(true, { error: "Cochez la case pour confirmer la suppression." }),
  ),
});

/** The address helper's question. */
export const addressSearchSchema = z.object({
  structureId: z.uuid(),
  query: text("Adresse", 200).pipe(z.string().min(3, "Tapez au moins 3 caractères de l'adresse.")),
  postalCode: z.string().trim().optional().default(""),
});

/**
 * A territory's transfer timers, set by its coordinators: the form's schema (the browser's
 * react-hook-form and the server action share it), the page's read (scoped to coordinators), and
 * the save (optimistic concurrency on Territory.updatedAt, like the other editors).
 */
import { z } from "zod";
import { scopeFor, type Actor } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";

/** Bounds of each setting; the page says them too. */
export const SETTING_BOUNDS = {
  ackReminderWorkingDays: { min: 1, max: 10 },
  acceptReminderWorkingDays: { min: 1, max: 20 },
  expiryDays: { min: 3, max: 90 },
  retentionDays: { min: 7, max: 365 },
} as const;

export type SettingField = keyof typeof SETTING_BOUNDS;
export const SETTING_FIELDS = Object.keys(SETTING_BOUNDS) as SettingField[];

/** The names of the settings, as the conflict message lists them. */
export const SETTING_LABELS: Record<SettingField, string> = {
  ackReminderWorkingDays: "rappel « Bien reçu »",
  acceptReminderWorkingDays: "rappel d'acceptation",
  expiryDays: "expiration",
  retentionDays: "conservation des données personnelles",
};

/** Where each setting is stored on the territory. */
const COLUMNS = {
  ackReminderWorkingDays: "transferAckReminderWorkingDays",
  acceptReminderWorkingDays: "transferAcceptReminderWorkingDays",
  expiryDays: "transferExpiryDays",
  retentionDays: "transferRetentionDays",
} as const satisfies Record<SettingField, string>;

/** A whole number of days within bounds, typed in a number field; one clear message for any mistake. */
function days(field: SettingField, unit: "jours ouvrés" | "jours") {
  const { min, max } = SETTING_BOUNDS[field];
  const message = `Indiquez un nombre entier de ${unit} entre ${min} et ${max}.`;
  return z.preprocess(
    (value: string | number | undefined) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
    z.number({ error: message }).int(message).min(min, message).max(max, message),
  );
}

const withinBounds = (field: SettingField, value: unknown) =>
  typeof value === "number" && Number.isInteger(value) && value >= SETTING_BOUNDS[field].min && value <= SETTING_BOUNDS[field].max;

/** About how many calendar days `workingDays` working days take (five working days are a week). */
export const calendarDaysFor = (workingDays: number) => Math.ceil((workingDays * 7) / 5);

export const transferSettingsSchema = z
  .object({
    territoryId: z.uuid(),
    /** The territory's updatedAt when the form was loaded: a later save by someone else is a conflict. */
    version: z.string().min(1),
    ackReminderWorkingDays: days("ackReminderWorkingDays", "jours ouvrés"),
    acceptReminderWorkingDays: days("acceptReminderWorkingDays", "jours ouvrés"),
    expiryDays: days("expiryDays", "jours"),
    retentionDays: days("retentionDays", "jours"),
  })
  // Checked only between values that are each valid: one message per field, the one that helps.
  .superRefine((settings, context) => {
    const valid = (...fields: SettingField[]) => fields.every((field) => withinBounds(field, settings[field]));
    if (valid("ackReminderWorkingDays", "acceptReminderWorkingDays") && settings.acceptReminderWorkingDays < settings.ackReminderWorkingDays) {
      context.addIssue({
        code: "custom",
        path: ["acceptReminderWorkingDays"],
        message: `Le rappel d'acceptation vient après le rappel « Bien reçu » : indiquez au moins ${settings.ackReminderWorkingDays} jours ouvrés.`,
      });
    }
    const acceptInCalendarDays = calendarDaysFor(settings.acceptReminderWorkingDays);
    if (valid("acceptReminderWorkingDays", "expiryDays") && settings.expiryDays <= acceptInCalendarDays) {
      context.addIssue({
        code: "custom",
        path: ["expiryDays"],
        message:
          `Le transfert expirerait avant ou pendant le rappel d'acceptation (${settings.acceptReminderWorkingDays} jours ouvrés, ` +
          `soit environ ${acceptInCalendarDays} jours) : indiquez au moins ${acceptInCalendarDays + 1} jours.`,
      });
    }
  });

export type TransferSettings = z.output<typeof transferSettingsSchema>;
export type SettingValues = Record<SettingField, number>;

const SELECT = {
  id: true,
  slug: true,
  name: true,
  country: true,
  updatedAt: true,
  transferAckReminderWorkingDays: true,
  transferAcceptReminderWorkingDays: true,
  transferExpiryDays: true,
  transferRetentionDays: true,
} as const;

type TerritoryRow = { [K in (typeof COLUMNS)[SettingField]]: number } & { updatedAt: Date };

const valuesOf = (territory: TerritoryRow): SettingValues =>
  Object.fromEntries(SETTING_FIELDS.map((field) => [field, territory[COLUMNS[field]]])) as SettingValues;

/** The settings page's territory: only for its coordinators (and platform admins); null otherwise (404). */
export async function findTransferSettings(db: Pick<PrismaClient, "territory">, actor: Actor, slug: string) {
  const territory = await db.territory.findFirst({
    where: { AND: [{ slug }, scopeFor(actor, "territory.manage")] },
    select: SELECT,
  });
  if (!territory) return null;
  return {
    id: territory.id,
    slug: territory.slug,
    name: territory.name,
    country: territory.country,
    values: valuesOf(territory),
    version: territory.updatedAt.toISOString(),
  };
}

export type SaveSettingsOutcome =
  | { ok: true; changed: SettingField[]; version: string }
  | { ok: false; reason: "conflict"; changedMeanwhile: SettingField[] }
  | { ok: false; reason: "not_found" };

const differing = (a: SettingValues, b: SettingValues) => SETTING_FIELDS.filter((field) => a[field] !== b[field]);

/** Saves the settings unless someone else saved the territory since the form was loaded. */
export async function saveTransferSettings(db: PrismaClient, input: TransferSettings): Promise<SaveSettingsOutcome> {
  return db.$transaction(async (tx) => {
    const current = await tx.territory.findUnique({ where: { id: input.territoryId }, select: SELECT });
    if (!current) return { ok: false, reason: "not_found" };
    const after: SettingValues = Object.fromEntries(SETTING_FIELDS.map((field) => [field, input[field]])) as SettingValues;
    const before = valuesOf(current);
    if (current.updatedAt.toISOString() !== input.version) {
      return { ok: false, reason: "conflict", changedMeanwhile: differing(before, after) };
    }
    const changed = differing(before, after);
    if (changed.length === 0) return { ok: true, changed, version: input.version };
    // Conditional on the version read above: a save that slipped in between makes this one fail.
    const { count } = await tx.territory.updateMany({
      where: { id: input.territoryId, updatedAt: new Date(input.version) },
      data: Object.fromEntries(SETTING_FIELDS.map((field) => [COLUMNS[field], after[field]])),
    });
    if (count === 0) {
      const fresh = await tx.territory.findUniqueOrThrow({ where: { id: input.territoryId }, select: SELECT });
      return { ok: false, reason: "conflict", changedMeanwhile: differing(valuesOf(fresh), after) };
    }
    const saved = await tx.territory.findUniqueOrThrow({ where: { id: input.territoryId }, select: { updatedAt: true } });
    return { ok: true, changed, version: saved.updatedAt.toISOString() };
  });
}

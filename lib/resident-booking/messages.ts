/**
 * The refusal codes of lib/resident-booking and their words, merged into the one mapper
 * (lib/errors/messages.ts): `RESIDENT_BOOKING_MESSAGES` for the workspace (French),
 * `RESIDENT_BOOKING_PUBLIC_MESSAGES` for what a public page can show (fr, en, ar).
 */
export const RESIDENT_BOOKING_MESSAGES = {} satisfies Record<string, (params: never) => string>;

export const RESIDENT_BOOKING_PUBLIC_MESSAGES = { fr: {}, en: {}, ar: {} } satisfies Record<"fr" | "en" | "ar", Record<string, (params: never) => string>>;

/**
 * The refusal codes of lib/appointments and their words, merged into the one mapper
 * (lib/errors/messages.ts): `APPOINTMENT_MESSAGES` for the workspace (French), `APPOINTMENT_PUBLIC_MESSAGES`
 * for what a public page can show (fr, en, ar). Codes are `area.what_happened`.
 */
export const APPOINTMENT_MESSAGES = {} satisfies Record<string, (params: never) => string>;

export const APPOINTMENT_PUBLIC_MESSAGES = { fr: {}, en: {}, ar: {} } satisfies Record<"fr" | "en" | "ar", Record<string, (params: never) => string>>;

/**
 * The refusal codes of lib/agenda and their words, merged into the one mapper
 * (lib/errors/messages.ts): `AGENDA_MESSAGES` for the workspace (French), `AGENDA_PUBLIC_MESSAGES`
 * for what a public page can show (fr, en, ar). Codes are `area.what_happened`.
 */
export const AGENDA_MESSAGES = {} satisfies Record<string, (params: never) => string>;

export const AGENDA_PUBLIC_MESSAGES = { fr: {}, en: {}, ar: {} } satisfies Record<"fr" | "en" | "ar", Record<string, (params: never) => string>>;

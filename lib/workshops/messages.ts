/**
 * The refusal codes of lib/workshops and their words, merged into the one mapper
 * (lib/errors/messages.ts): `WORKSHOP_MESSAGES` for the workspace (French), `WORKSHOP_PUBLIC_MESSAGES`
 * for what a public page can show (fr, en, ar). Codes are `area.what_happened`.
 */
export const WORKSHOP_MESSAGES = {} satisfies Record<string, (params: never) => string>;

export const WORKSHOP_PUBLIC_MESSAGES = { fr: {}, en: {}, ar: {} } satisfies Record<"fr" | "en" | "ar", Record<string, (params: never) => string>>;

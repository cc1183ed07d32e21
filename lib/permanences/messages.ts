/**
 * The refusal codes of lib/permanences and their words, merged into the one mapper
 * (lib/errors/messages.ts): `PERMANENCE_MESSAGES` for the workspace (French), `PERMANENCE_PUBLIC_MESSAGES`
 * for what a public page can show (fr, en, ar). Codes are `area.what_happened`.
 */
export const PERMANENCE_MESSAGES = {} satisfies Record<string, (params: never) => string>;

export const PERMANENCE_PUBLIC_MESSAGES = { fr: {}, en: {}, ar: {} } satisfies Record<"fr" | "en" | "ar", Record<string, (params: never) => string>>;

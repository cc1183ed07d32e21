/**
 * Message catalogues. Each feature declares its own with `defineMessages`, French first: the type
 * of the French messages is the type every other language must match, so a missing or extra key
 * is a compile error. A message is a string, or a function for what depends on a value.
 */
import type { Locale } from "./locales";

type Message = string | ((...values: never[]) => string);
export type Messages = Record<string, Message>;

export function defineMessages<M extends Messages>(catalogue: { fr: M } & Record<Exclude<Locale, "fr">, NoInfer<M>>) {
  return (locale: Locale): M => catalogue[locale];
}

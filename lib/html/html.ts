/**
 * HTML written as strings, escaped by default: `html\`<p>${text}</p>\`` escapes `text`; a value
 * that is itself `Html` (another template, or `raw()`) goes in as is; arrays are joined; `null`,
 * `undefined` and `false` write nothing.
 *
 * Why not React: the public results page is the residents' most used page and must stay cheap at
 * national scale (issue 5's 40 % of the floor). An App Router page costs several milliseconds of
 * CPU before it renders anything, and React's own HTML renderer cannot be imported by a route
 * handler. So that page is a route handler writing HTML with this (docs/ARCHITECTURE.md, "The
 * residents' pages"); the few pieces the React pages show too are written once, here, and given to
 * React as HTML (`HtmlBlock`).
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** Text made safe for an element's content and for a quoted attribute value. */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (character) => ESCAPES[character]!) : text;
}

function write(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false || value === true) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return escapeHtml(value);
  let text = "";
  for (const item of value) text += write(item);
  return text;
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let text = strings[0]!;
  for (let index = 0; index < values.length; index++) text += write(values[index]!) + strings[index + 1]!;
  return new Html(text);
}

/** Markup that is already HTML (never text from a person or the database). */
export const raw = (markup: string): Html => new Html(markup);

/** `lang="fr"` where the page is in another language: the offers' own words stay French. */
export const frenchWithin = (locale: string): Html => (locale === "fr" ? raw("") : raw(' lang="fr"'));

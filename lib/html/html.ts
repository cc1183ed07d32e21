/**
 * HTML written as typed JSX turned into strings, escaped by construction (lib/html/jsx-runtime.ts):
 * a file that starts with `/** @jsxImportSource @/lib/html *\/` renders its JSX to `Html` here,
 * not to React elements. Every string or number put in an element or an attribute is escaped;
 * only `Html` — what this renderer wrote — goes in as it is, and nothing outside this folder can
 * make one (the class is not exported, its private field makes the type nominal).
 *
 * Why not React: the public results page is the residents' most used page and must stay cheap at
 * national scale (issue 5's 40 % of the floor). An App Router page costs several milliseconds of
 * CPU before it renders anything, and React's own HTML renderer cannot be imported by a route
 * handler. So that page is a route handler writing HTML with this (docs/ARCHITECTURE.md, "The
 * residents' pages", docs/decisions/004); the few pieces the React pages show too are written
 * once, here, and given to React as HTML (`components/HtmlBlock.tsx`, the one reviewed door).
 */
class RenderedHtml {
  readonly #markup: string;
  constructor(markup: string) {
    this.#markup = markup;
  }
  get value(): string {
    return this.#markup;
  }
  toString(): string {
    return this.#markup;
  }
}

/** Markup written by this renderer: the only value put in a page as it is. */
export type Html = RenderedHtml;

/** What JSX accepts as children: text (escaped), numbers, rendered `Html`, lists; nothing for null, undefined, true, false. */
export type HtmlChild = Html | string | number | boolean | null | undefined | readonly HtmlChild[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** Text made safe for an element's content and for a quoted attribute value. */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (character) => ESCAPES[character]!) : text;
}

/** Children as markup: text escaped, `Html` as is, lists joined. */
export function writeChildren(value: HtmlChild): string {
  if (value instanceof RenderedHtml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return escapeHtml(value);
  if (Array.isArray(value)) {
    let text = "";
    for (const item of value as readonly HtmlChild[]) text += writeChildren(item);
    return text;
  }
  // Anything else (an object, a function, a promise) is a mistake the types let through: never print it.
  throw new TypeError(`Not HTML: ${Object.prototype.toString.call(value)}`);
}

/** For the JSX runtime only (lib/html/jsx-runtime.ts): markup it has written. */
export const rendered = (markup: string): Html => new RenderedHtml(markup);

export const isHtml = (value: unknown): value is Html => value instanceof RenderedHtml;

/**
 * The markup of a rendered piece, for the one place React shows it (components/HtmlBlock.tsx).
 * Throws on anything that is not the renderer's output — a string, a look-alike object.
 */
export function markupOf(value: Html): string {
  if (!isHtml(value)) throw new TypeError("Only HTML written by lib/html's renderer may be put in a page as markup.");
  return value.value;
}

/** `lang="fr"` where the page is in another language (the offers' own words stay French), nothing in French. */
export const frenchWithin = (locale: string): "fr" | undefined => (locale === "fr" ? undefined : "fr");

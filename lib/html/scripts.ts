/**
 * The only two scripts a page written by lib/html may carry, written here and nowhere else (the
 * JSX runtime has no `<script>`):
 * - schema.org data, `<script type="application/ld+json">`: data, never run; every "<" in the
 *   JSON is written "\u003c", so nothing in it can close the element (scripts.test.ts);
 * - the enhancement, public/scripts/enhance.js: a few hundred bytes, deferred, from the site
 *   itself (the content security policy allows nothing else). It shows the buttons that need a
 *   script (print, copy the address, share) and makes them work; without it the page is whole.
 */
import { rendered, type Html } from "./html";

/** JSON for inside a `<script>` element: "<" escaped, so "</script>" or "<!--" cannot appear. */
const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export const jsonLdScript = (value: unknown): Html => rendered(`<script type="application/ld+json">${jsonForScript(value)}</script>`);

const ENHANCEMENT_SCRIPT = "/scripts/enhance.js";

export const enhancementScript = (): Html => rendered(`<script src="${ENHANCEMENT_SCRIPT}" defer></script>`);

/**
 * Structured data for search engines: `<script type="application/ld+json">` with a value as JSON.
 * React escapes a script's text children, which would break the JSON, so the text goes in as
 * markup — reviewed here, the one place for it (eslint.config.mjs forbids `dangerouslySetInnerHTML`
 * elsewhere): the value is always serialized by `jsonForScript`, which writes every "<" as
 * "\u003c", so nothing in it can close the script or open a comment (JsonLd.test.ts).
 */
import { jsonForScript } from "@/lib/public-offer/present";

export function JsonLd({ value }: { value: unknown }) {
  // eslint-disable-next-line react/no-danger -- reviewed: JSON with every "<" escaped, never HTML
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(value) }} />;
}

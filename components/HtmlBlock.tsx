/**
 * A piece of the page written by lib/html (escaped there by construction), shown by a React page:
 * the pieces the results page (a route handler) and the React pages share are written once, and the
 * fiche's QR code (lib/html/qr-code.ts). The one reviewed place where a React page puts markup in
 * as it is (eslint.config.mjs forbids `dangerouslySetInnerHTML` everywhere else, but JsonLd's): it
 * takes only `Html`, a type nothing outside lib/html can make, and `markupOf` throws on anything
 * else (HtmlBlock.test.ts).
 */
import { markupOf, type Html } from "@/lib/html/html";

interface HtmlBlockProps {
  html: Html;
  className?: string;
  role?: "img";
  "aria-label"?: string;
  [data: `data-${string}`]: string;
}

export function HtmlBlock({ html, ...attributes }: HtmlBlockProps) {
  // eslint-disable-next-line react/no-danger -- reviewed: markupOf accepts only lib/html's rendered output
  return <div {...attributes} dangerouslySetInnerHTML={{ __html: markupOf(html) }} />;
}

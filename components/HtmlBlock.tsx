/**
 * A piece of the page written as HTML by lib/html (escaped there), shown by a React page: the
 * pieces the results page (a route handler) and the React pages share are written once.
 */
import type { Html } from "@/lib/html/html";

export function HtmlBlock({ html, className }: { html: Html; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html.value }} />;
}

/**
 * The JSX runtime of lib/html: JSX written in a file that starts with
 * `/** @jsxImportSource @/lib/html *\/` becomes `Html` strings here, not React elements (Next's SWC,
 * tsc and Vitest all read that pragma). Escaped by construction: text children and attribute
 * values are escaped; only `Html` this runtime wrote goes in as it is (lib/html/html.ts).
 * Typed: only the elements below exist — no `<script>`, `<style>`, `<iframe>`, no `on…` handler,
 * no `style` attribute — and `href`, `action` and `src` take a `SafeUrl` (lib/html/url.ts) only.
 */
import { escapeHtml, rendered, writeChildren, type Html, type HtmlChild } from "./html";
import type { SafeUrl } from "./url";

type Value = string | number | boolean | null | undefined;

export interface HtmlAttributes {
  children?: HtmlChild;
  // global
  id?: Value;
  class?: Value;
  lang?: Value;
  dir?: "ltr" | "rtl" | "auto";
  title?: Value;
  role?: Value;
  hidden?: boolean;
  tabindex?: number;
  translate?: "yes" | "no";
  [aria: `aria-${string}`]: Value;
  [data: `data-${string}`]: Value;
  // links and forms: URLs only through safeUrl()
  href?: SafeUrl;
  action?: SafeUrl;
  src?: SafeUrl;
  hreflang?: Value;
  rel?: Value;
  method?: "get" | "post";
  name?: Value;
  value?: Value;
  type?: Value;
  for?: Value;
  placeholder?: Value;
  maxlength?: number;
  minlength?: number;
  inputmode?: Value;
  pattern?: Value;
  autocomplete?: Value;
  checked?: boolean;
  selected?: boolean;
  disabled?: boolean;
  required?: boolean;
  multiple?: boolean;
  novalidate?: boolean;
  readonly?: boolean;
  min?: Value;
  max?: Value;
  step?: Value;
  // document
  charset?: Value;
  content?: Value;
  sizes?: Value;
  scope?: "col" | "row" | "colgroup" | "rowgroup";
  colspan?: number;
  download?: boolean;
  rows?: number;
  // svg
  xmlns?: "http://www.w3.org/2000/svg";
  viewBox?: Value;
  fill?: Value;
  stroke?: Value;
  "stroke-width"?: Value;
  "stroke-linecap"?: Value;
  "stroke-linejoin"?: Value;
  focusable?: Value;
  d?: Value;
  x?: Value;
  y?: Value;
  width?: Value;
  height?: Value;
  rx?: Value;
  ry?: Value;
  cx?: Value;
  cy?: Value;
  r?: Value;
  points?: Value;
}

type Tag =
  | "html" | "head" | "meta" | "title" | "link" | "body" | "main" | "header" | "footer" | "nav" | "section" | "article" | "aside"
  | "div" | "span" | "p" | "a" | "h1" | "h2" | "h3" | "h4" | "strong" | "em" | "b" | "i" | "small" | "br" | "abbr" | "time" | "address" | "code"
  | "ul" | "ol" | "li" | "dl" | "dt" | "dd"
  | "table" | "caption" | "thead" | "tbody" | "tr" | "th" | "td"
  | "form" | "fieldset" | "legend" | "label" | "input" | "select" | "option" | "button" | "textarea"
  | "svg" | "g" | "path" | "rect" | "circle" | "ellipse" | "line" | "polyline" | "polygon";

// eslint-disable-next-line @typescript-eslint/no-namespace -- the shape TypeScript asks of a JSX runtime
export namespace JSX {
  export type Element = Html;
  export type ElementType = Tag | ((props: never) => Html);
  export interface ElementChildrenAttribute {
    children: unknown;
  }
  export type IntrinsicElements = { [K in Tag]: HtmlAttributes };
}

const VOID = new Set(["meta", "link", "br", "input"]);
// SVG shapes without children close themselves, as SVG allows: shorter inline icons.
const SHAPES = new Set(["path", "rect", "circle", "ellipse", "line", "polyline", "polygon"]);

function attributes(props: Record<string, unknown>): string {
  let text = "";
  for (const name in props) {
    if (name === "children") continue;
    const value = props[name];
    if (value === null || value === undefined || value === false) continue;
    if (name.charCodeAt(0) === 111 /* o */ && name.charCodeAt(1) === 110 /* n */) throw new TypeError(`No event handler attribute: ${name}`);
    if (value === true) text += ` ${name}`;
    else if (typeof value === "string") text += ` ${name}="${escapeHtml(value)}"`;
    else if (typeof value === "number") text += ` ${name}="${value}"`;
    else throw new TypeError(`Attribute ${name} is not text: ${Object.prototype.toString.call(value)}`);
  }
  return text;
}

type Component<P> = (props: P) => Html;

export function jsx(type: Tag | Component<Record<string, unknown>>, props: Record<string, unknown>): Html {
  if (typeof type === "function") return type(props);
  if (VOID.has(type)) return rendered(`<${type}${attributes(props)}>`);
  const children = writeChildren(props.children as HtmlChild);
  if (children === "" && SHAPES.has(type)) return rendered(`<${type}${attributes(props)}/>`);
  return rendered(`<${type}${attributes(props)}>${children}</${type}>`);
}

export const jsxs = jsx;

export function Fragment(props: { children?: HtmlChild }): Html {
  return rendered(writeChildren(props.children));
}

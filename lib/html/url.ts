/**
 * The one way to write a URL into HTML that lib/html renders: every `href`, `action` and `src` is
 * typed `SafeUrl` (lib/html/jsx-runtime.ts), and only `safeUrl` makes one. It accepts a relative
 * URL (a path from the site's root, a query or a fragment on the current page, a relative path) or
 * an absolute http(s) one, nothing else: no `javascript:`, `data:`, `vbscript:`, no
 * protocol-relative `//host` or `/\host`, no whitespace or control character anywhere (browsers drop
 * tabs and newlines inside URLs, which is how `java\nscript:` gets through naive checks). The query
 * is always built by URLSearchParams, so quotes, `<`, `&`, `#` and newlines in values are encoded.
 * Attribute values are escaped on top of that by the renderer.
 */
declare const brand: unique symbol;

/** A URL checked by `safeUrl`: relative or http(s), its query encoded. */
export type SafeUrl = string & { readonly [brand]: "SafeUrl" };

export type QueryInput = URLSearchParams | Record<string, string | number | readonly string[] | null | undefined>;

export class UnsafeUrlError extends Error {
  constructor(target: string, reason: string) {
    super(`Unsafe URL (${reason}): ${JSON.stringify(target.slice(0, 200))}`);
    this.name = "UnsafeUrlError";
  }
}

// C0 controls, space and DEL; plus the backslash, which browsers read as "/" in http(s) URLs.
const FORBIDDEN = /[\u0000-\u0020\u007f\\]/;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

function paramsOf(query: QueryInput): URLSearchParams {
  if (query instanceof URLSearchParams) return query;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    if (typeof value === "string" || typeof value === "number") params.append(key, String(value));
    else for (const item of value) params.append(key, item);
  }
  return params;
}

function checked(target: string): string {
  if (FORBIDDEN.test(target)) throw new UnsafeUrlError(target, "whitespace, control character or backslash");
  if (target.startsWith("//")) throw new UnsafeUrlError(target, "protocol-relative");
  const scheme = SCHEME.exec(target)?.[1]?.toLowerCase();
  if (scheme === undefined) return target; // relative: "/path", "?query", "#fragment", "path"
  if (scheme !== "http" && scheme !== "https") throw new UnsafeUrlError(target, `scheme ${scheme}:`);
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UnsafeUrlError(target, "not a URL");
  }
  return url.href;
}

/**
 * A URL safe to write into an attribute: `target` (relative or http(s)), then `query` (built by
 * URLSearchParams, left out when empty), then `fragment` (encoded). Throws `UnsafeUrlError` on any
 * other target: a page's links are built from the site's own paths, so that is a bug to see, not a
 * case to hide.
 */
export function safeUrl(target: string, query?: QueryInput, fragment?: string): SafeUrl {
  let url = checked(target);
  if (query !== undefined) {
    if (url.includes("#")) throw new UnsafeUrlError(target, "a query after a fragment");
    const text = paramsOf(query).toString();
    if (text) url += (url.includes("?") ? "&" : "?") + text;
  }
  if (fragment !== undefined) {
    if (url.includes("#")) throw new UnsafeUrlError(target, "two fragments");
    url += `#${encodeURIComponent(fragment)}`;
  }
  return url as SafeUrl;
}

/** A path of the site from its segments, each encoded: `sitePath("t", slug, "recherche")` → `/t/<slug>/recherche`. */
export function sitePath(...segments: readonly (string | number)[]): string {
  return `/${segments.map((segment) => encodeURIComponent(String(segment))).join("/")}`;
}

/**
 * A link that opens another application: a phone number (`tel:`), an email (`mailto:`), a text
 * message (`sms:`), a map (`geo:`). Only these schemes; what follows is the caller's, with any
 * space, control character, quote or angle bracket percent-encoded.
 */
export function appUrl(scheme: "tel" | "mailto" | "sms" | "geo", rest: string): SafeUrl {
  return `${scheme}:${rest.replace(/[\u0000-\u0020\u007f\\"'<>]/g, (character) => encodeURIComponent(character))}` as SafeUrl;
}

/** An address typed by someone (a structure's website): a link when it is an absolute http(s) URL, else none. */
export function externalUrl(text: string | null | undefined): SafeUrl | null {
  if (!text || !/^https?:\/\//i.test(text)) return null;
  try {
    return safeUrl(text);
  } catch {
    return null;
  }
}

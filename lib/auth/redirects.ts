/**
 * Only paths of this site may be returned to. "//host" and "/\host" are other sites to a browser
 * (a backslash counts as a slash in URLs), so they are refused like absolute URLs.
 */
export function safeCallbackUrl(value: string | undefined, fallback = "/compte"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  const base = "http://toile.invalid";
  return new URL(value, base).origin === base ? value : fallback;
}

/**
 * The site's stylesheet URLs, for the root layout (React pages) and the pages a route handler
 * writes (the results page): one file, so the browser downloads it once for both. It is ours, not
 * Next's: scripts/site-stylesheet.mjs builds app/globals.css with Tailwind into
 * public/styles/site-<content hash>.css when `next build` or `next dev` loads next.config.mjs, and
 * names it in public/styles/site.json, read here once (in development: dev-<hash>.css named by
 * dev.json, read each time, since every edit renames the file). An end-to-end test (tests/e2e/public-search.spec.ts) checks the
 * results page and the home link the same stylesheet and that it answers CSS.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const HREF = /^\/styles\/(site|dev)-[0-9a-f]{16}\.css$/;

/** The stylesheet named by `manifest` (the text of site.json); none if it is missing or not ours. */
export function stylesheetsOf(manifest: string | null): string[] {
  if (manifest === null) return [];
  try {
    const { href } = JSON.parse(manifest) as { href?: unknown };
    return typeof href === "string" && HREF.test(href) ? [href] : [];
  } catch {
    return [];
  }
}

function read(manifestName: "site.json" | "dev.json"): string[] {
  let manifest: string | null = null;
  try {
    manifest = readFileSync(path.join(process.cwd(), "public", "styles", manifestName), "utf8");
  } catch {
    manifest = null;
  }
  return stylesheetsOf(manifest);
}

let cached: string[] | null = null;

export function siteStylesheets(): string[] {
  if (process.env.NODE_ENV === "development") return read("dev.json");
  cached ??= read("site.json");
  return cached;
}

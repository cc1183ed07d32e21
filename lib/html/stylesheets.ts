/**
 * The site's stylesheet URLs, for a page a route handler writes (the results page): the same
 * files Next links on every React page, so the browser has them in its cache already.
 *
 * Next gives a route handler no API for them. It writes them, per page, in the build's client
 * reference manifest (`entryCSSFiles` of the root layout); any page under the root layout lists
 * the same ones, and the territory home is always built. Read once in production; in development
 * each time (an edit renames the file), and empty until that page has been compiled once. A test
 * (tests/e2e/public-search.spec.ts) checks the link answers a stylesheet, so a change of Next's
 * manifest cannot pass unnoticed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";

const PAGE = "/t/[territory]/page";
const ROOT_LAYOUT = "[project]/app/layout";

type Manifest = { entryCSSFiles?: Record<string, { path: string; inlined?: boolean }[]> };

function read(): string[] {
  const development = process.env.NODE_ENV === "development";
  const file = path.join(process.cwd(), ".next", ...(development ? ["dev"] : []), "server", "app", `${PAGE}_client-reference-manifest.js`);
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[page]: run it in a sandbox.
  const sandbox: { __RSC_MANIFEST?: Record<string, Manifest> } = {};
  runInNewContext(source, sandbox, { timeout: 1000 });
  const files = sandbox.__RSC_MANIFEST?.[PAGE]?.entryCSSFiles?.[ROOT_LAYOUT] ?? [];
  return files.filter((entry) => !entry.inlined).map((entry) => `/_next/${entry.path}`);
}

let cached: string[] | null = null;

export function siteStylesheets(): string[] {
  if (process.env.NODE_ENV === "development") return read();
  cached ??= read();
  return cached;
}

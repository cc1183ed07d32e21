/**
 * The site's stylesheet URLs, for a page a route handler writes (the results page): the same
 * files Next links on every React page, so the browser has them in its cache already.
 *
 * Next gives a route handler no API for them. It writes them, per page, in the build's client
 * reference manifest (`entryCSSFiles` of the root layout); every page under the root layout lists
 * the same ones. The territory home's is read, and in development (where pages are compiled on
 * first visit) any page's until the home has been compiled. Read once in production; in
 * development each time (an edit renames the file). An end-to-end test
 * (tests/e2e/public-search.spec.ts) checks the link answers the home's stylesheet, so a change of
 * Next's manifest cannot pass unnoticed.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";

const HOME = "t/[territory]/page_client-reference-manifest.js";
const ROOT_LAYOUT = "[project]/app/layout";

type Manifest = { entryCSSFiles?: Record<string, { path: string; inlined?: boolean }[]> };

/** The root layout's stylesheets as one manifest lists them; null if it cannot be read. */
function fromManifest(file: string): string[] | null {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[page]: run it in a sandbox.
  const sandbox: { __RSC_MANIFEST?: Record<string, Manifest> } = {};
  runInNewContext(source, sandbox, { timeout: 1000 });
  const [manifest] = Object.values(sandbox.__RSC_MANIFEST ?? {});
  const files = manifest?.entryCSSFiles?.[ROOT_LAYOUT];
  return files ? files.filter((entry) => !entry.inlined).map((entry) => `/_next/${entry.path}`) : null;
}

function read(development: boolean): string[] {
  const app = path.join(process.cwd(), ".next", ...(development ? ["dev"] : []), "server", "app");
  const home = fromManifest(path.join(app, HOME));
  if (home || !development) return home ?? [];
  let files: string[] = [];
  try {
    files = readdirSync(app, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith("_client-reference-manifest.js"));
  } catch {
    return [];
  }
  for (const file of files) {
    const found = fromManifest(path.join(app, file));
    if (found) return found;
  }
  return [];
}

let cached: string[] | null = null;

export function siteStylesheets(): string[] {
  if (process.env.NODE_ENV === "development") return read(true);
  cached ??= read(false);
  return cached;
}

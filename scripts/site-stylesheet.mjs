/**
 * The site's stylesheet, built from app/globals.css by Tailwind (@tailwindcss/postcss, the same
 * plugin postcss.config.mjs gives Next) into public/styles/site-<content hash>.css, with
 * public/styles/site.json naming it (in development, unminified: dev-<hash>.css and dev.json, so a
 * `next dev` never replaces what a `next start` serves). The root layout links it as an external stylesheet (a way Next
 * documents) and the results page (a route handler, which Next gives no API for its own CSS) links
 * the same file: lib/html/stylesheets.ts reads site.json. next.config.mjs builds it on `next build`
 * and `next dev` (where it rebuilds on every change of the sources Tailwind reads).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
import path from "node:path";
import tailwind from "@tailwindcss/postcss";
import postcss from "postcss";

export const STYLES_FOLDER = path.join("public", "styles");

/** Builds the stylesheet; returns its URL path. Files of earlier builds of the same kind are removed. */
export async function buildSiteStylesheet(root, { development = false } = {}) {
  const kind = development ? "dev" : "site";
  const minify = !development;
  const from = path.join(root, "app", "globals.css");
  const result = await postcss([tailwind({ base: root, optimize: minify ? { minify: true } : false })]).process(readFileSync(from, "utf8"), { from });
  const hash = createHash("sha256").update(result.css).digest("hex").slice(0, 16);
  const name = `${kind}-${hash}.css`;
  const folder = path.join(root, STYLES_FOLDER);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, name), result.css);
  for (const file of readdirSync(folder)) if (file.startsWith(`${kind}-`) && file.endsWith(".css") && file !== name) rmSync(path.join(folder, file), { force: true });
  const href = `/styles/${name}`;
  writeFileSync(path.join(folder, `${kind}.json`), `${JSON.stringify({ href })}\n`);
  return href;
}

/** In development: build now, then again after each change of app/, components/ or lib/ (once per burst). */
export async function watchSiteStylesheet(root) {
  await buildSiteStylesheet(root, { development: true });
  let timer = null;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => buildSiteStylesheet(root, { development: true }).catch((error) => console.error("Feuille de style :", error)), 100);
    timer.unref();
  };
  for (const folder of ["app", "components", "lib"]) {
    // Not persistent: the watchers never keep a process alive. Next also loads next.config.mjs, in the
    // development phase, from short-lived helpers (its telemetry flush): they must end as before.
    watch(path.join(root, folder), { recursive: true, persistent: false }, (_event, file) => {
      if (file && /\.(tsx?|css)$/.test(file) && !file.includes("generated")) rebuild();
    });
  }
}

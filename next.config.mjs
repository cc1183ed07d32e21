import path from "node:path";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Imports post files of up to 20 MB to a server action (lib/open-data/import/actions.ts); the
  // parser reports a larger file itself, so the limit leaves room above it.
  experimental: { serverActions: { bodySizeLimit: "25mb" } },
  // The site's stylesheet is named by its content (scripts/site-stylesheet.mjs): cached for good.
  // The icons and the public pages' small script (lib/html/scripts.ts) keep their names: a day.
  async headers() {
    const day = [{ key: "Cache-Control", value: "public, max-age=86400" }];
    return [
      { source: "/styles/site-:hash([0-9a-f]{16}).css", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
      { source: "/:icon(favicon.ico|icon.svg|apple-touch-icon.png)", headers: day },
      { source: "/scripts/enhance.js", headers: day },
    ];
  },
};

/**
 * The site's stylesheet is built here, where both `next build` and `next dev` pass (and `npm run
 * build`, `npx next build` alike): once for a build, then on every change in development. Next
 * may load this file in more than one process; the first one does the work.
 */
export default async function config(phase) {
  const root = import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname);
  if (!process.env.TOILE_SITE_STYLESHEET) {
    process.env.TOILE_SITE_STYLESHEET = "1";
    // Imported only here: `next start` needs neither Tailwind nor PostCSS (dev dependencies).
    if (phase === PHASE_PRODUCTION_BUILD) await (await import("./scripts/site-stylesheet.mjs")).buildSiteStylesheet(root);
    if (phase === PHASE_DEVELOPMENT_SERVER) await (await import("./scripts/site-stylesheet.mjs")).watchSiteStylesheet(root);
  }
  return nextConfig;
}

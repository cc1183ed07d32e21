/**
 * The public pages compressed by the route that writes them, not by Next.js's compression
 * middleware: its streaming gzip cost a 42 KB results page about a millisecond, and the same bytes
 * compressed once are served at one and a half times the rate (docs/decisions/015). Brotli at
 * quality 4 when the browser takes it (smaller than gzip's default, and twice as fast), else gzip,
 * else the text.
 *
 * Next.js drops a route's `Content-Encoding` (it takes any body for one fetched and decoded), so
 * Toile's server (scripts/next-server.mjs) carries it: it marks each request with
 * `PRECOMPRESSED_HEADER: accepted`, and turns the same header on the answer into
 * `Content-Encoding`. Without the mark (Next.js run some other way, a test calling the route), a
 * page is sent as text and Next.js compresses it.
 */
import Negotiator from "negotiator";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type ContentEncoding = "br" | "gzip";

/** Keep in step with PRECOMPRESSED_HEADER in scripts/next-server.mjs. */
export const PRECOMPRESSED_HEADER = "x-toile-content-encoding";

/** What Toile offers, best first: a browser that weighs them equally gets Brotli. */
const OFFERED = ["br", "gzip", "identity"] as const;

/**
 * The encoding to answer in, from the request's `Accept-Encoding` (q-values honoured); null: as
 * text, or left to Next.js when the request did not come through Toile's server.
 */
export function negotiateEncoding(requestHeaders: Headers): ContentEncoding | null {
  if (requestHeaders.get(PRECOMPRESSED_HEADER) !== "accepted") return null;
  const acceptEncoding = requestHeaders.get("accept-encoding");
  const negotiator = new Negotiator({ headers: acceptEncoding === null ? {} : { "accept-encoding": acceptEncoding } });
  const chosen = negotiator.encoding(OFFERED, { preferred: OFFERED });
  return chosen === "br" || chosen === "gzip" ? chosen : null;
}

const BROTLI_TEXT = { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };

export function encodeText(text: string, encoding: ContentEncoding): Uint8Array {
  return encoding === "br" ? brotliCompressSync(text, BROTLI_TEXT) : gzipSync(text);
}

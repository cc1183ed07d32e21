/**
 * Toile's HTTP server: Next.js's request handler behind Node's own HTTP server, which does for
 * every request what Next.js cannot, whatever route answers (a page, a route handler, the API, a
 * static file, an error):
 *
 * - the TCP peer's address reaches the app: any `x-toile-client-address` a client sent is deleted
 *   and the socket's `remoteAddress` written there instead (lib/auth/client-address.ts);
 * - each request gets its id (`x-request-id`), and one JSON log line when it ends: id, method,
 *   route (ids and tokens masked), status, duration — nothing of the person;
 * - a request under another host name than the site's is redirected to it before any cookie
 *   (lib/http/policy.mjs, `canonicalRedirect`);
 * - the security headers, and a content security policy where the app set none (proxy.ts sets
 *   the pages' own, with the nonce Next.js puts on its scripts);
 * - the residents' public pages, without a session, are kept by shared caches: `Cache-Control:
 *   public, s-maxage…`, `Vary: Cookie`, an ETag of the bytes, and 304 when the client has them;
 * - a public page compressed by the route that wrote it (lib/html/encoding.ts) keeps its
 *   `Content-Encoding`, which Next.js drops from a route's answer: the request says the route may
 *   (`x-toile-content-encoding: accepted`, any value a client sent is deleted), the route names its
 *   encoding in the same header, and it is written back as `Content-Encoding` before Next.js's
 *   compression looks (which then steps aside);
 * - an error answer while the database does not answer (the app marks the request: lib/database/
 *   availability.ts) becomes 503 with `Retry-After`: a page in the site's look, or a problem in
 *   JSON for the API.
 *
 * Everything the process writes to the console becomes a JSON line too (Next.js prints its errors
 * as multi-line stack traces). Started by scripts/lib/serve.ts instead of `next start` / `next dev`:
 *
 *   node scripts/next-server.mjs start|dev <port>
 *
 * Plain JavaScript on purpose: it runs before and apart from the app's TypeScript.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { format } from "node:util";
import next from "next";
import pino from "pino";
import {
  canonicalRedirect,
  contentSecurityPolicy,
  formActionOriginsFrom,
  isPublicPageRequest,
  matchesEtag,
  publicCacheControl,
  publicCacheSeconds,
  REQUEST_ID_HEADER,
  requestIdFrom,
  RETRY_AFTER_SECONDS,
  routeLabel,
  securityHeaders,
  unavailableLocale,
  unavailablePage,
  unavailableProblem,
} from "../lib/http/policy.mjs";

/** Keep in step with CLIENT_ADDRESS_HEADER in lib/auth/client-address.ts (an end-to-end test checks it). */
const CLIENT_ADDRESS_HEADER = "x-toile-client-address";
/** Keep in step with PRECOMPRESSED_HEADER in lib/html/encoding.ts (an end-to-end test checks it). */
const PRECOMPRESSED_HEADER = "x-toile-content-encoding";
/** Keep in step with REQUEST_STATE in lib/database/availability.ts: the request's state, shared with the app. */
const REQUEST_STATE = Symbol.for("toile.requestState");
/** A public page larger than this is sent as it comes, without an ETag. */
const MAX_VALIDATED_BYTES = 2 * 1024 * 1024;

const [mode, portArgument] = process.argv.slice(2);
const port = Number(portArgument);
if ((mode !== "start" && mode !== "dev") || !Number.isInteger(port)) {
  process.stderr.write("usage : next-server.mjs start|dev <port>\n");
  process.exit(2);
}
const dev = mode === "dev";
const root = path.resolve(import.meta.dirname, "..");

// ─── The log: JSON lines on stdout, the console included ──────────────────────────────────

const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "toile" },
  timestamp: pino.stdTimeFunctions.isoTime,
  messageKey: "msg",
  formatters: { level: (label) => ({ level: label }) },
}, pino.destination({ dest: 1, sync: true }));

// As lib/log.ts masks them: an address typed into a form must not reach a line through an error.
const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/g;
const maskEmails = (text) => text.replace(EMAIL, "[courriel masqué]");

function consoleLine(level) {
  return (...args) => {
    const error = args.find((arg) => arg instanceof Error);
    const words = maskEmails(format(...args.filter((arg) => arg !== error)));
    const fields = error ? { err: { type: error.name, message: maskEmails(error.message), stack: maskEmails(error.stack ?? "") } } : {};
    log[level](fields, words || (error ? maskEmails(error.message) : ""));
  };
}
// Node's own warnings (a deprecation in a library) too, instead of its plain-text stderr lines.
process.removeAllListeners("warning");
process.on("warning", (warning) => log.warn({ err: { type: warning.name, message: maskEmails(warning.message), code: warning.code } }, maskEmails(warning.message)));
console.log = consoleLine("info");
console.info = consoleLine("info");
console.warn = consoleLine("warn");
console.error = consoleLine("error");

// ─── What the server knows of the site ────────────────────────────────────────────────────

const canonicalOrigin = process.env.NEXTAUTH_URL;
const trustHost = process.env.TOILE_TRUST_HOST === "1";
// next-auth 4 follows the request's host (X-Forwarded-Host, else Host) when told so.
if (trustHost) process.env.AUTH_TRUST_HOST = "true";
const https = (canonicalOrigin ?? "").startsWith("https:");
const formActionOrigins = formActionOriginsFrom(process.env);
const SECURITY_HEADERS = securityHeaders({ https });
const DEFAULT_CSP = contentSecurityPolicy({ formActionOrigins, https });
const PUBLIC_CACHE_CONTROL = publicCacheControl(publicCacheSeconds(process.env.TOILE_PUBLIC_CACHE_SECONDS));

function siteStylesheet() {
  try {
    return JSON.parse(readFileSync(path.join(root, "public", "styles", dev ? "dev.json" : "site.json"), "utf8")).href ?? null;
  } catch {
    return null;
  }
}

const requestState = new AsyncLocalStorage();
globalThis[REQUEST_STATE] = requestState;

// ─── One response ─────────────────────────────────────────────────────────────────────────

/**
 * Takes over `response` so that its status and headers can be settled, and its body kept or
 * replaced, once Next.js has said what it answers (on its first write): see the module's comment.
 */
function settle(request, response, state) {
  const original = { write: response.write, end: response.end, writeHead: response.writeHead, flushHeaders: response.flushHeaders, setHeader: response.setHeader };
  // Next.js copies a route's headers one by one: the encoding of a precompressed page goes back as itself.
  response.setHeader = function (name, value) {
    if (String(name).toLowerCase() === PRECOMPRESSED_HEADER) return original.setHeader.call(response, "content-encoding", value);
    return original.setHeader.call(response, name, value);
  };
  // A document only: a React navigation (`rsc` header) fetches another body at the same address.
  const publicPage = !request.headers.rsc && isPublicPageRequest({ method: request.method, url: request.url, cookie: request.headers.cookie });
  /** "pass", "validate" (a public page: kept to hash it) or "replace" (the 503). */
  let decision = null;
  /**
   * Whether `writeHead` may send the head. Not before the decision. The method itself stays ours:
   * Next.js's compression wraps it (and `write`, `end`) in turn, and must keep its wrappers.
   */
  let released = false;
  const chunks = [];
  let size = 0;

  const decide = () => {
    if (decision) return decision;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (!response.hasHeader("content-security-policy")) response.setHeader("content-security-policy", DEFAULT_CSP);
    // A 503 the app chose (the health route) keeps its own body.
    if (response.statusCode >= 500 && response.statusCode !== 503 && state.databaseUnavailable) decision = "replace";
    else if (publicPage && response.statusCode === 200 && !response.hasHeader("set-cookie")) {
      response.setHeader("cache-control", PUBLIC_CACHE_CONTROL);
      const vary = response.getHeader("vary");
      response.setHeader("vary", vary ? `${vary}, Cookie` : "Cookie");
      // A HEAD has no body to hash: the same headers, without a validator.
      decision = request.method === "HEAD" ? "pass" : "validate";
    } else decision = "pass";
    // Node writes the head through `writeHead` when the body starts: from now on, the real one.
    if (decision === "pass") released = true;
    return decision;
  };

  const replace = () => {
    const api = request.url.startsWith("/api/");
    const body = api
      ? unavailableProblem()
      : unavailablePage({ locale: unavailableLocale(request.url), method: request.method, url: request.url, stylesheetHref: siteStylesheet() });
    for (const name of response.getHeaderNames()) if (!(name in SECURITY_HEADERS) && name !== "content-security-policy" && name !== REQUEST_ID_HEADER) response.removeHeader(name);
    response.statusCode = 503;
    response.setHeader("retry-after", String(RETRY_AFTER_SECONDS));
    response.setHeader("cache-control", "no-store");
    response.setHeader("content-type", api ? "application/problem+json; charset=utf-8" : "text/html; charset=utf-8");
    response.setHeader("content-length", Buffer.byteLength(body));
    released = true;
    original.end.call(response, request.method === "HEAD" ? undefined : body);
  };

  const sendValidated = () => {
    const body = Buffer.concat(chunks);
    const etag = `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    response.setHeader("etag", etag);
    released = true;
    if (matchesEtag(request.headers["if-none-match"], etag)) {
      response.statusCode = 304;
      response.removeHeader("content-length");
      response.removeHeader("content-type");
      original.end.call(response);
      return;
    }
    response.setHeader("content-length", body.length);
    original.end.call(response, request.method === "HEAD" ? undefined : body);
  };

  response.writeHead = function (status, ...rest) {
    if (released) return original.writeHead.call(response, status, ...rest);
    // Next.js sets its headers one by one; a status and headers given here are kept the same way.
    response.statusCode = status;
    const headers = rest.find((item) => item && typeof item === "object");
    if (headers) for (const [name, value] of Array.isArray(headers) ? headers : Object.entries(headers)) response.setHeader(name, value);
    return response;
  };
  response.flushHeaders = function () {
    if (decide() === "pass") original.flushHeaders.call(response);
  };
  response.write = function (chunk, encoding, callback) {
    const mode = decide();
    if (mode === "pass") return original.write.call(response, chunk, encoding, callback);
    if (mode === "validate") {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
      chunks.push(buffer);
      size += buffer.length;
      if (size > MAX_VALIDATED_BYTES) {
        // Too big to hold: sent as it comes, without a validator.
        decision = "pass";
        released = true;
        const held = Buffer.concat(chunks.splice(0));
        return original.write.call(response, held, callback);
      }
    }
    if (typeof encoding === "function") encoding();
    else if (typeof callback === "function") callback();
    return true;
  };
  response.end = function (chunk, encoding, callback) {
    const mode = decide();
    const done = [chunk, encoding, callback].find((item) => typeof item === "function");
    if (mode === "pass") return original.end.call(response, chunk, encoding, callback);
    if (mode === "validate") {
      if (chunk && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
      sendValidated();
    } else replace();
    if (done) response.once("finish", done);
    return response;
  };
}

const app = next({ dev, dir: root, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const started = process.hrtime.bigint();
  const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader(REQUEST_ID_HEADER, requestId);
  response.on("close", () => {
    log.info(
      {
        requestId,
        method: request.method,
        route: routeLabel(request.url ?? "/"),
        status: response.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        ...(response.writableFinished ? {} : { aborted: true }),
      },
      "requête",
    );
  });

  const location = canonicalRedirect({ host: request.headers.host, url: request.url ?? "/" }, { canonicalOrigin, trustHost });
  if (location) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    response.writeHead(308, { location, "cache-control": "no-store", "content-security-policy": DEFAULT_CSP });
    response.end();
    return;
  }

  delete request.headers[CLIENT_ADDRESS_HEADER];
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  request.headers[PRECOMPRESSED_HEADER] = "accepted";
  const state = { databaseUnavailable: false };
  settle(request, response, state);
  requestState.run(state, () => void handle(request, response));
});
server.listen(port, () => log.info({ port, mode }, `Prêt sur http://localhost:${port}${dev ? " (développement)" : ""}`));

const stop = () => {
  server.close();
  server.closeAllConnections();
  void app.close().finally(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

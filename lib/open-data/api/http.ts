/**
 * What every open-data response shares: CORS open to every origin for GET, HEAD and OPTIONS,
 * a short public cache, an ETag of the body (304 when the client has it), and errors as RFC 9457
 * problem details in JSON. The ETag hashes the bytes sent rather than an update time: a day's
 * date says nothing of two edits on the same day, and the exports drop past closures day by day,
 * so only the content itself says whether it changed.
 */
import { createHash } from "node:crypto";
import { matchesEtag } from "@/lib/http/policy.mjs";

/** Five minutes in browsers and shared caches, which may serve a copy ten minutes more while they ask again. */
const CACHE_CONTROL = "public, max-age=300, s-maxage=300, stale-while-revalidate=600";

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, OPTIONS", // ALLOWED_METHODS
  "access-control-allow-headers": "Accept, If-None-Match",
  "access-control-expose-headers": "ETag, Content-Disposition, Link",
} as const;

function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

export interface Payload {
  body: string | Uint8Array;
  contentType: string;
  /** A download: the file name of Content-Disposition. */
  filename?: string;
  headers?: Record<string, string>;
}

/** A cacheable answer: 200 with the body, or 304 when the client's copy is the same. HEAD gets no body. */
export function cachedResponse(request: Request, payload: Payload): Response {
  const etag = etagOf(payload.body);
  const headers = new Headers({
    ...CORS_HEADERS,
    "cache-control": CACHE_CONTROL,
    etag,
    "x-content-type-options": "nosniff",
    ...payload.headers,
  });
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  headers.set("content-type", payload.contentType);
  if (payload.filename) headers.set("content-disposition", `attachment; filename="${payload.filename}"`);
  if (request.method === "HEAD") return new Response(null, { status: 200, headers });
  return new Response(payload.body as BodyInit, { status: 200, headers });
}

export function jsonResponse(request: Request, value: unknown, headers?: Record<string, string>): Response {
  return cachedResponse(request, { body: JSON.stringify(value), contentType: "application/json; charset=utf-8", headers });
}

export interface Problem {
  status: 400 | 404 | 405;
  title: string;
  detail?: string;
  /** Which parameters were wrong, and why. */
  errors?: { parameter: string; message: string }[];
}

/** An error as application/problem+json; never cached long. */
export function problemResponse(problem: Problem, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify({ type: "about:blank", ...problem }), {
    status: problem.status,
    headers: { ...CORS_HEADERS, "content-type": "application/problem+json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export const notFound = (detail: string) => problemResponse({ status: 404, title: "Introuvable", detail });

export const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

/**
 * The answer to POST, PUT, PATCH and DELETE: the API is read-only. Every route file exports it
 * for those methods, so that a client gets 405 with `Allow` (RFC 9110) and a problem in JSON rather
 * than Next's bare 405.
 */
export const methodNotAllowed = () =>
  problemResponse({ status: 405, title: "Méthode non autorisée", detail: `L'API est en lecture seule : ${ALLOWED_METHODS}.` }, { allow: ALLOWED_METHODS });

/** The answer to a CORS preflight. */
export function preflightResponse(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS, "access-control-max-age": "86400", allow: ALLOWED_METHODS } });
}

/**
 * A request's id, for the logs: proxy.ts gives every page request one (a load balancer's
 * `x-request-id` is kept when it looks like an id), sets it on the request the pages read and on
 * the response, and server code reads it with `headers()` (lib/log.ts, `requestLog`). No Node API
 * here: proxy.ts imports it.
 */
export const REQUEST_ID_HEADER = "x-request-id";

/** What may be written to a log line as an id: short, no spaces, no control characters. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,100}$/;

/** The id a client or proxy sent, if it is one; otherwise a new one. */
export function requestIdFrom(sent: string | null | undefined): string {
  return sent && ACCEPTABLE.test(sent) ? sent : crypto.randomUUID();
}

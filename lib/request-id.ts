/**
 * A request's id, for the logs: Toile's HTTP server (scripts/next-server.mjs) gives every request
 * one (a load balancer's `x-request-id` is kept when it looks like an id) and sets it on the
 * response; proxy.ts keeps it for the pages, and server code reads it with `headers()`
 * (lib/log.ts, `requestLog`). The rule lives in lib/http/policy.mjs, which the server shares.
 */
export { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/policy.mjs";

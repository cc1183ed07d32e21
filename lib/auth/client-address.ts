/**
 * The client's network address, for rate limits (sign-in, error reports, fiche lookups): the one
 * function every rate-limited place uses. A client can write anything in `X-Forwarded-For`, so it
 * is trusted only as far as the deployment says proxies append to it:
 *
 * - `TOILE_TRUSTED_PROXY_HOPS=0` (the default: Toile faces the clients): the TCP peer's address,
 *   which Toile's own HTTP server (scripts/next-server.mjs) writes into `x-toile-client-address`
 *   after deleting any copy the client sent. Next's route handlers and server actions cannot see
 *   the socket, hence the header.
 * - `N` proxies in front (each appending the address it saw): the N-th address from the right of
 *   `X-Forwarded-For`, the one the outermost trusted proxy saw; what the client wrote further left
 *   is ignored. With fewer addresses than that the request did not come through the proxies: the
 *   TCP peer's address again.
 */

/** Written by scripts/next-server.mjs from `socket.remoteAddress`; a client's own copy is deleted first. */
export const CLIENT_ADDRESS_HEADER = "x-toile-client-address";

/** When no address is known (a request that did not come through Toile's server, e.g. a test). */
const UNKNOWN_ADDRESS = "inconnue";

const MAX_TRUSTED_PROXY_HOPS = 10;

export class TrustedProxyHopsError extends Error {}

/** TOILE_TRUSTED_PROXY_HOPS as a number of hops (0 when unset); anything but 0–10 is an error. */
export function trustedProxyHops(value = process.env.TOILE_TRUSTED_PROXY_HOPS): number {
  if (value === undefined || value.trim() === "") return 0;
  const hops = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || hops > MAX_TRUSTED_PROXY_HOPS) {
    throw new TrustedProxyHopsError(
      `TOILE_TRUSTED_PROXY_HOPS doit être le nombre de proxys devant Toile, de 0 à ${MAX_TRUSTED_PROXY_HOPS} (reçu : « ${value} »).`,
    );
  }
  return hops;
}

/** The client's address: see above. `hops` defaults to TOILE_TRUSTED_PROXY_HOPS. */
export function clientIp(headers: Headers, hops = trustedProxyHops()): string {
  const peer = headers.get(CLIENT_ADDRESS_HEADER)?.trim() || UNKNOWN_ADDRESS;
  if (hops === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((address) => address.trim())
    .filter(Boolean);
  return forwarded.length >= hops ? forwarded[forwarded.length - hops]! : peer;
}

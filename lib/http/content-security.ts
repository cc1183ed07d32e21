/**
 * A page's content security policy (lib/http/policy.mjs) with its nonce, given by proxy.ts.
 *
 * The nonce is random for every page but the public ones a shared cache keeps (the same bytes for
 * every visitor, so the same nonce): theirs is an HMAC of the address and the five-minute slot
 * under the site's secret — stable for the cache and for ETags, and not guessable before the page
 * is written. Injected markup cannot use it either way: React and lib/html escape every text.
 */
import { createHmac, randomBytes } from "node:crypto";
import { contentSecurityPolicy, formActionOriginsFrom, isPublicPageRequest } from "@/lib/http/policy.mjs";

const SLOT_MS = 5 * 60_000;

export function pageNonce(method: string, url: string, cookie: string | null, now = Date.now(), secret = process.env.NEXTAUTH_SECRET): string {
  if (!secret || !isPublicPageRequest({ method, url, cookie })) return randomBytes(18).toString("base64");
  return createHmac("sha256", secret).update(`${Math.floor(now / SLOT_MS)} ${url}`).digest("base64").slice(0, 24);
}

export function pageContentSecurityPolicy(method: string, url: string, cookie: string | null): string {
  return contentSecurityPolicy({
    nonce: pageNonce(method, url, cookie),
    formActionOrigins: formActionOriginsFrom(process.env),
    https: (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
  });
}

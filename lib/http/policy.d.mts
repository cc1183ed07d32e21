/** Types of policy.mjs (plain JavaScript: scripts/next-server.mjs imports it without TypeScript). */
export function hasSessionCookie(cookieHeader: string | null | undefined): boolean;
export function contentSecurityPolicy(options?: { nonce?: string; formActionOrigins?: string[]; https?: boolean }): string;
export function formActionOriginsFrom(env: Record<string, string | undefined>): string[];
export function securityHeaders(options?: { https?: boolean }): Record<string, string>;
export function canonicalRedirect(
  request: { host: string | undefined; url: string },
  site: { canonicalOrigin: string | undefined; trustHost: boolean },
): string | null;
export function isPublicPageRequest(request: { method: string; url: string; cookie: string | null | undefined }): boolean;
export function publicCacheControl(seconds?: number): string;
export function publicCacheSeconds(value: string | undefined): number;
export function matchesEtag(ifNoneMatch: string | null | undefined, etag: string): boolean;
export const RETRY_AFTER_SECONDS: number;
export function unavailableLocale(url: string): "fr" | "en" | "ar";
export function unavailablePage(options: { locale?: "fr" | "en" | "ar"; method?: string; url?: string; stylesheetHref?: string | null }): string;
export function unavailableProblem(): string;
export function routeLabel(url: string): string;
export const REQUEST_ID_HEADER: "x-request-id";
export function requestIdFrom(sent: string | null | undefined): string;

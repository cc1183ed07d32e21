/**
 * What Toile's HTTP server (scripts/next-server.mjs) decides for every response, before and after
 * Next.js: the canonical origin, the security headers, which answers a shared cache may keep, the
 * page shown when the database does not answer, and the label of a request in the log. Plain
 * JavaScript (typed by policy.d.mts) because that server runs apart from the app's TypeScript;
 * proxy.ts imports the same rules (the content security policy, which requests are public).
 * No Node API but `node:crypto` in `etagOf`, which proxy.ts does not import.
 */

/** Next.js's session cookies (lib/auth/session.ts): a request carrying one sees a personal header. */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** Whether a Cookie header holds a session. */
export function hasSessionCookie(cookieHeader) {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => SESSION_COOKIES.includes(pair.split("=")[0].trim()));
}

// ─── Content security policy ──────────────────────────────────────────────────────────────

/**
 * The content security policy. Scripts: the site's own files, and inline scripts only with the
 * response's nonce (Next.js puts it on its own, proxy.ts gives it); `strict-dynamic` lets those
 * load the chunks they need. Without a nonce (route handlers, the API, files), no inline script
 * at all. Styles: the site's stylesheet, and the few style attributes React writes (a chart's
 * colour, a bar's width), never a <style> element. Forms post here only, or to the sign-in
 * provider (`formActionOrigins`: Chromium checks a form's redirects too). Nothing may frame a page.
 */
export function contentSecurityPolicy({ nonce, formActionOrigins = [], https = false } = {}) {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  const directives = [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${["'self'", ...formActionOrigins].join(" ")}`,
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** The origins a sign-in form may lead to: the OpenID provider's, when one is configured. */
export function formActionOriginsFrom(env) {
  if (!env.OIDC_ISSUER) return [];
  try {
    return [new URL(env.OIDC_ISSUER).origin];
  } catch {
    return [];
  }
}

/** Headers every response carries, whatever made it. HSTS when the site's address is HTTPS. */
export function securityHeaders({ https = false } = {}) {
  const headers = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    // Nothing here uses the camera, the microphone, location, payment or USB; "share" and
    // "copy" need no permission.
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
  };
  if (https) headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

// ─── The canonical origin ─────────────────────────────────────────────────────────────────

/** Routes a load balancer or a monitor calls on each instance's own address: never redirected. */
const INSTANCE_ROUTES = new Set(["/api/sante"]);

/**
 * Where to send a request that reached this server under another name than the site's
 * (`NEXTAUTH_URL`): the same path on the canonical origin, before any cookie is set — cookies are
 * per host, and a sign-in begun on one name cannot end on another. Null when the request may go
 * on: the right host, a route of the instance itself, or a deployment that trusts the request's
 * host (`TOILE_TRUST_HOST=1`, where next-auth follows the host too).
 */
export function canonicalRedirect({ host, url }, { canonicalOrigin, trustHost }) {
  if (trustHost || !canonicalOrigin) return null;
  const canonical = new URL(canonicalOrigin);
  const path = url.split("?")[0];
  if (INSTANCE_ROUTES.has(path)) return null;
  if ((host ?? "").toLowerCase() === canonical.host.toLowerCase()) return null;
  return new URL(url, canonical.origin).toString();
}

// ─── Shared caches ────────────────────────────────────────────────────────────────────────

/**
 * The residents' pages that are the same for every visitor without a session: the site's root,
 * a territory's home, search, orientation questionnaire, offer pages, programmes and open-data
 * page. Not the pages of a person's own appointment or workshop seat (a private link), nor the
 * fiche lookup (a transfer's code), nor any page of the professionals' side.
 */
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/t\/[^/]+\/?$/,
  /^\/t\/[^/]+\/(recherche|aide|donnees)\/?$/,
  /^\/t\/[^/]+\/offres\/[^/]+\/?$/,
  /^\/t\/[^/]+\/(structures|lieux)\/[^/]+\/programme\/?$/,
  /^\/t\/[^/]+\/ateliers\/[0-9a-f-]{36}\/?$/,
];

/** Whether a shared cache may keep this request's answer (GET or HEAD of a public page, no session). */
export function isPublicPageRequest({ method, url, cookie }) {
  if (method !== "GET" && method !== "HEAD") return false;
  if (hasSessionCookie(cookie)) return false;
  const path = url.split("?")[0];
  return PUBLIC_PAGES.some((page) => page.test(path));
}

/**
 * How long a shared cache keeps a public page: `s-maxage` (then it asks again with the ETag, a
 * 304 when nothing changed), and how long it may still serve it while it asks. Browsers always
 * ask (`max-age=0`): a person who just booked a seat reloads and sees it.
 */
export function publicCacheControl(seconds = 30) {
  return `public, max-age=0, s-maxage=${seconds}, stale-while-revalidate=${seconds * 4}`;
}

/** `TOILE_PUBLIC_CACHE_SECONDS` (1–3600), else 30. */
export function publicCacheSeconds(value) {
  const seconds = Number(value);
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600 ? seconds : 30;
}

/** Whether an If-None-Match header names this ETag (weak or strong, in a list, or "*"). */
export function matchesEtag(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => {
    const value = candidate.trim().replace(/^W\//, "");
    return value === "*" || value === bare;
  });
}

// ─── When the database does not answer ────────────────────────────────────────────────────

/** Seconds after which a client may try again. */
export const RETRY_AFTER_SECONDS = 30;

const UNAVAILABLE_WORDS = {
  fr: {
    title: "Toile est momentanément indisponible",
    lead: "Nous n'arrivons pas à joindre nos données pour l'instant. Ce n'est pas de votre faute.",
    retry: "Réessayez dans une minute.",
    again: "Réessayer",
    posted: "Ce que vous avez envoyé n'a pas été enregistré. Revenez à la page précédente avec le bouton « retour » de votre navigateur : ce que vous aviez écrit y est encore. Envoyez-le de nouveau dans une minute.",
    home: "Retour à l'accueil",
  },
  en: {
    title: "Toile is temporarily unavailable",
    lead: "We cannot reach our data right now. It is not your fault.",
    retry: "Try again in a minute.",
    again: "Try again",
    posted: "What you sent was not saved. Go back to the previous page with your browser's back button: what you wrote is still there. Send it again in a minute.",
    home: "Back to the home page",
  },
  ar: {
    title: "توال غير متاح مؤقتًا",
    lead: "لا نستطيع الوصول إلى بياناتنا حاليًا. هذا ليس خطأك.",
    retry: "حاول مرة أخرى بعد دقيقة.",
    again: "إعادة المحاولة",
    posted: "لم يُحفظ ما أرسلته. ارجع إلى الصفحة السابقة بزر الرجوع في متصفحك: ما كتبته ما زال هناك. أرسله مرة أخرى بعد دقيقة.",
    home: "العودة إلى الصفحة الرئيسية",
  },
};

/** The page's language: the residents' pages carry `?lang=`; every other page is French. */
export function unavailableLocale(url) {
  const parsed = new URL(url, "http://toile.invalid");
  if (!parsed.pathname.startsWith("/t/")) return "fr";
  const lang = parsed.searchParams.get("lang");
  return lang === "en" || lang === "ar" ? lang : "fr";
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (character) => ESCAPES[character]);

/**
 * The 503 page, in the site's look (its stylesheet, `stylesheetHref`) and without any script: after
 * a GET, a link to try the same address again (no automatic reload: a person reading slowly must
 * not lose the page, WCAG 2.2.1); after a POST, what happened to what was sent and how to get the
 * typed text back (a link would not send it again).
 */
export function unavailablePage({ locale = "fr", method = "GET", url = "/", stylesheetHref = null }) {
  const words = UNAVAILABLE_WORDS[locale] ?? UNAVAILABLE_WORDS.fr;
  const posted = method !== "GET" && method !== "HEAD";
  const direction = locale === "ar" ? "rtl" : "ltr";
  return [
    "<!DOCTYPE html>",
    `<html lang="${locale}" dir="${direction}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(words.title)}</title>`,
    stylesheetHref ? `<link rel="stylesheet" href="${escapeHtml(stylesheetHref)}">` : "",
    "</head>",
    '<body class="min-h-screen bg-white text-slate-900">',
    '<header class="border-b border-slate-200"><div class="mx-auto max-w-5xl px-4 py-3"><a href="/" class="text-xl font-bold text-accent">Toile</a></div></header>',
    '<main id="contenu" class="mx-auto max-w-5xl px-4 py-8">',
    `<h1 class="text-3xl font-bold">${escapeHtml(words.title)}</h1>`,
    `<p class="mt-4 max-w-prose">${escapeHtml(words.lead)}</p>`,
    posted
      ? `<p class="mt-4 max-w-prose font-medium">${escapeHtml(words.posted)}</p>`
      : `<p class="mt-4 max-w-prose">${escapeHtml(words.retry)}</p>\n<p class="mt-4"><a class="rounded bg-accent px-4 py-2 font-semibold text-white" href="${escapeHtml(url)}">${escapeHtml(words.again)}</a></p>`,
    `<p class="mt-6"><a class="font-semibold text-accent underline" href="${locale === "fr" ? "/" : `/?lang=${locale}`}">${escapeHtml(words.home)}</a></p>`,
    "</main>",
    "</body>",
    "</html>",
  ].join("\n");
}

/** The API's 503: RFC 9457 problem details. */
export function unavailableProblem() {
  return JSON.stringify({
    type: "about:blank",
    title: "Service momentanément indisponible",
    status: 503,
    detail: `La base de données ne répond pas. Réessayez dans ${RETRY_AFTER_SECONDS} secondes.`,
  });
}

// ─── The log ──────────────────────────────────────────────────────────────────────────────

/** A path segment that is an id, a code or a token: the log keeps its place, not its value. */
const OPAQUE_SEGMENT = /^(?=.*\d)[A-Za-z0-9_-]{6,}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A request's path as the log writes it: without its query (an email in a sign-in link, a
 * search) and with each id, code or token replaced by `:id` (a fiche's code or a private link
 * must not be readable in a log). Static files keep their folder only.
 */
export function routeLabel(url) {
  const path = url.split("?")[0];
  if (path.startsWith("/_next/")) return "/_next/…";
  if (path.startsWith("/styles/")) return "/styles/…";
  return path
    .split("/")
    .map((segment) => (OPAQUE_SEGMENT.test(segment) ? ":id" : segment))
    .join("/");
}

// ─── The request's id ─────────────────────────────────────────────────────────────────────

/** The header that carries a request's id, from a load balancer, this server and proxy.ts to the logs. */
export const REQUEST_ID_HEADER = "x-request-id";

/** What may be written to a log line as an id: short, no spaces, no control characters. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** The id a client or proxy sent, if it is one; otherwise a new one. */
export function requestIdFrom(sent) {
  return sent && ACCEPTABLE_REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
}

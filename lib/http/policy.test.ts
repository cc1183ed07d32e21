import { describe, expect, it } from "vitest";
import {
  canonicalRedirect,
  contentSecurityPolicy,
  formActionOriginsFrom,
  hasSessionCookie,
  isPublicPageRequest,
  matchesEtag,
  publicCacheControl,
  publicCacheSeconds,
  routeLabel,
  securityHeaders,
  unavailableLocale,
  unavailablePage,
  unavailableProblem,
} from "./policy.mjs";

const site = { canonicalOrigin: "http://localhost:3000", trustHost: false };

describe("the canonical origin", () => {
  it("sends a request under another name to the same path on the site's address", () => {
    expect(canonicalRedirect({ host: "127.0.0.1:3000", url: "/connexion?callbackUrl=%2Ftransferts" }, site)).toBe(
      "http://localhost:3000/connexion?callbackUrl=%2Ftransferts",
    );
    expect(canonicalRedirect({ host: "toile.example.org", url: "/" }, { canonicalOrigin: "https://toile.gouv.fr", trustHost: false })).toBe("https://toile.gouv.fr/");
  });

  it("lets the right host through, whatever its case, and the health route on any name", () => {
    expect(canonicalRedirect({ host: "LOCALHOST:3000", url: "/t/x" }, site)).toBeNull();
    expect(canonicalRedirect({ host: "10.0.0.7:3000", url: "/api/sante" }, site)).toBeNull();
  });

  it("follows the request's host when the deployment trusts it", () => {
    expect(canonicalRedirect({ host: "127.0.0.1:3000", url: "/connexion" }, { ...site, trustHost: true })).toBeNull();
  });

  it("redirects a request with no Host header at all", () => {
    expect(canonicalRedirect({ host: undefined, url: "/" }, site)).toBe("http://localhost:3000/");
  });
});

describe("the security headers", () => {
  it("forbid framing, sniffing and leaking the path to other sites; HSTS only for an HTTPS site", () => {
    const plain = securityHeaders();
    expect(plain).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    expect(plain["permissions-policy"]).toContain("camera=()");
    expect(plain["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders({ https: true })["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("a policy without a nonce allows no inline script; with one, only that nonce", () => {
    const strict = contentSecurityPolicy();
    expect(strict).toContain("script-src 'self';");
    expect(strict).toContain("frame-ancestors 'none'");
    expect(strict).toContain("object-src 'none'");
    expect(strict).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(strict).not.toContain("upgrade-insecure-requests");
    const paged = contentSecurityPolicy({ nonce: "abc123", https: true });
    expect(paged).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(paged).toContain("upgrade-insecure-requests");
  });

  it("lets sign-in forms lead to the OpenID provider's origin only", () => {
    expect(formActionOriginsFrom({ OIDC_ISSUER: "https://auth.agentconnect.gouv.fr/api/v2" })).toEqual(["https://auth.agentconnect.gouv.fr"]);
    expect(formActionOriginsFrom({})).toEqual([]);
    expect(formActionOriginsFrom({ OIDC_ISSUER: "not a url" })).toEqual([]);
    expect(contentSecurityPolicy({ formActionOrigins: ["https://auth.example.fr"] })).toContain("form-action 'self' https://auth.example.fr");
  });
});

describe("what a shared cache may keep", () => {
  it("the residents' public pages, read without a session", () => {
    for (const url of ["/", "/t/demo", "/t/demo/recherche?q=cv", "/t/demo/offres/abc", "/t/demo/aide?etape=2", "/t/demo/donnees", "/t/demo/structures/s1/programme", "/t/demo/lieux/p1/programme", "/t/demo/ateliers/0b7c8c1e-4a53-4f0e-9d7e-3a9f1e2d4c5b"]) {
      expect(isPublicPageRequest({ method: "GET", url, cookie: null }), url).toBe(true);
    }
    expect(isPublicPageRequest({ method: "HEAD", url: "/t/demo", cookie: "theme=dark" })).toBe(true);
  });

  it("never with a session, never a post, never a private link or a professional page", () => {
    expect(isPublicPageRequest({ method: "GET", url: "/t/demo", cookie: "a=1; next-auth.session-token=xyz" })).toBe(false);
    expect(isPublicPageRequest({ method: "GET", url: "/t/demo", cookie: "__Secure-next-auth.session-token=xyz" })).toBe(false);
    expect(isPublicPageRequest({ method: "POST", url: "/t/demo/offres/abc", cookie: null })).toBe(false);
    for (const url of ["/fiche/ABC123", "/t/demo/rendez-vous/tok", "/t/demo/ateliers/inscription/tok", "/transferts", "/territoires/demo", "/connexion"]) {
      expect(isPublicPageRequest({ method: "GET", url, cookie: null }), url).toBe(false);
    }
  });

  it("reads sessions from the cookie header exactly", () => {
    expect(hasSessionCookie("next-auth.session-token=1")).toBe(true);
    expect(hasSessionCookie("next-auth.session-token-old=1; b=2")).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });

  it("shared caches keep a page a short while; browsers always ask again", () => {
    expect(publicCacheControl(30)).toBe("public, max-age=0, s-maxage=30, stale-while-revalidate=120");
    expect(publicCacheSeconds("90")).toBe(90);
    for (const wrong of [undefined, "", "0", "-5", "1.5", "7200", "abc"]) expect(publicCacheSeconds(wrong)).toBe(30);
  });

  it("compares validators weakly, in lists and with *", () => {
    expect(matchesEtag('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag("*", '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(null, '"abc"')).toBe(false);
  });
});

describe("the page when the database does not answer", () => {
  it("speaks the residents' page's language, else French", () => {
    expect(unavailableLocale("/t/demo?lang=ar")).toBe("ar");
    expect(unavailableLocale("/t/demo/recherche?q=x&lang=en")).toBe("en");
    expect(unavailableLocale("/transferts?lang=en")).toBe("fr");
    expect(unavailableLocale("/t/demo?lang=xx")).toBe("fr");
  });

  it("offers to try again after a GET (never reloading by itself); after a post, says nothing was saved and how to get the text back", () => {
    const page = unavailablePage({ locale: "fr", method: "GET", url: "/t/x?q=<b>", stylesheetHref: "/styles/site-0123456789abcdef.css" });
    expect(page).toContain("Toile est momentanément indisponible");
    expect(page).toContain('href="/t/x?q=&lt;b&gt;">Réessayer</a>');
    expect(page).not.toContain("http-equiv");
    expect(page).toContain('<link rel="stylesheet" href="/styles/site-0123456789abcdef.css">');
    expect(page).not.toContain("<script");
    const posted = unavailablePage({ locale: "fr", method: "POST" });
    expect(posted).not.toContain("Réessayer");
    expect(posted).toContain("n&#39;a pas été enregistré");
    const arabic = unavailablePage({ locale: "ar" });
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
  });

  it("gives the API a problem in RFC 9457's shape", () => {
    expect(JSON.parse(unavailableProblem())).toMatchObject({ type: "about:blank", status: 503, title: "Service momentanément indisponible" });
  });
});

describe("a request's route in the log", () => {
  it("drops the query and masks ids, codes and tokens", () => {
    expect(routeLabel("/connexion?email=marie%40exemple.fr")).toBe("/connexion");
    expect(routeLabel("/transferts/0b7c8c1e-4a53-4f0e-9d7e-3a9f1e2d4c5b")).toBe("/transferts/:id");
    expect(routeLabel("/fiche/TR-7KQ2-9X")).toBe("/fiche/:id");
    expect(routeLabel("/t/demo/rendez-vous/Zk3x9qPl0aBcD")).toBe("/t/demo/rendez-vous/:id");
    expect(routeLabel("/t/demo/recherche")).toBe("/t/demo/recherche");
    expect(routeLabel("/_next/static/chunks/abc123.js")).toBe("/_next/…");
  });
});

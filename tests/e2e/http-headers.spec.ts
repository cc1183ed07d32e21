/**
 * What every answer carries, whatever route family made it (a React page, the results page's
 * route handler, the API, a download, a signed-in download, a static file, a 404, a redirect):
 * the security headers and a content security policy; the canonical origin; and the public
 * side's validators and shared-cache headers — never with a session.
 */
import { signInFast } from "./auth";
import { expect, test } from "./fixtures";
import { withDatabase } from "./outbox";

const TERRITORY = "/t/val-de-lise";

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, where).toContain("frame-ancestors 'none'");
  expect(policy, where).toContain("object-src 'none'");
  expect(policy, where).toMatch(/script-src 'self'( 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic')?;/);
  expect(policy, where).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  // Served over plain HTTP here: no HSTS (the unit tests check it for an HTTPS site).
  expect(headers["strict-transport-security"], where).toBeUndefined();
  expect(headers["x-request-id"], where).toMatch(/^[0-9a-f-]{36}$/);
}

test("every route family sends the security headers and a strict content security policy", async ({ page, request }) => {
  const offerId = await withDatabase(async (client) => (await client.query<{ id: string }>(`select id from "Offer" where status = 'published' limit 1`)).rows[0]!.id);
  const stylesheet = (await (await request.get(TERRITORY)).text()).match(/\/styles\/site-[0-9a-f]{16}\.css/)![0];
  const anonymous = [
    ["a React page", `${TERRITORY}/aide`, 200],
    ["a territory home (HTML)", TERRITORY, 200],
    ["the results page (HTML)", `${TERRITORY}/recherche?q=ordinateur`, 200],
    ["an offer page", `${TERRITORY}/offres/${offerId}`, 200],
    ["the API", "/api/v1/territories", 200],
    ["an API error", "/api/v1/nulle-part", 404],
    ["a download", `${TERRITORY}/donnees/lmn-v1.0.1.csv`, 200],
    ["the health route", "/api/sante", 200],
    ["the stylesheet", stylesheet, 200],
    ["a page that does not exist", "/nulle-part", 404],
    ["a redirect", "/transferts", 307],
  ] as const;
  for (const [what, path, status] of anonymous) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), what).toBe(status);
    expectSecurityHeaders(response.headers(), what);
  }

  // A React page's policy names the nonce its inline scripts carry, a new one on each request.
  const first = await request.get("/connexion");
  const nonce = /'nonce-([^']+)'/.exec(first.headers()["content-security-policy"]!)![1]!;
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  const second = await request.get("/connexion");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);

  // Signed in: the professional side and its downloads too.
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  for (const [what, path] of [
    ["a signed-in page", "/transferts"],
    ["a signed-in download", `/territoires/val-de-lise/matrice/export?format=csv`],
  ] as const) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), what).toBe(200);
    expectSecurityHeaders(response.headers(), what);
    expect(response.headers()["cache-control"], what).not.toContain("public");
  }
  // The pages work under that policy: the test fixture fails on any violation the browser reports.
  await page.goto("/transferts");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a page cannot be framed by another site", async ({ page }) => {
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("frame-ancestors")) refusals.push(message.text());
  });
  await page.goto(TERRITORY);
  const framed = await page.evaluate(async (url) => {
    const frame = document.createElement("iframe");
    frame.src = url;
    frame.title = "Essai d'encadrement";
    document.body.append(frame);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    try {
      return frame.contentDocument?.body?.innerText ?? "";
    } catch {
      return "blocked";
    }
  }, `${TERRITORY}/recherche?q=ordinateur`);
  // Same origin, yet refused (frame-ancestors 'none'): an empty or blocked frame, never the page.
  expect(framed).not.toContain("ordinateur");
  expect(refusals.join("\n")).toContain("frame-ancestors 'none'");
});

test("the site has one address: another host name is sent there before any cookie, and sign-in works", async ({ page, baseURL }) => {
  const other = baseURL!.replace("localhost", "127.0.0.1");
  const response = await page.request.get(`${other}/connexion?callbackUrl=%2Fcompte`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers()["location"]).toBe(`${baseURL}/connexion?callbackUrl=%2Fcompte`);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  // The health route answers on each instance's own address.
  expect((await page.request.get(`${other}/api/sante`, { maxRedirects: 0 })).status()).toBe(200);

  // A person who typed the other name lands on the sign-in form, not on "your browser refuses cookies".
  await page.goto(`${other}/connexion`);
  expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
  await expect(page.getByLabel("Adresse courriel")).toBeVisible();
  await expect(page.getByText("Votre navigateur refuse les cookies")).toHaveCount(0);
});

test("the cookie message appears when cookies are really refused", async ({ baseURL }) => {
  // A client that never sends a cookie back, following the sign-in page's round trip to get one.
  let url = `${baseURL}/connexion`;
  let response = await fetch(url, { redirect: "manual" });
  for (let hop = 0; hop < 5 && response.status >= 300 && response.status < 400; hop++) {
    url = new URL(response.headers.get("location")!, url).toString();
    response = await fetch(url, { redirect: "manual" });
  }
  expect(response.status).toBe(200);
  expect(new URL(url).searchParams.get("cookies")).toBe("1");
  expect(await response.text()).toContain("Votre navigateur refuse les cookies de ce site");
});

test("public pages are kept by shared caches with a validator; a write shows at once; never with a session", async ({ page, request }) => {
  const offer = await withDatabase(
    async (client) =>
      (await client.query<{ id: string; structureId: string; title: string }>(`select id, "structureId", title from "Offer" where title = 'Réparer ensemble ordinateurs et smartphones'`)).rows[0]!,
  );
  const offerPage = `${TERRITORY}/offres/${offer.id}`;
  for (const path of ["/", TERRITORY, `${TERRITORY}/recherche?q=ordinateur`, offerPage, `${TERRITORY}/donnees`, `${TERRITORY}/structures/${offer.structureId}/programme`]) {
    const response = await request.get(path);
    expect(response.headers()["cache-control"], path).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(response.headers()["vary"], path).toContain("Cookie");
    const etag = response.headers()["etag"]!;
    expect(etag, path).toMatch(/^W\/"[\w-]+"$/);
    // The same bytes again: 304, no body.
    const again = await request.get(path, { headers: { "if-none-match": etag } });
    expect(again.status(), path).toBe(304);
    expect(await again.body(), path).toHaveLength(0);
  }

  // A coordinator renames the offer: the next request with the old validator gets the new page.
  const before = await request.get(offerPage);
  const etag = before.headers()["etag"]!;
  const renamed = `${offer.title} (${Date.now()})`;
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto(`/structures/${offer.structureId}/offres/${offer.id}`);
  await page.getByLabel("Intitulé de l'offre").fill(renamed);
  await page.getByRole("button", { name: "Enregistrer l'offre" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  const after = await request.get(offerPage, { headers: { "if-none-match": etag } });
  expect(after.status()).toBe(200);
  expect(await after.text()).toContain(renamed);
  expect(after.headers()["etag"]).not.toBe(etag);

  // With a session, the same page names the person in its header: private, never stored.
  const signedIn = await page.request.get(offerPage);
  expect(signedIn.headers()["cache-control"]).toContain("no-store");
  expect(signedIn.headers()["cache-control"]).not.toContain("public");
  expect(signedIn.headers()["etag"]).toBeUndefined();

  // A person's own pages are never public either.
  for (const path of ["/fiche/TR-AAAA-AA", "/connexion"]) {
    expect((await request.get(path)).headers()["cache-control"] ?? "", path).not.toContain("public");
  }

  await page.getByLabel("Intitulé de l'offre").fill(offer.title);
  await page.getByRole("button", { name: "Enregistrer l'offre" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
});

test("public pages come compressed by their route: Brotli when taken, else gzip, else the text; the rest still compressed as before", async ({ page, request }) => {
  const structureId = await withDatabase(async (client) => (await client.query<{ id: string }>(`select id from "Structure" where status = 'published' limit 1`)).rows[0]!.id);
  for (const path of ["/", TERRITORY, `${TERRITORY}/recherche?q=ordinateur`, `${TERRITORY}/structures/${structureId}/programme`]) {
    const text = await (await request.get(path, { headers: { "accept-encoding": "identity" } })).text();
    expect(text, path).toMatch(/^<!DOCTYPE html>.*<\/html>$/s);
    for (const [accepted, encoding] of [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip, deflate", "gzip"],
      ["identity", undefined],
    ] as const) {
      // A client cannot make the route say an encoding it did not use: the server sets the header.
      const response = await request.get(path, { headers: { "accept-encoding": accepted, "x-toile-content-encoding": "accepted" } });
      expect(response.headers()["content-encoding"], `${path} ${accepted}`).toBe(encoding);
      expect(response.headers()["vary"], path).toContain("Accept-Encoding");
      expect(response.headers()["x-toile-content-encoding"], path).toBeUndefined();
      expect(await response.text(), `${path} ${accepted}`).toBe(text); // decoded by the client: the same page
    }
  }
  // A signed-in page names the person: compressed for each request, and still right.
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  const signedIn = await page.request.get(TERRITORY, { headers: { "accept-encoding": "br" } });
  expect(signedIn.headers()["content-encoding"]).toBe("br");
  expect(await signedIn.text()).toContain(`href="/transferts"`);
  // What Next.js writes (a React page, the stylesheet) keeps its own compression.
  const stylesheet = (await (await request.get(TERRITORY)).text()).match(/\/styles\/site-[0-9a-f]{16}\.css/)![0];
  for (const path of ["/aide", stylesheet]) {
    expect((await request.get(path, { headers: { "accept-encoding": "gzip" } })).headers()["content-encoding"], path).toBe("gzip");
  }
});

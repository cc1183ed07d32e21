import { expect, expectAccessible, test } from "./fixtures";

test("the open-data page lists every format, and a download is a CSV with the right headers", async ({ page, request }) => {
  await page.goto("/t/val-de-lise");
  await page.getByRole("link", { name: "Données ouvertes : télécharger l'offre du territoire" }).click();
  await expect(page).toHaveURL(/\/t\/val-de-lise\/donnees$/);
  await expect(page.getByRole("heading", { level: 1, name: "Données ouvertes" })).toBeVisible();
  const files = page.getByRole("region", { name: "Fichiers" }).getByRole("link");
  await expect(files).toHaveText([
    "Matrice Toile (CSV)",
    "Matrice Toile (Excel)",
    "Lieux de médiation numérique v1.0.1 (CSV)",
    "Lieux de médiation numérique v1.0.1 (JSON)",
    "data·inclusion v1 (JSON)",
    "Open Referral HSDS 3.1 (JSON)",
  ]);
  await expectAccessible(page);

  const href = await page.getByRole("link", { name: "Lieux de médiation numérique v1.0.1 (CSV)" }).getAttribute("href");
  expect(href).toBe("/t/val-de-lise/donnees/lmn-v1.0.1.csv");
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe('attachment; filename="val-de-lise-lmn-v1.0.1.csv"');
  expect(response.headers()["cache-control"]).toBe("public, max-age=300, s-maxage=300, stale-while-revalidate=600");
  expect((await response.text()).split("\r\n")[0]).toMatch(/^id,pivot,nom,commune,code_postal,/);

  const again = await request.get(href!, { headers: { "if-none-match": response.headers()["etag"]! } });
  expect(again.status()).toBe(304);
});

test("the API serves its OpenAPI 3.1 document, and its page links to it", async ({ page, request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/v1/territories/{slug}/offers");

  const offers = await request.get("/api/v1/territories/val-de-lise/offers?limit=2");
  expect(offers.status()).toBe(200);
  expect(((await offers.json()) as { items: unknown[] }).items).toHaveLength(2);
  const bad = await request.get("/api/v1/territories/val-de-lise/offers?limit=10000");
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
  const unknown = await request.get("/api/v1/nulle-part");
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["content-type"]).toContain("application/problem+json");
  const preflight = await request.fetch("/api/v1/territories", { method: "OPTIONS", headers: { origin: "https://ailleurs.example", "access-control-request-method": "GET" } });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");

  // Read-only, through the real server: 405 with Allow and a problem, not Next's bare 405.
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    const refused = await request.fetch("/api/v1/territories/val-de-lise/offers", { method, data: "{}" });
    expect(refused.status(), method).toBe(405);
    expect(refused.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    expect(refused.headers()["content-type"]).toContain("application/problem+json");
  }
  // An unknown need points to the list of the valid ones, which the page shows.
  const unknownNeed = await request.get("/api/v1/territories/val-de-lise/offers?need=voler-la-lune");
  expect(unknownNeed.status()).toBe(400);
  expect(JSON.stringify(await unknownNeed.json())).toContain("/api#besoins");

  await page.goto("/api#besoins");
  await expect(page.getByRole("heading", { level: 1, name: "API publique de Toile" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Description OpenAPI 3.1 (JSON)" })).toHaveAttribute("href", "/api/v1/openapi.json");
  const needs = page.getByRole("region", { name: "Valeurs de need" });
  await expect(needs.getByText("demarches-administratives", { exact: true })).toBeVisible();
  await expectAccessible(page);
});

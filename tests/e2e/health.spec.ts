import { expect, test } from "./fixtures";

test("the health check answers, uncached, when the database is reachable", async ({ request }) => {
  const response = await request.get("/api/sante");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
  expect(response.headers()["cache-control"]).toBe("no-store");
});

test("a resident's page takes its language from ?lang= only: <html lang dir> follow it, a forged header does not", async ({ page }) => {
  await page.goto("/t/val-de-lise?lang=ar");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("link", { name: "الانتقال إلى المحتوى" })).toBeAttached();

  await page.setExtraHTTPHeaders({ "x-toile-locale": "ar" });
  await page.goto("/t/val-de-lise?lang=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.goto("/t/val-de-lise");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  // The site's home is a resident's page too (issue 22); pages that are not translated stay French whatever is asked.
  await page.goto("/?lang=ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.goto("/connexion?lang=ar");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});

import { expect, test } from "./fixtures";

test("the health check answers, uncached, when the database is reachable", async ({ request }) => {
  const response = await request.get("/api/sante");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
  expect(response.headers()["cache-control"]).toBe("no-store");
});

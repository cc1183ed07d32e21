/**
 * Rate limits count the address the TCP connection comes from (TOILE_TRUSTED_PROXY_HOPS unset:
 * no proxy trusted), so forged forwarding headers change nothing. The requests here leave from
 * their own loopback addresses (127.0.0.x, bound as the socket's local address: Linux routes them
 * all to this machine), so that they never use up the budget of the other tests, which connect
 * from 127.0.0.1.
 */
import http from "node:http";
import { expect, expectAccessible, test } from "./fixtures";
import { LOOKUPS_PER_IP } from "@/lib/transfers/public-lookup";

const PORT = Number(process.env.E2E_PORT ?? 3100);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** GET `path` from the loopback address `from`, with `headers` (a client may send anything). */
function getFrom(from: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // Under the site's own name (localhost): any other is redirected to it (lib/http/policy.mjs).
    const request = http.get({ host: "127.0.0.1", port: PORT, path, localAddress: from, headers: { host: `localhost:${PORT}`, ...headers } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === "string") flat[name] = value;
        resolve({ status: response.statusCode ?? 0, headers: flat, body });
      });
    });
    request.on("error", reject);
  });
}

test("fiche lookups: past the limit a 429 with Retry-After and a French page; forged X-Forwarded-For and x-toile-client-address do not reset the count; another address has its own", async ({ page }) => {
  for (let attempt = 0; attempt < LOOKUPS_PER_IP.limit; attempt++) {
    const answer = await getFrom("127.0.0.2", `/fiche/TR-AAAA-${String(attempt).padStart(2, "0")}`, {
      "x-forwarded-for": `203.0.113.${attempt}`,
      "x-real-ip": `198.51.100.${attempt}`,
      "x-toile-client-address": `192.0.2.${attempt}`,
    });
    expect(answer.status, `attempt ${attempt + 1}`).toBe(404);
  }
  const refused = await getFrom("127.0.0.2", "/fiche/TR-AAAA-99", { "x-forwarded-for": "203.0.113.250", "x-toile-client-address": "192.0.2.250" });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(500);
  expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(600);
  expect(refused.headers["content-type"]).toBe("text/html; charset=utf-8");
  expect(refused.body).toContain("Trop de tentatives");

  // Someone else, from another address, is not blocked by it.
  expect((await getFrom("127.0.0.3", "/fiche/TR-AAAA-00")).status).toBe(404);

  // The person sees a plain French page: the browser's request for the fiche leaves from 127.0.0.2 too.
  await page.route("**/fiche/**", async (route) => {
    const answer = await getFrom("127.0.0.2", new URL(route.request().url()).pathname);
    await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
  });
  const response = await page.goto("/fiche/TR-AAAA-98");
  expect(response?.status()).toBe(429);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trop de tentatives");
  await expect(page.locator("main")).toContainText(/Réessayez dans (9|10) minutes/);
  await expectAccessible(page);
});

import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/**
 * The browser's environment: never a faked process clock. The suite may run under Debian's
 * `faketime` (README: tests on another date), which Chromium does not survive; the app and the
 * tests keep the moved clock, and pages get it from the server, which renders every date.
 */
const browserEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name, value]) => value !== undefined && name !== "LD_PRELOAD" && !name.startsWith("FAKETIME")),
) as Record<string, string>;
/** Where the fault tests cut the app's database and open it again (tests/support/database-gate.ts). */
export const E2E_DATABASE_GATE_PORT = PORT + 50;
/**
 * A ProConnect-like OpenID provider (tests/support/oidc-provider.ts) on the next port: the app
 * server is configured with it, so its sign-in page shows the ProConnect button (proconnect.spec.ts).
 */
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 1);
const OIDC_CLIENT = { OIDC_CLIENT_ID: "toile-e2e", OIDC_CLIENT_SECRET: "toile-e2e-client-secret-not-a-real-one" };
/** Where the server writes its database address, for tests that read the outbox. */
export const E2E_DATABASE_URL_FILE = path.resolve(import.meta.dirname, "test-reports/e2e-database-url");

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  // The JSON report feeds the closing line of `npm test` (scripts/test.ts).
  reporter: [["list"], ["json", { outputFile: "test-reports/playwright.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright must never download a browser here (docs/ARCHITECTURE.md).
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      env: browserEnv,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "node node_modules/tsx/dist/cli.mjs tests/support/oidc-provider.ts",
      url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
      env: { OIDC_PORT: String(OIDC_PORT), E2E_APP_URL: `http://localhost:${PORT}`, ...OIDC_CLIENT },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts",
      url: `http://localhost:${PORT}`,
      env: {
        PORT: String(PORT),
        E2E_DATABASE_URL_FILE,
        E2E_DATABASE_GATE_PORT: String(E2E_DATABASE_GATE_PORT),
        // The server's log: warnings and errors only (one line per request would drown the report).
        LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
        OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
        ...OIDC_CLIENT,
        OIDC_NAME: "ProConnect",
        OIDC_ACR_VALUES: "eidas1",
      },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});

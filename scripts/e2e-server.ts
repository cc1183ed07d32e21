/**
 * The server the end-to-end tests run against: the production build on a fresh database with
 * the demo territory. With TEST_DATABASE_URL, a new database `toile_e2e` on that server;
 * otherwise an embedded database in memory. The app reaches its database through a gate that the
 * fault tests cut and open again (tests/support/database-gate.ts), controlled on
 * E2E_DATABASE_GATE_PORT.
 */
import { serveGateControl, startDatabaseGate } from "@/tests/support/database-gate";
import { urlForDatabase, withAdmin } from "@/tests/support/test-database";
import { runCli, serve } from "./lib/serve";

const gatePort = Number(process.env.E2E_DATABASE_GATE_PORT);
async function gated(url: string): Promise<string> {
  if (!gatePort) return url;
  const gate = await startDatabaseGate(url);
  await serveGateControl(gate, gatePort);
  return gate.url;
}

const E2E_DATABASE = "toile_e2e";

runCli(async () => {
  const port = Number(process.env.PORT ?? 3100);
  const serverUrl = process.env.TEST_DATABASE_URL;
  // Tests read the database directly (the magic links in the outbox): serve() writes its
  // address to E2E_DATABASE_URL_FILE.
  if (!serverUrl) return serve({ mode: "start", port, dataDir: null, demo: true, appDatabaseUrl: gated });

  await withAdmin(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${E2E_DATABASE}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${E2E_DATABASE}"`);
  });
  return serve({ mode: "start", port, databaseUrl: urlForDatabase(serverUrl, E2E_DATABASE), demo: true, appDatabaseUrl: gated });
});

/**
 * `npm start` (production build, built when needed) and `npm run dev` (hot reload).
 * Configuration by environment: see README.md and .env.example.
 */
import { loadDotEnv } from "./lib/env";
import path from "node:path";
import { ROOT, runCli, serve, StartupError } from "./lib/serve";

runCli(async () => {
  loadDotEnv();
  const mode = process.argv[2];
  if (mode !== "start" && mode !== "dev") throw new StartupError("usage : run.ts start|dev");
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new StartupError(`PORT doit être un numéro de port (reçu : « ${process.env.PORT} »).`);
  }
  return serve({
    mode,
    port,
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.TOILE_DATA_DIR ? path.resolve(ROOT, process.env.TOILE_DATA_DIR) : undefined,
    demo: process.env.TOILE_DEMO === "1" ? true : undefined,
  });
});

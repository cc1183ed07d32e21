/**
 * Runs `prisma generate` on machines that cannot download Prisma's schema-engine binary.
 * Generation does not use that binary, but the CLI looks for it first: pointing
 * PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download (docs/ARCHITECTURE.md).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");

const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);

import { existsSync } from "node:fs";
import path from "node:path";

/** Loads `.env` from the repository root, as Next.js does, so scripts see the same settings. */
export function loadDotEnv(root = path.resolve(import.meta.dirname, "../..")) {
  const file = path.join(root, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

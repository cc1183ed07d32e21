/**
 * `npm test`: everything a change must pass, in order of cost — type check, lint, unit and
 * integration tests (Vitest), production build, end-to-end tests (Playwright).
 * Without TEST_DATABASE_URL the database tests use the embedded PostgreSQL.
 * Stops at the first failing step and exits with its code.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

const steps: [string, string, string[]][] = [
  ["Vérification des types", bin("tsc"), ["--noEmit"]],
  ["Lint", bin("eslint"), ["."]],
  ["Tests unitaires et d'intégration", bin("vitest"), ["run"]],
  ["Construction de production", bin("next"), ["build"]],
  ["Tests de bout en bout", bin("playwright"), ["test"]],
];

const only = process.argv.slice(2);
for (const [title, command, args] of steps) {
  if (only.length > 0 && !only.some((word) => title.toLowerCase().includes(word.toLowerCase()))) continue;
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const { status } = spawnSync(command, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  console.log(`=== ${title} : ${status === 0 ? "OK" : "ÉCHEC"} (${Math.round((Date.now() - started) / 1000)} s)`);
  if (status !== 0) process.exit(status ?? 1);
}

/**
 * `npm test`: everything a change must pass, in order of cost — type check, lint, unit and
 * integration tests (Vitest), production build, end-to-end tests (Playwright).
 * Without TEST_DATABASE_URL the database tests use the embedded PostgreSQL.
 * Stops at the first failing step and exits with its code; ends with one summary line.
 * `npm test -- <word>` runs only the steps whose title contains that word.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const VITEST_REPORT = path.join(ROOT, "test-reports/vitest.json");
const PLAYWRIGHT_REPORT = path.join(ROOT, "test-reports/playwright.json");

const steps: [string, string, string[]][] = [
  ["Vérification des types", bin("tsc"), ["--noEmit"]],
  ["Lint", bin("eslint"), ["."]],
  [
    "Tests unitaires et d'intégration",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`],
  ],
  ["Construction de production", bin("next"), ["build"]],
  ["Tests de bout en bout", bin("playwright"), ["test"]],
];

/** Counts from the runners' JSON reports, for the closing line. */
function counts() {
  let passed = 0;
  let failed = 0;
  if (existsSync(VITEST_REPORT)) {
    const report = JSON.parse(readFileSync(VITEST_REPORT, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  if (existsSync(PLAYWRIGHT_REPORT)) {
    const { stats } = JSON.parse(readFileSync(PLAYWRIGHT_REPORT, "utf8"));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
  }
  return { passed, failed };
}

rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });
const only = process.argv.slice(2);
let exitCode = 0;
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
  if (status !== 0) {
    exitCode = status ?? 1;
    break;
  }
}
const { passed, failed } = counts();
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode);

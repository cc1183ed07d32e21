/**
 * `npm test`: everything a change must pass, in order of cost — type check, lint, dead code (knip:
 * unused files, exports, dependencies; findings fail the suite), unit and integration tests
 * (Vitest), production build, two production instances on one database (scripts/test-cluster.ts),
 * end-to-end tests (Playwright).
 * Without TEST_DATABASE_URL the database tests use the embedded PostgreSQL.
 * Stops at the first failing step and exits with its code; then names the failed step and each
 * failed test file (and test), and ends with one summary line, `N passed, N failed`.
 * `npm test -- <word>` runs only the steps whose title contains that word.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const VITEST_REPORT = path.join(ROOT, "test-reports/vitest.json");
const PLAYWRIGHT_REPORT = path.join(ROOT, "test-reports/playwright.json");
/** The checks of scripts/test-cluster.ts: `{ passed: string[], failed: string[] }`. */
const CLUSTER_REPORT = path.join(ROOT, "test-reports/cluster.json");

const MINUTE = 60_000;
/**
 * Each step, with the longest it may take: about three to four times what it takes on a two-core machine,
 * so that a step that hangs fails here, with its name, long before CI's own limit cuts the run
 * without a word.
 */
const steps: [string, string, string[], number][] = [
  ["Vérification des types", bin("tsc"), ["--noEmit"], 10 * MINUTE],
  ["Lint", bin("eslint"), ["."], 10 * MINUTE],
  ["Code mort (knip)", bin("knip"), [], 5 * MINUTE],
  [
    "Tests unitaires et d'intégration",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`],
    30 * MINUTE,
  ],
  ["Construction de production", bin("next"), ["build"], 15 * MINUTE],
  // Two production instances on one PostgreSQL database (scripts/test-cluster.ts; skipped without
  // TEST_DATABASE_URL outside CI: the embedded database is one session and cannot stand in).
  ["Deux instances, une base", bin("tsx"), ["scripts/test-cluster.ts"], 10 * MINUTE],
  ["Tests de bout en bout", bin("playwright"), ["test"], 55 * MINUTE],
];

interface PlaywrightSuite {
  file?: string;
  specs?: { file: string; line: number; title: string; tests: { status: string }[] }[];
  suites?: PlaywrightSuite[];
}

/** Counts from the runners' JSON reports, for the closing line, and the tests that failed. */
function results() {
  let passed = 0;
  let failed = 0;
  const failures: string[] = [];
  if (existsSync(VITEST_REPORT)) {
    const report = JSON.parse(readFileSync(VITEST_REPORT, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    for (const file of report.testResults as { name: string; status: string; assertionResults: { status: string; fullName: string }[] }[]) {
      if (file.status !== "failed") continue;
      const tests = file.assertionResults.filter((test) => test.status === "failed").map((test) => test.fullName);
      // A file can fail with no failed test: it did not load, or a hook threw.
      failures.push(`${path.relative(ROOT, file.name)}${tests.length > 0 ? ` — ${tests.join(" · ")}` : " (le fichier n'a pas pu s'exécuter)"}`);
    }
  }
  if (existsSync(CLUSTER_REPORT)) {
    const report = JSON.parse(readFileSync(CLUSTER_REPORT, "utf8")) as { passed: string[]; failed: string[] };
    passed += report.passed.length;
    failed += report.failed.length;
    failures.push(...report.failed.map((message) => `scripts/test-cluster.ts — ${message}`));
  }
  if (existsSync(PLAYWRIGHT_REPORT)) {
    const report = JSON.parse(readFileSync(PLAYWRIGHT_REPORT, "utf8")) as { stats: { expected: number; flaky: number; unexpected: number }; suites: PlaywrightSuite[] };
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    const visit = (suite: PlaywrightSuite) => {
      for (const spec of suite.specs ?? []) {
        if (spec.tests.some((test) => test.status === "unexpected")) failures.push(`tests/e2e/${spec.file}:${spec.line} — ${spec.title}`);
      }
      suite.suites?.forEach(visit);
    };
    report.suites.forEach(visit);
  }
  return { passed, failed, failures };
}

rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });
rmSync(CLUSTER_REPORT, { force: true });
const only = process.argv.slice(2);
let exitCode = 0;
let failedStep: string | null = null;
for (const [title, command, args, timeout] of steps) {
  if (only.length > 0 && !only.some((word) => title.toLowerCase().includes(word.toLowerCase()))) continue;
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const { status, error } = spawnSync(command, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    timeout,
    killSignal: "SIGKILL",
  });
  const timedOut = (error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  console.log(
    `=== ${title} : ${status === 0 ? "OK" : timedOut ? `ÉCHEC — arrêtée après ${timeout / MINUTE} min` : "ÉCHEC"} (${Math.round((Date.now() - started) / 1000)} s)`,
  );
  if (status !== 0) {
    exitCode = status ?? 1;
    failedStep = title;
    break;
  }
}
const { passed, failed, failures } = results();
if (failedStep) {
  // Impossible to miss: the step, then every failed test file, just above the closing line.
  console.log(`\n✗ ÉCHEC à l'étape « ${failedStep} » (code ${exitCode}); les étapes suivantes n'ont pas été lancées.`);
  for (const failure of failures) console.log(`  ✗ ${failure}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode);

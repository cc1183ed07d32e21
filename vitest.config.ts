import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
const exclude = ["node_modules/**", ".next/**", ".data/**", "tests/e2e/**"];
/** A fixed key for the transfers' encrypted personal details (lib/transfers/personal-data.ts), tests only. */
const env = { TOILE_DATA_KEY: "dGVzdHMtb25seS10b2lsZS1kYXRhLWtleS0zMmJ5dGU=" };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.test.{ts,tsx}"],
          exclude: [...exclude, "**/*.db.test.ts"],
          environment: "node",
          env,
          // A limit for hung tests, not a speed check: real files (687 Hinaura places, 50,000-row
          // corpora) take seconds, several times more on a busy 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // Tests against a real database: each test file gets its own, copied from a migrated template.
          include: ["**/*.db.test.ts"],
          exclude,
          environment: "node",
          env,
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/database-per-file.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: two files at once keeps the databases and the CPU busy without thrashing.
          maxWorkers: 2,
          // After the unit tests (projects with different worker counts need different groups).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

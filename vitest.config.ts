import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
const exclude = ["node_modules/**", ".next/**", ".data/**", "tests/e2e/**"];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [...exclude, "**/*.db.test.ts"],
          environment: "node",
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

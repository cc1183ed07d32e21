/**
 * Runs before each integration test file: gives the file its own database and points the
 * application's Prisma client (lib/db.ts, created on first import) at it.
 */
import { afterAll, inject } from "vitest";
import { createTestDatabase } from "./test-database";

const database = await createTestDatabase(inject("testDatabaseSource"));
process.env.DATABASE_URL = database.url;
process.env.DATABASE_POOL_MAX = "1";

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await database.drop();
});

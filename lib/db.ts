/**
 * The one Prisma client of the application.
 *
 * DATABASE_URL names the PostgreSQL server (the launcher sets it to the embedded database when
 * none is given). DATABASE_POOL_MAX bounds the connections: the embedded database is a single
 * PostgreSQL session, so the launcher sets it to 1 there (docs/ARCHITECTURE.md).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(
  connectionString = process.env.DATABASE_URL,
  poolMax = Number(process.env.DATABASE_POOL_MAX) || 10,
): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolMax });
  return new PrismaClient({ adapter });
}

// One client per process; in development, one across hot reloads too.
const globalForPrisma = globalThis as unknown as { toilePrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.toilePrisma ?? createPrismaClient();
if (process.env.NODE_ENV === "development") globalForPrisma.toilePrisma = db;

export type { PrismaClient };

/**
 * A lib function written `(db, ...)` (so tests pass their own client) with the one client bound:
 * what the page loaders in lib/<feature>/page-data.ts hand to app/, which never imports `db`.
 */
export function withDb<Args extends unknown[], Result>(query: (client: PrismaClient, ...args: Args) => Result) {
  return (...args: Args): Result => query(db, ...args);
}

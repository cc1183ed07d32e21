/**
 * The one Prisma client of the application.
 *
 * DATABASE_URL names the PostgreSQL server (the launcher sets it to the embedded database when
 * none is given). DATABASE_POOL_MAX bounds the connections: the embedded database is a single
 * PostgreSQL session, so the launcher sets it to 1 there (docs/ARCHITECTURE.md).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { noteDatabaseError } from "@/lib/database/availability";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";

/**
 * How long a query waits for a connection (the server unreachable, or every connection of the
 * pool busy) before it fails: the person gets "momentanément indisponible" rather than a page
 * that never comes. `DATABASE_CONNECT_TIMEOUT_MS`, else 5 s.
 */
const connectTimeoutMs = () => Number(process.env.DATABASE_CONNECT_TIMEOUT_MS) || 5_000;
/** A query slower than this is logged (its SQL with placeholders, never its values). `TOILE_SLOW_QUERY_MS`, else 500 ms. */
const slowQueryMs = () => Number(process.env.TOILE_SLOW_QUERY_MS) || 500;

/** A pool whose failed connections mark the request as "database unavailable" (lib/database/availability.ts). */
function createPool(connectionString: string | undefined, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: connectTimeoutMs() });
  // An idle connection the server closed: the pool drops it and opens another when needed.
  pool.on("error", (error) => noteDatabaseError(error));
  const connect = pool.connect.bind(pool) as (callback?: (error: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void) => Promise<pg.PoolClient> | void;
  pool.connect = ((callback?: (error: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void) => {
    if (callback) {
      return connect((error, client, done) => {
        if (error) noteDatabaseError(error);
        callback(error, client, done);
      });
    }
    return (connect() as Promise<pg.PoolClient>).catch((error: unknown) => {
      noteDatabaseError(error);
      throw error;
    });
  }) as typeof pool.connect;
  return pool;
}

export function createPrismaClient(
  connectionString = process.env.DATABASE_URL,
  poolMax = Number(process.env.DATABASE_POOL_MAX) || 10,
): PrismaClient {
  // The client owns the pool: `$disconnect` ends it, as with a pool the adapter made itself.
  const adapter = new PrismaPg(createPool(connectionString, poolMax), { disposeExternalPool: true });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => {
    if (event.duration >= slowQueryMs()) log.warn({ durationMs: event.duration, sql: event.query }, "Requête SQL lente");
  });
  return client;
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

/**
 * The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) behind a socket that
 * speaks the PostgreSQL wire protocol, so the app, Prisma and the schema engine use it exactly
 * like a real server. It is a single PostgreSQL session underneath: the app must use one
 * connection (DATABASE_POOL_MAX=1) so that two transactions never interleave.
 */
import { readdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, "../../.data/pglite");

export interface EmbeddedDatabase {
  url: string;
  dataDir: string | null;
  /** The whole data folder as a tarball, to start identical in-memory copies quickly (tests). */
  snapshot(): Promise<Blob>;
  stop(): Promise<void>;
}

export class EmbeddedDatabaseError extends Error {}

export interface EmbeddedOptions {
  /** A folder that keeps the data between runs, or null for a database in memory. */
  dataDir: string | null;
  /** A snapshot made by `snapshot()` to start from (in-memory databases only). */
  loadFrom?: Blob;
  port?: number;
  maxConnections?: number;
}

export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { dataDir } = options;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const isExisting = dataDir !== null && readdirSync(dataDir).length > 0;

  let db: PGlite;
  try {
    db = await PGlite.create(dataDir ?? "memory://", { loadDataDir: options.loadFrom });
    await db.query("select 1");
  } catch (error) {
    if (dataDir && isExisting) {
      throw new EmbeddedDatabaseError(
        `Le dossier de la base intégrée « ${dataDir} » est illisible ou incomplet ` +
          `(${(error as Error).message}). Pour repartir d'une base neuve avec les données de démonstration : npm run db:reset`,
      );
    }
    throw error;
  }

  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 8,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new EmbeddedDatabaseError(
        `Le port ${options.port} de la base intégrée est déjà utilisé : choisissez-en un autre avec EMBEDDED_DATABASE_PORT.`,
      );
    }
    throw error;
  }
  const port = server.getServerConn().split(":").pop();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    dataDir,
    snapshot: () => db.dumpDataDir("none"),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

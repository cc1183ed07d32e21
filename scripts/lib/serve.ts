/**
 * Starts Toile: picks the database (DATABASE_URL, or the embedded one), prepares it, then runs
 * Next.js in a child process with DATABASE_URL set. The embedded database lives in this
 * process, so it stops cleanly (and keeps its data) when Next.js stops.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { DatabaseUnreachableError, assertDatabaseReachable } from "@/lib/database/connection";
import {
  DEFAULT_DATA_DIR,
  EmbeddedDatabaseError,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from "@/lib/database/embedded";
import { prepareDatabase } from "@/lib/database/prepare";
import { trustedProxyHops, TrustedProxyHopsError } from "@/lib/auth/client-address";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
/** Next's request handler behind Node's HTTP server, which hands the app the TCP peer's address. */
const NEXT_SERVER = path.join(ROOT, "scripts/next-server.mjs");

/** An error the person can fix: printed as one line, without a stack trace. */
export class StartupError extends Error {}

export interface ServeOptions {
  mode: "start" | "dev";
  port: number;
  /** A PostgreSQL server; when absent, the embedded database in `dataDir` (null: in memory). */
  databaseUrl?: string;
  dataDir?: string | null;
  /** Load the demo territory when it is missing (always true for the embedded database). */
  demo?: boolean;
  /** The address the app is given, from the database's (the fault tests put a gate between them). */
  appDatabaseUrl?: (url: string) => Promise<string>;
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new StartupError(
            `Le port ${port} est déjà utilisé (Toile tourne peut-être déjà). ` +
              `Arrêtez l'autre programme ou choisissez un autre port : PORT=${port + 1} npm start`,
          ),
        );
      } else reject(error);
    });
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** A secret from the environment, otherwise one generated once and kept in `.data/<file>`. */
function keptSecret(fromEnvironment: string | undefined, file: string, generate: () => string): string {
  if (fromEnvironment) return fromEnvironment;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = generate();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The secret that signs sessions and CSRF tokens: NEXTAUTH_SECRET when set (required when several
 * instances serve the same site), otherwise one generated once and kept in .data/.
 */
function authSecret(root = ROOT): string {
  return keptSecret(process.env.NEXTAUTH_SECRET, path.join(root, ".data/auth-secret"), () => randomBytes(32).toString("base64url"));
}

/**
 * The key that encrypts the personal details of transfers (lib/transfers/personal-data.ts):
 * TOILE_DATA_KEY when set (required in production with several instances, and to be backed up:
 * without it the details cannot be read), otherwise one generated once and kept in .data/.
 */
function dataKeySecret(root = ROOT): string {
  return keptSecret(process.env.TOILE_DATA_KEY, path.join(root, ".data/data-key"), () => randomBytes(32).toString("base64"));
}

/** Whether the production build is missing or older than the sources it was built from. */
export function needsBuild(root = ROOT): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const newest = (entry: string): number => {
    if (!existsSync(entry)) return 0;
    const stat = statSync(entry);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(
      stat.mtimeMs,
      ...readdirSync(entry).map((child) => newest(path.join(entry, child))),
    );
  };
  const sources = ["app", "components", "lib", "proxy.ts", "prisma/schema.prisma", "next.config.mjs", "package-lock.json"];
  return sources.some((source) => newest(path.join(root, source)) > builtAt);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, [command, ...args], { cwd: ROOT, env, stdio: "inherit" });
}

export async function serve(options: ServeOptions): Promise<number> {
  await assertPortFree(options.port);
  try {
    trustedProxyHops();
  } catch (error) {
    if (error instanceof TrustedProxyHopsError) throw new StartupError(error.message);
    throw error;
  }

  let embedded: EmbeddedDatabase | undefined;
  let url = options.databaseUrl;
  if (url) {
    await assertDatabaseReachable(url);
  } else {
    const dataDir = options.dataDir === undefined ? DEFAULT_DATA_DIR : options.dataDir;
    embedded = await startEmbeddedDatabase({
      dataDir,
      port: Number(process.env.EMBEDDED_DATABASE_PORT) || undefined,
    });
    url = embedded.url;
    console.log(
      `Base intégrée : ${dataDir ? path.relative(ROOT, dataDir) || dataDir : "en mémoire"} (pour une autre base, définissez DATABASE_URL)`,
    );
  }

  try {
    await prepareDatabase({ url, demo: options.demo ?? !!embedded, log: console.log });
    const urlFile = process.env.E2E_DATABASE_URL_FILE;
    if (urlFile) {
      mkdirSync(path.dirname(urlFile), { recursive: true });
      writeFileSync(urlFile, url);
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: options.appDatabaseUrl ? await options.appDatabaseUrl(url) : url,
      // The embedded database is one PostgreSQL session: one connection, so transactions never mix.
      DATABASE_POOL_MAX: embedded ? "1" : process.env.DATABASE_POOL_MAX,
      PORT: String(options.port),
      NEXTAUTH_SECRET: authSecret(),
      TOILE_DATA_KEY: dataKeySecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${options.port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    };

    if (options.mode === "start" && needsBuild()) {
      console.log("Construction de l'application (première fois ou code modifié)…");
      const build = run(NEXT_BIN, ["build"], { ...env, NODE_ENV: "production" });
      const code = await new Promise<number>((resolve) => build.on("exit", (c) => resolve(c ?? 1)));
      if (code !== 0) return code;
    }

    console.log(`Toile démarre sur http://localhost:${options.port}`);
    // `next start` and `next dev` set NODE_ENV themselves; a server of our own must.
    const next = run(NEXT_SERVER, [options.mode, String(options.port)], {
      ...env,
      NODE_ENV: options.mode === "start" ? "production" : "development",
    });
    const stop = (signal: NodeJS.Signals) => next.kill(signal);
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    return await new Promise<number>((resolve) =>
      next.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1))),
    );
  } finally {
    await embedded?.stop();
  }
}

/** Runs `main`, printing the errors a person can fix as one line and exiting non-zero. */
export function runCli(main: () => Promise<number | void>) {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      const known =
        error instanceof StartupError ||
        error instanceof DatabaseUnreachableError ||
        error instanceof EmbeddedDatabaseError;
      console.error(known ? `Erreur : ${(error as Error).message}` : error);
      process.exit(1);
    },
  );
}

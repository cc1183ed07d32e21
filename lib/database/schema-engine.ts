/**
 * Prisma's schema engine, run from its WebAssembly build through the pg driver adapter.
 *
 * Why: Prisma's native schema-engine binary is downloaded at first use, and these machines
 * cannot download it. The WebAssembly engine is the same engine shipped on npm; it reads the
 * same `prisma/migrations` folder and writes the same `_prisma_migrations` table as
 * `prisma migrate deploy`, so a deployment with internet access can still use the standard CLI.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { type Disposable, schemaEngineAdapterFactory } from "./engine-adapter";
import type {
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm";

const PRISMA_DIR = path.resolve(import.meta.dirname, "../../prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };
const LOCKFILE = "migration_lock.toml";

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let engineModule: Promise<EngineModule> | undefined;

/** Instantiates the WebAssembly module once per process (Node cannot import `.wasm` directly). */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    // The engine reports the reason of a Rust panic here before throwing "unreachable".
    const registry = { message: "", set_message(message: string) { registry.message = message; if (process.env.DEBUG_ENGINE) console.error("PANIC", message); } };
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof registry }).PRISMA_WASM_PANIC_REGISTRY = registry;
    const require = createRequire(import.meta.url);
    const bindings = (await import(
      "@prisma/schema-engine-wasm/schema_engine_bg"
    )) as unknown as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

export interface EngineOptions {
  /** The database the engine works on. */
  url: string;
  /**
   * An empty scratch database for the engine to replay migrations into (creating or checking one).
   * Without it, a temporary database is created and dropped on the server of `url`, which a
   * real PostgreSQL allows and the embedded one does not (pass a second embedded database).
   */
  shadowUrl?: string;
  log?: (message: string) => void;
  /** Another schema or migrations folder than the project's (tests). */
  schemaPath?: string;
  migrationsDir?: string;
}

async function withEngine<T>(options: EngineOptions, work: (engine: SchemaEngine) => Promise<T>) {
  const { SchemaEngine } = await loadEngineModule();
  return withShadowDatabase(options, async (shadowUrl) => {
    const opened: Disposable[] = [];
    const factory = schemaEngineAdapterFactory(options.url, shadowUrl, (adapter) =>
      opened.push(adapter),
    );
    const schemaPath = options.schemaPath ?? SCHEMA_PATH;
    const engine = await SchemaEngine.new(
      { datamodels: [[schemaPath, await readFile(schemaPath, "utf8")]] },
      (message: string) => options.log?.(message),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    }
  });
}

/**
 * Runs `work` with a scratch database for the engine: `options.shadowUrl` when given,
 * otherwise a temporary database created beside `options.url` and dropped afterwards.
 */
async function withShadowDatabase<T>(options: EngineOptions, work: (shadowUrl: string) => Promise<T>) {
  if (options.shadowUrl) return work(options.shadowUrl);
  const name = `toile_shadow_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: options.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(options.url);
    shadowUrl.pathname = `/${name}`;
    return await work(shadowUrl.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/** Reads the migrations folder the way the Prisma CLI does. */
async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockContent = await readFile(path.join(dir, LOCKFILE), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

async function readSchemaFiles(schemaPath = SCHEMA_PATH) {
  return { files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] };
}

/** Applies the pending migrations; returns the names of those it applied. */
export async function applyMigrations(options: EngineOptions): Promise<string[]> {
  const migrationsList = await readMigrations(options.migrationsDir);
  return withEngine(options, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList,
      filters: NO_FILTER,
    });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that would bring a database built from the migrations folder to `schema.prisma`,
 * or an empty string when the two agree.
 */
export async function diffMigrationsToSchema(options: EngineOptions): Promise<string> {
  const migrationsList = await readMigrations(options.migrationsDir);
  const schema = await readSchemaFiles(options.schemaPath);
  return withEngine(options, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    return result.exitCode === 0 ? "" : (result.stdout ?? "");
  });
}

export interface NewMigration {
  directory: string;
  sql: string;
}

/** A migration folder name as the Prisma CLI makes it: UTC timestamp, then a snake_case name. */
export function migrationDirectoryName(name: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return slug ? `${stamp}_${slug}` : stamp;
}

/**
 * Writes a new migration with the SQL that brings the migrations folder to `schema.prisma`,
 * or returns null when they already agree. (The WebAssembly engine's own `createMigration`
 * cannot reach a shadow database; its `diff` can, and gives the same SQL.)
 */
export async function createMigration(
  name: string,
  options: EngineOptions,
): Promise<NewMigration | null> {
  const sql = await diffMigrationsToSchema(options);
  if (!sql.trim()) return null;
  const directory = path.join(MIGRATIONS_DIR, migrationDirectoryName(name));
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, "migration.sql"), sql);
  return { directory, sql };
}

/** Drops everything in the database (tables, types, migration history). */
export async function resetDatabase(options: EngineOptions): Promise<void> {
  await withEngine(options, (engine) => engine.reset({ filter: NO_FILTER }));
}

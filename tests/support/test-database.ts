/**
 * Test databases. With TEST_DATABASE_URL, each test file gets a new database on that server,
 * copied from a template migrated once per run. Without it, each test file gets an in-memory
 * embedded PostgreSQL started from a snapshot of a migrated one.
 */
import { randomUUID } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "@/lib/database/embedded";

export type TestDatabaseSource =
  | { kind: "server"; serverUrl: string; template: string }
  | { kind: "embedded"; snapshotPath: string };

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function urlForDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Migrates and loads the vocabularies once; test databases are copies of the result. */
export async function createTemplate(): Promise<{ source: TestDatabaseSource; cleanup(): Promise<void> }> {
  // Imported here, not at the top: it loads lib/db.ts, which must not be created before
  // database-per-file.ts has set DATABASE_URL for the test file.
  const { prepareDatabase } = await import("@/lib/database/prepare");
  const serverUrl = process.env.TEST_DATABASE_URL;
  const runId = randomUUID().slice(0, 8);
  if (serverUrl) {
    const template = `toile_template_${runId}`;
    await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${template}"`));
    await prepareDatabase({ url: urlForDatabase(serverUrl, template), demo: false });
    return {
      source: { kind: "server", serverUrl, template },
      cleanup: () => dropDatabase(serverUrl, template),
    };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  try {
    await prepareDatabase({ url: embedded.url, demo: false });
    const snapshotPath = path.join(os.tmpdir(), `toile-template-${runId}.tar`);
    await writeFile(snapshotPath, Buffer.from(await (await embedded.snapshot()).arrayBuffer()));
    return { source: { kind: "embedded", snapshotPath }, cleanup: () => rm(snapshotPath, { force: true }) };
  } finally {
    await embedded.stop();
  }
}

export async function createTestDatabase(source: TestDatabaseSource): Promise<TestDatabase> {
  if (source.kind === "server") {
    const name = `toile_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    await withAdmin(source.serverUrl, (admin) =>
      admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source.template}"`),
    );
    return {
      url: urlForDatabase(source.serverUrl, name),
      drop: () => dropDatabase(source.serverUrl, name),
    };
  }
  const snapshot = new Blob([await readFile(source.snapshotPath)]);
  const embedded = await startEmbeddedDatabase({ dataDir: null, loadFrom: snapshot });
  return { url: embedded.url, drop: () => embedded.stop() };
}

/** An empty database (no migrations), e.g. for the schema engine's scratch work. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `toile_empty_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
    return {
      url: urlForDatabase(serverUrl, name),
      drop: () => dropDatabase(serverUrl, name),
    };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  return { url: embedded.url, drop: () => embedded.stop() };
}

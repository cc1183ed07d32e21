import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyDatabase, type TestDatabase } from "@/tests/support/test-database";
import pg from "pg";
import {
  applyMigrations,
  diffMigrationsToSchema,
  migrationDirectoryName,
  SCHEMA_PATH,
} from "./schema-engine";

// The engine needs a database to connect to, and an empty one to replay the migrations in.
let target: TestDatabase;
let scratchDir: string;

beforeAll(async () => {
  target = await createEmptyDatabase();
  scratchDir = await mkdtemp(path.join(os.tmpdir(), "toile-schema-"));
});

afterAll(async () => {
  await target.drop();
  await rm(scratchDir, { recursive: true, force: true });
});

async function diffWithFreshShadow(schemaPath?: string) {
  const shadow = await createEmptyDatabase();
  try {
    return await diffMigrationsToSchema({ url: target.url, shadowUrl: shadow.url, schemaPath });
  } finally {
    await shadow.drop();
  }
}

describe("schema.prisma and prisma/migrations", () => {
  it("agree: the migrations build exactly the schema (run `npm run db:migration -- <name>` when this fails)", async () => {
    const sql = await diffWithFreshShadow();
    expect(sql, `Migration missing for:\n${sql}`).toBe("");
  });

  it("are reported as disagreeing when the schema gains a field the migrations lack", async () => {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const changed = schema.replace(
      /model Territory \{\n/,
      "model Territory {\n  motto String?\n",
    );
    expect(changed).not.toBe(schema);
    const schemaPath = path.join(scratchDir, "schema.prisma");
    await writeFile(schemaPath, changed);

    const sql = await diffWithFreshShadow(schemaPath);
    expect(sql).toMatch(/ALTER TABLE "Territory" ADD COLUMN\s+"motto" TEXT/);
  });
});

describe("applyMigrations", () => {
  it("applies every migration once and records them as `prisma migrate deploy` does", async () => {
    const first = await applyMigrations({ url: target.url });
    expect(first.length).toBeGreaterThan(0);
    expect(await applyMigrations({ url: target.url })).toEqual([]);

    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select migration_name from _prisma_migrations where finished_at is not null order by migration_name`,
      );
      expect(rows.map((row) => row.migration_name)).toEqual(first);
    } finally {
      await client.end();
    }
  });
});

describe("a migration script", () => {
  it("is sent whole: a PL/pgSQL body with `;` inside passes, and a failing script leaves nothing behind", async () => {
    const database = await createEmptyDatabase();
    const migrationsDir = path.join(scratchDir, "migrations-whole");
    const write = async (name: string, sql: string) => {
      await mkdir(path.join(migrationsDir, name), { recursive: true });
      await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
    };
    await mkdir(migrationsDir, { recursive: true });
    await writeFile(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
    await write(
      "20260101000000_counter",
      `-- A comment with a ; in it.
CREATE TABLE "Counter" (n INTEGER NOT NULL);
CREATE TABLE "Seen" (n INTEGER NOT NULL);
CREATE FUNCTION count_it() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "Seen" VALUES (NEW.n);
  RETURN NEW;
END;
$$;
CREATE TRIGGER count_it AFTER INSERT ON "Counter" FOR EACH ROW EXECUTE FUNCTION count_it();
`,
    );
    const client = new pg.Client({ connectionString: database.url });
    try {
      expect(await applyMigrations({ url: database.url, migrationsDir })).toEqual(["20260101000000_counter"]);
      await client.connect();
      await client.query(`INSERT INTO "Counter" VALUES (7)`);
      expect((await client.query(`SELECT n FROM "Seen"`)).rows).toEqual([{ n: 7 }]);

      await write("20260102000000_broken", `CREATE TABLE "Half" (n INTEGER);\nSELECT no_such_function();\n`);
      await expect(applyMigrations({ url: database.url, migrationsDir })).rejects.toThrow(/no_such_function/);
      expect((await client.query(`SELECT to_regclass('"Half"') AS half`)).rows).toEqual([{ half: null }]);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});

describe("migrationDirectoryName", () => {
  it("names folders like the Prisma CLI: UTC timestamp then snake_case", () => {
    const at = new Date(Date.UTC(2026, 10, 22, 9, 5, 7));
    expect(migrationDirectoryName("Ajout des comptes", at)).toBe("20261122090507_ajout_des_comptes");
    expect(migrationDirectoryName("--", at)).toBe("20261122090507");
  });
});

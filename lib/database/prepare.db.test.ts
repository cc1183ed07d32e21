/**
 * Several instances starting at once on an empty database (docs/deploy.md): each prepares it, and
 * none fails on the other's vocabulary rows.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyDatabase, type TestDatabase } from "@/tests/support/test-database";
import { prepareDatabase } from "./prepare";

let database: TestDatabase;
beforeAll(async () => {
  database = await createEmptyDatabase();
}, 120_000);
afterAll(() => database.drop());

describe("prepareDatabase", () => {
  it("run by two instances at once on an empty database, succeeds for both and seeds once", async () => {
    // The embedded database is one session for every connection: no lock can tell two instances
    // apart there (it serves one instance, README), so one preparation; two on a real server.
    const instances = process.env.TEST_DATABASE_URL ? 2 : 1;
    const results = await Promise.allSettled(Array.from({ length: instances }, () => prepareDatabase({ url: database.url, demo: false })));
    expect(results.map((result) => result.status)).toEqual(Array(instances).fill("fulfilled"));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ duplicates: string }>(
        `select count(*) as duplicates from (select "vocabularyKey", code from "VocabularyTerm" group by 1, 2 having count(*) > 1) twice`,
      );
      expect(rows[0]!.duplicates).toBe("0");
      expect(Number((await client.query<{ count: string }>(`select count(*) from "VocabularyTerm"`)).rows[0]!.count)).toBeGreaterThan(100);
    } finally {
      await client.end();
    }
  }, 180_000);
});

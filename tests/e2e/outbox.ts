/** Reads the e2e server's outbox, as a person reads their mailbox. */
import { readFileSync } from "node:fs";
import pg from "pg";
import { E2E_DATABASE_URL_FILE } from "../../playwright.config";

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The emails already in the outbox, by id: what a test looks for is what comes after its mark.
 * Ids, not a time: the test's clock, the server's and the database's need not agree.
 */
export type OutboxMark = string[];

export async function outboxMark(): Promise<OutboxMark> {
  return withDatabase(async (client) => (await client.query<{ id: string }>(`select id from "OutboxEmail"`)).rows.map((row) => row.id));
}

/** The emails written since `mark`, optionally only those matching a SQL condition on $2… */
export async function emailsSince(mark: OutboxMark, where = "true", params: unknown[] = []) {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ to: string; subject: string; text: string }>(
      `select "to", subject, text from "OutboxEmail" where not (id = any($1::uuid[])) and (${where}) order by "createdAt" desc, "to"`,
      [mark, ...params],
    );
    return rows;
  });
}

/** The link in the newest email sent to `to` after `mark`, waiting for it a few seconds. */
export async function magicLinkSentTo(to: string, mark: OutboxMark): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [email] = await emailsSince(mark, `"to" = $2`, [to]);
    const link = email?.text.match(/https?:\/\/\S+/)?.[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No email to ${to} in the outbox.`);
}

export async function emailsSentTo(to: string, mark: OutboxMark): Promise<number> {
  return (await emailsSince(mark, `"to" = $2`, [to])).length;
}

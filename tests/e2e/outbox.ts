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

/** The link in the newest email sent to `to` after `since`, waiting for it a few seconds. */
export async function magicLinkSentTo(to: string, since: Date): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const text = await withDatabase(async (client) => {
      const { rows } = await client.query<{ text: string }>(
        `select text from "OutboxEmail" where "to" = $1 and "createdAt" >= $2 order by "createdAt" desc limit 1`,
        [to, since],
      );
      return rows[0]?.text;
    });
    const link = text?.match(/https?:\/\/\S+/)?.[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No email to ${to} in the outbox.`);
}

export async function emailsSentTo(to: string, since: Date): Promise<number> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ count: string }>(
      `select count(*) from "OutboxEmail" where "to" = $1 and "createdAt" >= $2`,
      [to, since],
    );
    return Number(rows[0]!.count);
  });
}

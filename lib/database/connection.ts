import pg from "pg";

export class DatabaseUnreachableError extends Error {}

/** Where a connection string points, without its password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(adresse illisible)";
  }
}

/** Connects once to check that the server answers; throws one clear sentence when it does not. */
export async function assertDatabaseReachable(url: string, timeoutMs = 5000): Promise<void> {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  } catch (error) {
    throw new DatabaseUnreachableError(
      `DATABASE_URL n'est pas une adresse PostgreSQL valide (${(error as Error).message}).`,
    );
  }
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DatabaseUnreachableError(
      `Impossible de joindre la base PostgreSQL de DATABASE_URL (${describeDatabaseUrl(url)} : ${reason}). ` +
        `Vérifiez que le serveur tourne et que l'adresse est juste, ou retirez DATABASE_URL pour utiliser la base intégrée.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

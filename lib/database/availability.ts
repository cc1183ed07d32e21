/**
 * "The database does not answer" — refused, unreachable, shut down, out of connections, or no
 * connection free in the pool in time — as opposed to any other error. Such a request is marked,
 * and Toile's HTTP server (scripts/next-server.mjs) then answers it 503 with `Retry-After` and a
 * page that says so in plain words, instead of a 500 (lib/http/policy.mjs). Server actions
 * answer the form instead, with what was typed (lib/actions/authorized-action.ts).
 *
 * The mark is the request's state that the server keeps in an AsyncLocalStorage under a global
 * symbol: the app's bundles and the server are different module graphs in one process.
 */

/** Keep in step with REQUEST_STATE in scripts/next-server.mjs. */
const REQUEST_STATE = Symbol.for("toile.requestState");

interface RequestState {
  databaseUnavailable: boolean;
}

/** Thrown where a library swallowed the database's error (next-auth's session read): the outage, said again. */
export class DatabaseUnavailableError extends Error {
  readonly code = "TOILE_DATABASE_UNAVAILABLE";
  constructor(cause?: unknown) {
    super("La base de données ne répond pas.", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/** Node's and PostgreSQL's codes for a connection that could not be made or was lost. */
const CONNECTION_CODES = new Set([
  "TOILE_DATABASE_UNAVAILABLE",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  // PostgreSQL: too many connections, shutting down, starting up, cannot connect now.
  "53300",
  "57P01",
  "57P02",
  "57P03",
  // Prisma: can't reach the server, timed out, connection closed, no connection from the pool in time.
  "P1001",
  "P1002",
  "P1017",
  "P2024",
]);

/** What the pg driver and Prisma's adapter say when a connection fails, when they give no code. */
const CONNECTION_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /can't reach database server/i,
  /server closed the connection/i,
  /connection refused/i,
  /database ?not ?reachable/i,
  /too many (clients|connections)/i,
  /the database system is (shutting down|starting up)/i,
  /Client has encountered a connection error/i,
];

/** Whether `error` (or one of its causes) says the database does not answer. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const { code, errorCode, kind, message, cause } = error as { code?: unknown; errorCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
  if (typeof errorCode === "string" && CONNECTION_CODES.has(errorCode)) return true;
  // Prisma's driver adapters describe an error by its kind.
  if (kind === "DatabaseNotReachable" || kind === "SocketTimeout" || kind === "TooManyConnections" || kind === "ConnectionClosed") return true;
  if (typeof message === "string" && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (cause !== undefined) return isDatabaseUnavailable(cause, depth + 1);
  return false;
}

function currentRequestState(): RequestState | undefined {
  const storage = (globalThis as unknown as Record<symbol, { getStore(): RequestState | undefined } | undefined>)[REQUEST_STATE];
  return storage?.getStore();
}

/** Whether the request being answered has already found the database unavailable. */
export function databaseFoundUnavailable(): boolean {
  return currentRequestState()?.databaseUnavailable ?? false;
}

/** Marks the current request when `error` says the database does not answer; says whether it did. */
export function noteDatabaseError(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  const state = currentRequestState();
  if (state) state.databaseUnavailable = true;
  return true;
}

/**
 * The server's log: pino, one JSON object per line on stdout (no worker-thread transport: a
 * log collector reads stdout), with the request's id when there is one (`requestLog`).
 *
 * No personal data reaches a line. Whatever is logged goes through `scrub`:
 * - values of keys that name people or what they wrote (email, name, address, phone, IP, notes,
 *   messages, the person's details, cookies, tokens, headers…) are replaced by "[masqué]", at
 *   any depth;
 * - an email address anywhere in a string (a message, an error's message or stack) is masked;
 * - an error is kept as its type, message, stack, digest and code only — an AppError's params
 *   (who acted, what they typed) never.
 * Log ids (transfer, structure, offer ids), codes and counts, not contents.
 */
import pino, { type DestinationStream, type Logger } from "pino";
import { AppError } from "@/lib/errors/app-error";
import { REQUEST_ID_HEADER } from "@/lib/request-id";

export type { Logger } from "pino";

export const MASKED = "[masqué]";

/** Keys whose values are personal, compared without case, dashes or underscores. */
const PERSONAL_KEYS = new Set(
  [
    "email", "emails", "to", "from", "cc", "replyTo", "recipients",
    "name", "firstName", "lastName", "fullName", "personLabel", "person", "user", "actorName", "by",
    "address", "street", "postalAddress", "phone", "telephone", "mobile", "contact",
    "ip", "ips", "clientIp", "remoteIp", "forwardedFor", "xForwardedFor", "xRealIp",
    "message", "note", "notes", "noteForPartner", "outcomeNote", "declineMessage", "cancelReason", "askFor",
    "details", "personalDetails", "personalDetailsEncrypted", "needDescription", "accessibilityNeeds",
    "body", "text", "html", "subject", "query", "params", "values", "input", "formData",
    "cookie", "cookies", "authorization", "token", "headers", "password", "secret",
  ].map((key) => normalizeKey(key)),
);
/** Suffixes that make any key personal: `contactEmail`, `senderName`, `homeAddress`, `outcomeNote`. */
const PERSONAL_SUFFIXES = ["email", "emails", "name", "address", "phone", "note", "message"];

function normalizeKey(key: string) {
  return key.replace(/[-_\s]/g, "").toLowerCase();
}

export function isPersonalKey(key: string): boolean {
  const normalized = normalizeKey(key);
  return PERSONAL_KEYS.has(normalized) || PERSONAL_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/g;
const maskEmails = (text: string) => text.replace(EMAIL, "[courriel masqué]");

/** An error as a log may keep it: what and where, never the values it carries. */
function safeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: MASKED };
  const safe: Record<string, unknown> = { type: error.name, message: maskEmails(error.message) };
  if (error.stack) safe.stack = maskEmails(error.stack);
  const { digest, code } = error as { digest?: unknown; code?: unknown };
  if (typeof digest === "string") safe.digest = digest;
  if (error instanceof AppError) safe.code = error.code;
  else if (typeof code === "string" || typeof code === "number") safe.code = code;
  if (error.cause !== undefined && depth < 3) safe.cause = safeError(error.cause, depth + 1);
  return safe;
}

/** A copy of `value` fit for a log line (see the module's comment). */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskEmails(value);
  if (value instanceof Error) return safeError(value);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value;
  if (depth > 6) return "[…]";
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = isPersonalKey(key) ? MASKED : scrub(item, depth + 1);
  return copy;
}

/** `LOG_LEVEL`, else info (silent under Vitest, whose output is the tests'). */
const defaultLevel = () => process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info");

/** A logger writing to `destination` (stdout, synchronously: no worker thread); tests pass their own. */
export function createLogger(destination: DestinationStream = pino.destination({ dest: 1, sync: true }), level = defaultLevel()): Logger {
  const logger = pino(
    {
      level,
      base: { service: "toile" },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      formatters: {
        level: (label) => ({ level: label }),
        // What each call logs (errors included: `scrub` keeps only their safe parts).
        log: (object) => scrub(object) as Record<string, unknown>,
      },
      // pino's own error serializer would read the safe copy `scrub` made as an object again.
      serializers: { err: (error: unknown) => error },
      hooks: {
        // The message itself: an email typed into it is masked too.
        logMethod(args, method) {
          // `log.error(error)`: pino would take the error's message as the line's, unmasked.
          const [first, second] = args as unknown[];
          const given = first instanceof Error && typeof second !== "string" ? [{ err: first }, first.message, ...args.slice(1)] : args;
          method.apply(this, given.map((arg) => (typeof arg === "string" ? maskEmails(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
  // A child's bindings (`log.child({ requestId })`) skip the formatters: scrub them here. Children
  // are made from their parent's prototype, so theirs go through this too.
  const child = logger.child;
  logger.child = function (this: Logger, bindings, options) {
    return child.call(this, scrub(bindings) as typeof bindings, options);
  } as typeof child;
  return logger;
}

const globalForLog = globalThis as unknown as { toileLog?: Logger };

/** The process's logger. */
export const log: Logger = (globalForLog.toileLog ??= createLogger());

/** The request's id, when this runs inside a request (a page, a route, a server action). */
async function currentRequestId(): Promise<string | undefined> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    // Outside a request: the timers, a script.
    return undefined;
  }
}

/** The logger with this request's id on each line (the plain logger outside a request). */
export async function requestLog(): Promise<Logger> {
  const requestId = await currentRequestId();
  return requestId ? log.child({ requestId }) : log;
}

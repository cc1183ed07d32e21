/**
 * The log line of an error Next.js caught on the server (instrumentation.ts, `onRequestError`):
 * what support needs to find it from the reference the error page shows (`digest`), and nothing
 * of the person (lib/log.ts scrubs the rest).
 */
import { REQUEST_ID_HEADER } from "@/lib/request-id";

interface RequestInfo {
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}
interface ContextInfo {
  routePath?: string;
  routeType?: string;
}

export function serverErrorLine(error: unknown, request: RequestInfo, context: ContextInfo) {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String((error as { digest: unknown }).digest) : undefined;
  const sentId = request.headers[REQUEST_ID_HEADER];
  return {
    fields: {
      err: error,
      digest,
      requestId: Array.isArray(sentId) ? sentId[0] : sentId,
      method: request.method,
      // Without the query: it may carry an email (sign-in links), a search, a token.
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
    },
    message: "Erreur serveur",
  };
}

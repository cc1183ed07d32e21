import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { onRequestError } from "@/instrumentation";
import { createLogger, log } from "./log";
import { serverErrorLine } from "./log-request-error";

describe("the log line of a server error", () => {
  it("keeps the digest, the request id, the route and the path without its query or headers", () => {
    const error = Object.assign(new Error("boom"), { digest: "2718281828" });
    const request = {
      path: "/api/auth/callback/email?token=abc&email=jose.martin%40exemple.fr",
      method: "GET",
      headers: { "x-request-id": "req-12345678", cookie: "next-auth.session-token=secret", "x-forwarded-for": "203.0.113.9" },
    };
    const { fields, message } = serverErrorLine(error, request, { routePath: "/api/auth/[...nextauth]", routeType: "route" });
    expect(fields).toEqual({
      err: error,
      digest: "2718281828",
      requestId: "req-12345678",
      method: "GET",
      path: "/api/auth/callback/email",
      route: "/api/auth/[...nextauth]",
      routeType: "route",
    });

    const lines: string[] = [];
    const logger = createLogger(new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }), "info");
    logger.error(fields, message);
    const output = lines.join("");
    for (const secret of ["jose.martin", "secret", "203.0.113.9", "token=abc"]) expect(output).not.toContain(secret);
    expect(JSON.parse(output)).toMatchObject({ level: "error", msg: "Erreur serveur", digest: "2718281828", requestId: "req-12345678", err: { type: "Error", digest: "2718281828" } });
  });

  it("has no digest or request id when there is none", () => {
    const { fields } = serverErrorLine("not an error", { path: "/", method: "GET", headers: {} }, {});
    expect(fields).toMatchObject({ digest: undefined, requestId: undefined, path: "/" });
  });
});

describe("instrumentation's onRequestError", () => {
  const runtime = process.env.NEXT_RUNTIME;
  afterEach(() => {
    process.env.NEXT_RUNTIME = runtime;
    vi.restoreAllMocks();
  });

  it("writes one error line per server error caught by Next.js, in the Node runtime", async () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    process.env.NEXT_RUNTIME = "nodejs";
    const thrown = Object.assign(new Error("boom"), { digest: "42" });
    const request = { path: "/transferts/abc?x=1", method: "GET", headers: { "x-request-id": "req-12345678" } };
    const context = { routerKind: "App Router", routePath: "/transferts/[id]", routeType: "render", renderSource: "server-rendering", revalidateReason: undefined, renderType: "dynamic" } as const;
    await onRequestError(thrown, request, context);
    expect(error).toHaveBeenCalledWith(
      { err: thrown, digest: "42", requestId: "req-12345678", method: "GET", path: "/transferts/abc", route: "/transferts/[id]", routeType: "render" },
      "Erreur serveur",
    );
    process.env.NEXT_RUNTIME = "edge";
    await onRequestError(thrown, request, context);
    expect(error).toHaveBeenCalledTimes(1);
  });
});

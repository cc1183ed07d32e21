import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { conformance } from "@/tests/support/openapi-conformance";
import { OPENAPI, RESPONSE_EXAMPLES } from "./openapi";
import { ROUTE_PARAMS } from "./params";

type Operation = { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: unknown; example?: unknown }> }> };
const paths = OPENAPI.paths as unknown as Record<string, { get: Operation }>;

/** The API's route files, as OpenAPI paths ("[slug]" → "{slug}"). */
function routeFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    // The catch-all only answers 404 for paths the API does not have.
    if (entry !== "route.ts" || directory.includes("[...")) return [];
    return [`/${path.relative(path.resolve("app"), directory).replace(/\[(\w+)\]/g, "{$1}")}`];
  });
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1.0 and documents every route of app/api/v1", () => {
    expect(OPENAPI.openapi).toBe("3.1.0");
    const routes = routeFiles(path.resolve("app/api/v1")).sort();
    expect(routes).toContain("/api/v1/territories/{slug}/offers");
    expect(Object.keys(paths).sort()).toEqual(routes);
    expect(Object.keys(ROUTE_PARAMS).sort()).toEqual(routes);
  });

  it("documents exactly the query parameters each handler accepts, and the path parameters", () => {
    for (const [route, schema] of Object.entries(ROUTE_PARAMS)) {
      const parameters = paths[route]!.get.parameters ?? [];
      expect(parameters.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name).sort(), route).toEqual(Object.keys(schema.shape).sort());
      const inPath = [...route.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(parameters.filter((parameter) => parameter.in === "path").map((parameter) => parameter.name), route).toEqual(inPath);
    }
  });

  it("has examples that validate against the schemas it declares", () => {
    for (const { schema, example } of RESPONSE_EXAMPLES) expect(schema.safeParse(example).error?.issues ?? []).toEqual([]);
    // Each operation's documented example is one of those.
    const examples = new Set(RESPONSE_EXAMPLES.map(({ example }) => JSON.stringify(example)));
    for (const [route, item] of Object.entries(paths)) {
      for (const response of Object.values(item.get.responses)) {
        for (const media of Object.values(response.content ?? {})) {
          if (media.example !== undefined) expect(examples.has(JSON.stringify(media.example)), route).toBe(true);
        }
      }
    }
  });

  it("has examples that a validating client accepts: each matches exactly one branch of its response's schema", async () => {
    let checked = 0;
    for (const [route, item] of Object.entries(paths)) {
      for (const [status, response] of Object.entries(item.get.responses)) {
        for (const [mediaType, media] of Object.entries(response.content ?? {})) {
          if (media.example === undefined) continue;
          const answer = new Response(JSON.stringify(media.example), { status: Number(status), headers: { "content-type": mediaType } });
          expect(await conformance(route, "get", answer), route).toEqual([]);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it("resolves every reference to a declared schema", () => {
    const text = JSON.stringify(OPENAPI);
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(OPENAPI.components.schemas, ref).toHaveProperty(ref);
    expect(text).not.toContain("#/$defs/");
  });
});

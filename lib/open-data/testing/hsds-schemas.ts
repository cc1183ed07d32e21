/**
 * The official HSDS 3.1 compiled organization schema (tests/fixtures/hsds, copied from
 * openreferral/specification: everything an organization nests, services included), compiled with ajv and its formats (uuid, email, uri, date-time), for the tests of every HSDS output.
 * The schemas declare no draft and use Table Schema annotations (`constraints`, `core`…) that are
 * not JSON Schema keywords: ajv runs without strict mode so that it ignores them. No HSDS schema
 * allows null anywhere, so a null field fails validation.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { Ajv, type ErrorObject } from "ajv";
import addFormatsModule from "ajv-formats";
import { HSDS_ORGANIZATION_SCHEMA_GZ } from "@/tests/support/fixtures";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The compiled organization schema's text, as published (the README gives its sha256). */
export const hsdsOrganizationSchemaText = () => gunzipSync(readFileSync(HSDS_ORGANIZATION_SCHEMA_GZ)).toString("utf8");

function compileAll() {
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true, inlineRefs: false }));
  ajv.addSchema(JSON.parse(hsdsOrganizationSchemaText()) as object, "organization.json");
  return {
    // schema/compiled/organization_package.json is this array of compiled organizations.
    organizations: ajv.compile({ type: "array", items: { $ref: "organization.json" } }),
    organization: ajv.compile({ $ref: "organization.json" }),
    // schema/compiled/service.json is the same schema as the compiled organization's `services` items.
    service: ajv.compile({ $ref: "organization.json#/properties/services/items" }),
  };
}

let compiled: ReturnType<typeof compileAll> | undefined;

/** The schema's errors for a value, as "path: message" lines (empty when it validates). */
export function hsdsErrors(schema: "organizations" | "organization" | "service", value: unknown): string[] {
  compiled ??= compileAll();
  const validate = compiled[schema];
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || "/"}: ${error.message ?? error.keyword}`);
}

/** Where a value holds null (JSON pointers). */
export function nullPaths(value: unknown, at = ""): string[] {
  if (value === null) return [at || "/"];
  if (Array.isArray(value)) return value.flatMap((item, index) => nullPaths(item, `${at}/${index}`));
  if (typeof value === "object") return Object.entries(value as object).flatMap(([key, item]) => nullPaths(item, `${at}/${key}`));
  return [];
}

/**
 * The public API's responses checked against its own OpenAPI document, as a validating client
 * would: OpenAPI 3.1 schemas are JSON Schema 2020-12 (ajv 2020 with ajv-formats).
 */
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { OPENAPI } from "@/lib/open-data/api/openapi";

/**
 * The document as a validating client reads it: OpenAPI 3.1 schemas are JSON Schema 2020-12.
 * OpenAPI's own keywords (`discriminator`, `example`) are annotations here, hence strictSchema off.
 */
const DOCUMENT_ID = "https://toile.test/api/v1/openapi.json";
const ajv = new Ajv2020({ allErrors: true, strictSchema: false });
addFormats(ajv);
ajv.addSchema({ ...(JSON.parse(JSON.stringify(OPENAPI)) as object), $id: DOCUMENT_ID });
const validators = new Map<string, ValidateFunction>();

type ResponseObject = { $ref?: string; headers?: Record<string, unknown>; content?: Record<string, unknown> };
type PathItem = Record<string, { responses: Record<string, ResponseObject> }>;
const pointer = (...tokens: string[]) => tokens.map((token) => encodeURIComponent(token.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/");

/**
 * Checks a real response against what the document declares for its path, method, status and
 * content type: the status must be documented, a body must have a schema for its media type,
 * and the body must validate against it. Returns the validation errors (none expected).
 */
export async function conformance(template: string, method: string, response: Response): Promise<unknown[]> {
  // HEAD is GET without the body (RFC 9110): the document declares GET.
  const operation = (OPENAPI.paths as unknown as Record<string, PathItem>)[template]?.[method === "head" ? "get" : method];
  if (!operation) return [`${method} ${template}: not in the document`];
  let declared = operation.responses[String(response.status)];
  let declaredPath = ["paths", template, method === "head" ? "get" : method, "responses", String(response.status)];
  if (!declared) return [`${method} ${template}: status ${response.status} not in the document`];
  if (declared.$ref) {
    declaredPath = declared.$ref.slice(2).split("/");
    declared = (OPENAPI.components as unknown as Record<string, Record<string, ResponseObject>>)[declaredPath[1]!]![declaredPath[2]!]!;
  }
  const text = await response.text();
  if (response.status === 304 || (method === "head" && text === "")) return [];
  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (!declared.content?.[mediaType]) return [`${method} ${template} ${response.status}: no schema for ${mediaType}`];
  const at = pointer(...declaredPath, "content", mediaType, "schema");
  if (!validators.has(at)) validators.set(at, ajv.compile({ $ref: `${DOCUMENT_ID}#/${at}` }));
  const validate = validators.get(at)!;
  return validate(JSON.parse(text)) ? [] : (validate.errors ?? []).map(({ instancePath, message, params }) => `${method} ${template} ${response.status}: ${instancePath} ${message} ${JSON.stringify(params)}`);
}


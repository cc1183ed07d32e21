/** The public API's OpenAPI 3.1 document (lib/open-data/api/openapi.ts). */
import { methodNotAllowed, preflightResponse } from "@/lib/open-data/api/http";
import { getOpenApi } from "@/lib/open-data/api/handlers";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => getOpenApi(request);
export const HEAD = GET;
export const OPTIONS = () => preflightResponse();
// Read-only: 405 with Allow and a problem in JSON.
export const POST = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;

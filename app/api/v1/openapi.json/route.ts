/** The public API's OpenAPI 3.1 document (lib/open-data/api/openapi.ts). */
import { preflightResponse } from "@/lib/open-data/api/http";
import { getOpenApi } from "@/lib/open-data/api/handlers";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => getOpenApi(request);
export const HEAD = GET;
export const OPTIONS = () => preflightResponse();

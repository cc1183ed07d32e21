import { methodNotAllowed, preflightResponse } from "@/lib/open-data/api/http";
import { territoriesEndpoint } from "@/lib/open-data/api/endpoints";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => territoriesEndpoint(request);
export const HEAD = GET;
export const OPTIONS = () => preflightResponse();
// Read-only: 405 with Allow and a problem in JSON.
export const POST = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;

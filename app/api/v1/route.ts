/** The public API's root: its version and links (docs: /api). */
import { methodNotAllowed, preflightResponse } from "@/lib/open-data/api/http";
import { getApiRoot } from "@/lib/open-data/api/handlers";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => getApiRoot(request);
export const HEAD = GET;
export const OPTIONS = () => preflightResponse();
// Read-only: 405 with Allow and a problem in JSON.
export const POST = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;

import { methodNotAllowed, preflightResponse } from "@/lib/open-data/api/http";
import { offerEndpoint } from "@/lib/open-data/api/endpoints";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = async (request: Request, { params }: Context) => offerEndpoint(request, (await params).id);
export const HEAD = GET;
export const OPTIONS = () => preflightResponse();
// Read-only: 405 with Allow and a problem in JSON.
export const POST = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;

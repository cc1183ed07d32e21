import { preflightResponse } from "@/lib/open-data/api/http";
import { territoriesEndpoint } from "@/lib/open-data/api/endpoints";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => territoriesEndpoint(request);
export const HEAD = GET;
export const OPTIONS = () => preflightResponse();

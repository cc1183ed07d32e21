import { preflightResponse } from "@/lib/open-data/api/http";
import { offerEndpoint } from "@/lib/open-data/api/endpoints";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = async (request: Request, { params }: Context) => offerEndpoint(request, (await params).id);
export const HEAD = GET;
export const OPTIONS = () => preflightResponse();

/** A file of the territory's « Données ouvertes » page: published data only, for anyone. */
import { preflightResponse } from "@/lib/open-data/api/http";
import { downloadEndpoint } from "@/lib/open-data/api/endpoints";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ territory: string; format: string }> };

export const GET = async (request: Request, { params }: Context) => {
  const { territory, format } = await params;
  return downloadEndpoint(request, territory, format);
};
export const HEAD = GET;
export const OPTIONS = () => preflightResponse();

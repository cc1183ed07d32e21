/** A file of the territory's « Données ouvertes » page: published data only, for anyone. */
import { db } from "@/lib/db";
import { preflightResponse } from "@/lib/open-data/api/http";
import { getDownload } from "@/lib/open-data/api/handlers";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ territory: string; format: string }> };

export const GET = async (request: Request, { params }: Context) => {
  const { territory, format } = await params;
  return getDownload(db, request, territory, format);
};
export const HEAD = GET;
export const OPTIONS = () => preflightResponse();

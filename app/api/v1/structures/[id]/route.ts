import { db } from "@/lib/db";
import { preflightResponse } from "@/lib/open-data/api/http";
import { getStructure } from "@/lib/open-data/api/handlers";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = async (request: Request, { params }: Context) => getStructure(db, request, (await params).id);
export const HEAD = GET;
export const OPTIONS = () => preflightResponse();

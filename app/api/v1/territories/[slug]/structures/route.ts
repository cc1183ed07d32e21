import { db } from "@/lib/db";
import { preflightResponse } from "@/lib/open-data/api/http";
import { getStructures } from "@/lib/open-data/api/handlers";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

export const GET = async (request: Request, { params }: Context) => getStructures(db, request, (await params).slug);
export const HEAD = GET;
export const OPTIONS = () => preflightResponse();

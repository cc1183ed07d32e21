import { db } from "@/lib/db";
import { preflightResponse } from "@/lib/open-data/api/http";
import { getTerritories } from "@/lib/open-data/api/handlers";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => getTerritories(db, request);
export const HEAD = GET;
export const OPTIONS = () => preflightResponse();

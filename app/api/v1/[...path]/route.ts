/** Any other path under /api/v1: a 404 in JSON, as the API's other errors, rather than an HTML page. */
import { notFound, preflightResponse } from "@/lib/open-data/api/http";

export const GET = () => notFound("Cette adresse n'existe pas dans l'API : voir /api/v1/openapi.json.");
export const HEAD = GET;
// An address the API does not have: 404 whatever the method (405 would say the resource exists).
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
export const OPTIONS = () => preflightResponse();

/**
 * A health check for load balancers and monitoring: the app answers and reaches its database.
 * Also the benchmark's floor: the cheapest dynamic route this server has.
 */
import { databaseAnswers } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  if (await databaseAnswers()) return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
  return Response.json({ ok: false }, { status: 503, headers: { "cache-control": "no-store" } });
}

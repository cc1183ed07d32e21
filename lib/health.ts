/** The health check's question (app/api/sante): does the database answer? */
import { db } from "@/lib/db";

export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

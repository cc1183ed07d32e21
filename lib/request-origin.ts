/** For pages and actions only (it reads the request's headers): lib/site-url.ts is the address for scripts and emails. */
import { headers } from "next/headers";

/** The site's address as the visitor reached it (NEXTAUTH_URL when set: the server sends every other host name there). */
export async function requestOrigin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.replace(/\/$/, "");
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const protocol = list.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}

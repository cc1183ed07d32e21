/**
 * The magic-link request's refusals travel from the route that checks them
 * (app/api/auth/[...nextauth]/route.ts) back to /connexion in the URL, as codes — never as words,
 * which anyone could put in a link to make the sign-in page say anything. The page says a known
 * code with the one mapper (lib/errors/messages.ts) and ignores anything else.
 */
import type { z } from "zod";
import { messageOf, type Coded } from "@/lib/errors/messages";

export type SignInCoded = Extract<Coded, { code: `sign_in.${string}` }>;

const CODES = new Set<string>(["sign_in.email_missing", "sign_in.email_too_long", "sign_in.email_invalid", "sign_in.too_many_links"]);

/** The code of the sign-in schema's first issue (lib/auth/schemas.ts), by zod's issue code. */
export function signInCodeOf(error: z.ZodError): SignInCoded {
  const issue = error.issues[0];
  if (issue?.code === "too_small") return { code: "sign_in.email_missing" };
  if (issue?.code === "too_big") return { code: "sign_in.email_too_long" };
  return { code: "sign_in.email_invalid" };
}

/** The query parameters that carry a refusal to /connexion. */
export function signInErrorQuery(coded: SignInCoded): Record<string, string> {
  return coded.code === "sign_in.too_many_links" ? { erreur: coded.code, minutes: String(coded.params.minutes) } : { erreur: coded.code };
}

/** The words of the refusal in /connexion's query, if it is one; nothing for anything else. */
export function signInErrorWords(query: { erreur?: string; minutes?: string }): string | undefined {
  const code = query.erreur;
  if (!code || !CODES.has(code)) return undefined;
  if (code === "sign_in.too_many_links") {
    const minutes = Number(query.minutes);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) return undefined;
    return messageOf({ code, params: { minutes } });
  }
  return messageOf({ code } as SignInCoded);
}

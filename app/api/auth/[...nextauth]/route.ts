import { nextAuthHandler as handler, type NextAuthContext as Context } from "@/lib/auth/handler";
import { signInSchema } from "@/lib/auth/schemas";
import { clientIp } from "@/lib/auth/client-address";
import { signInCodeOf, signInErrorQuery } from "@/lib/auth/sign-in-errors";
import { magicLinkWait } from "@/lib/auth/page-data";

function backToSignIn(request: Request, params: Record<string, string>) {
  const url = new URL("/connexion", request.url);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return Response.redirect(url, 303);
}

export async function GET(request: Request, context: Context) {
  const response = await handler(request, context);
  const [action, provider] = (await context.params).nextauth;
  // An expired or used magic link: keep the address, so the error page can send a new link.
  const location = response.headers.get("location");
  const email = new URL(request.url).searchParams.get("email");
  if (action === "callback" && provider === "email" && email && location?.includes("error=Verification")) {
    const errorPage = new URL("/connexion/erreur", request.url);
    errorPage.searchParams.set("error", "Verification");
    errorPage.searchParams.set("email", email);
    return Response.redirect(errorPage, 302);
  }
  return response;
}

/** Magic-link requests are validated and rate-limited here, before next-auth sees them. */
export async function POST(request: Request, context: Context) {
  const [action, provider] = (await context.params).nextauth;
  if (action === "signin" && provider === "email") {
    const form = await request.clone().formData();
    const callbackUrl = String(form.get("callbackUrl") ?? "/compte");
    const parsed = signInSchema.safeParse({ email: form.get("email") ?? "" });
    if (!parsed.success) {
      return backToSignIn(request, {
        callbackUrl,
        email: String(form.get("email") ?? ""),
        ...signInErrorQuery(signInCodeOf(parsed.error)),
      });
    }
    const waitMinutes = await magicLinkWait(parsed.data.email, clientIp(request.headers));
    if (waitMinutes !== null) {
      return backToSignIn(request, {
        callbackUrl,
        email: parsed.data.email,
        ...signInErrorQuery({ code: "sign_in.too_many_links", params: { minutes: waitMinutes } }),
      });
    }
  }
  return handler(request, context);
}

import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { isDevelopment, SESSION_COOKIE } from "@/lib/auth/dev";
import { devSignIn } from "@/lib/auth/page-data";
import { DEMO_ACCOUNTS } from "@/lib/demo/territory";

export const dynamic = "force-dynamic";

async function signInAs(formData: FormData) {
  "use server";
  if (!isDevelopment()) notFound();
  const session = await devSignIn(String(formData.get("email")));
  if (!session) notFound();
  const { sessionToken, expires } = session;
  (await cookies()).set(SESSION_COOKIE, sessionToken, { expires, httpOnly: true, sameSite: "lax", path: "/" });
  redirect("/compte");
}

export default function DevSignInPage() {
  if (!isDevelopment()) notFound();
  return (
    <>
      <h1 className="text-3xl font-bold">Se connecter avec un compte de démonstration</h1>
      <p className="mt-2">
        En développement seulement. Pour le vrai parcours, demandez un lien sur{" "}
        <a href="/connexion" className="text-accent underline">la page de connexion</a> et ouvrez-le depuis{" "}
        <a href="/dev/courriels" className="text-accent underline">les courriels envoyés</a>.
      </p>
      <ul className="mt-4 space-y-2">
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.email}>
            <form action={signInAs}>
              <input type="hidden" name="email" value={account.email} />
              <button type="submit" className="text-left text-accent underline">
                {account.name} — {account.role} ({account.email})
              </button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}

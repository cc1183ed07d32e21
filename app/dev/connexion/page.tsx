import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { createSession, isDevelopment, SESSION_COOKIE } from "@/lib/auth/dev";
import { DEMO_ACCOUNTS } from "@/lib/demo/territory";

export const dynamic = "force-dynamic";

async function signInAs(formData: FormData) {
  "use server";
  if (!isDevelopment()) notFound();
  const user = await db.user.findUnique({ where: { email: String(formData.get("email")) } });
  if (!user) notFound();
  const { sessionToken, expires } = await createSession(db, user.id);
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

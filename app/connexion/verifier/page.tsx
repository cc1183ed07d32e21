import type { Metadata } from "next";

export const metadata: Metadata = { title: "Regardez vos courriels" };

export default function CheckEmailPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Regardez vos courriels</h1>
      <p className="mt-2 max-w-prose">
        Un lien de connexion vient de partir vers l&apos;adresse indiquée. Ouvrez-le sur n&apos;importe quel
        appareil : il fonctionne une seule fois, pendant 15 minutes.
      </p>
      <p className="mt-2 max-w-prose">
        Rien reçu après quelques minutes ? Regardez dans les indésirables, ou{" "}
        <a href="/connexion" className="text-accent underline">
          demandez un nouveau lien
        </a>
        .
      </p>
    </>
  );
}

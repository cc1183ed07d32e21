/** The public API's documentation for people: what it gives, with examples, and the OpenAPI file. */
import type { Metadata } from "next";
import { needIdentifiers } from "@/lib/open-data/api/params";

export const metadata: Metadata = { title: "API publique", description: "L'offre publiée des territoires, en lecture seule, en JSON." };

const EXAMPLES = [
  { request: "GET /api/v1/territories", what: "les territoires, avec leurs liens." },
  { request: "GET /api/v1/territories/val-de-lise/offers?need=demarches-administratives&commune=02168", what: "les offres publiées pour les démarches administratives dans une commune (code INSEE ou code postal)." },
  { request: "GET /api/v1/territories/val-de-lise/offers?updated_since=2026-11-01T00:00:00Z&limit=100", what: "ce qui a changé ou a été vérifié depuis une date — horaires, fermetures et lieux compris —, 100 par page ; la page suivante est dans « next »." },
  { request: "GET /api/v1/territories/val-de-lise/structures?format=hsds", what: "les structures au format Open Referral HSDS 3.1 (y compris belges)." },
  { request: "GET /api/v1/territories/val-de-lise?format=lmn", what: "tout le territoire au standard Lieux de médiation numérique v1.0.1 (aussi data-inclusion, hsds)." },
  { request: "GET /api/v1/offers/{id}?format=data-inclusion", what: "une offre en service data·inclusion v1." },
];

export default function ApiPage() {
  // The values `need` accepts: a 400 on an unknown one points here (#besoins).
  const { needs, vocabularies } = needIdentifiers();
  return (
    <>
      <h1 className="text-2xl font-bold sm:text-3xl">API publique de Toile</h1>
      <p className="mt-2 text-lg text-slate-700">
        L&apos;offre publiée des territoires — structures, lieux, offres, horaires — en lecture seule, sans compte ni clé. Les
        brouillons n&apos;y sont jamais. Les identifiants sont des UUID stables.
      </p>
      <p className="mt-4">
        <a href="/api/v1/openapi.json" className="inline-block min-h-11 py-2 text-lg font-semibold text-accent underline">
          Description OpenAPI 3.1 (JSON)
        </a>
      </p>

      <section aria-labelledby="exemples" className="mt-6">
        <h2 id="exemples" className="text-2xl font-bold">
          Exemples
        </h2>
        <ul className="mt-3 space-y-3">
          {EXAMPLES.map((example) => (
            <li key={example.request}>
              <code className="break-all">{example.request}</code>
              <p className="text-slate-700">{example.what}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="regles" className="mt-8">
        <h2 id="regles" className="text-2xl font-bold">
          Règles
        </h2>
        <ul className="mt-3 list-disc space-y-2 ps-6">
          <li>
            Formats : <code>format=toile</code> (par défaut, le JSON de Toile), <code>data-inclusion</code> (v1, structures
            françaises), <code>hsds</code> (Open Referral 3.1) ; <code>lmn</code> pour un territoire entier.
          </li>
          <li>
            Pages : <code>limit</code> de 1 à 200 (50 par défaut) ; suivez le lien <code>next</code>, qui est <code>null</code> à la
            dernière page.
          </li>
          <li>Un paramètre invalide répond 400 en JSON (application/problem+json) en disant lequel et pourquoi ; un identifiant inconnu, 404.</li>
          <li>
            Ouverte à tous les sites (CORS) ; réponses en cache 5 minutes, avec un ETag : renvoyez-le dans <code>If-None-Match</code>{" "}
            pour une réponse 304 sans contenu.
          </li>
          <li>Les fichiers complets de chaque territoire sont aussi sur sa page « Données ouvertes » : /t/&lt;territoire&gt;/donnees.</li>
          <li>
            Lecture seule : <code>POST</code>, <code>PUT</code>, <code>PATCH</code> et <code>DELETE</code> répondent 405, avec l&apos;en-tête{" "}
            <code>Allow: GET, HEAD, OPTIONS</code>.
          </li>
        </ul>
      </section>

      <section aria-labelledby="besoins" className="mt-8">
        <h2 id="besoins" className="text-2xl font-bold">
          Valeurs de <code>need</code>
        </h2>
        <p className="mt-2">
          Un identifiant de besoin (celui de la recherche des habitants), ou un code de l&apos;un des deux vocabulaires ci-dessous ; les
          équivalents par les correspondances de Toile sont inclus. Toute autre valeur répond 400.
        </p>
        <h3 className="mt-4 text-xl font-bold">Besoins</h3>
        <dl className="mt-2 space-y-2">
          {needs.map((need) => (
            <div key={need.slug}>
              <dt>
                <code>{need.slug}</code>
              </dt>
              <dd className="text-slate-700">{need.label}</dd>
            </div>
          ))}
        </dl>
        {vocabularies.map(({ vocabulary, codes }) => (
          <details key={vocabulary} className="mt-4">
            <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold">
              Codes de <code>{vocabulary}</code> ({codes.length})
            </summary>
            <ul className="mt-2 list-disc space-y-1 ps-6">
              {codes.map((code) => (
                <li key={code}>
                  <code className="break-all">{code}</code>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </section>
    </>
  );
}

/** @jsxImportSource @/lib/html */
/** The public fiche's 429 page (proxy.ts): what happened and what to do, in French, no script. */
import { htmlDocument } from "@/lib/html/document";
import { safeUrl } from "@/lib/html/url";

export function ficheRateLimitedPage(minutes: number): string {
  return htmlDocument(
    "fr",
    { title: "Trop de tentatives", noIndex: true },
    null,
    <>
      <h1 class="text-3xl font-bold">Trop de tentatives</h1>
      <p class="mt-3 max-w-prose text-lg">
        Beaucoup de codes ont été essayés depuis cette connexion. Réessayez dans {String(minutes)} minute{minutes > 1 ? "s" : ""}, ou appelez la
        structure qui vous a remis la fiche.
      </p>
      <p class="mt-4">
        <a href={safeUrl("/")} class="text-accent underline">
          Accueil de Toile
        </a>
      </p>
    </>,
  );
}

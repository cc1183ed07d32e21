/** @jsxImportSource @/lib/html */
/**
 * A public page that failed (a bug, not an outage: that one is the server's 503), as the React
 * pages say it (components/errors/ErrorNotice.tsx): in plain French, "Réessayer" — a GET form to the
 * same address, so it works without JavaScript —, the way home, and the reference support can find
 * in the logs. Never the error's message or stack.
 */
import { safeUrl } from "./url";
import type { HtmlPage } from "./respond";

const ERROR_TITLE = "Quelque chose n'a pas marché";

export function errorPage(url: URL, reference: string): HtmlPage {
  const main = (
    <div lang="fr" dir="ltr" class="space-y-4 text-start">
      <h1 class="text-2xl font-bold">{ERROR_TITLE}</h1>
      <p>Toile n'a pas pu afficher cette page ou finir ce que vous avez demandé. Ce n'est pas de votre faute.</p>
      <p>Vous pouvez :</p>
      <ul class="list-disc space-y-2 ps-6">
        <li>
          <form method="get" action={safeUrl(url.pathname)} class="inline">
            {[...url.searchParams].map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            {"réessayer dans un instant : "}
            <button type="submit" class="rounded bg-accent px-3 py-1 font-medium text-white">
              Réessayer
            </button>
          </form>
        </li>
        <li>
          ou{" "}
          <a href={safeUrl("/")} class="text-accent underline">
            revenir à l'accueil
          </a>
          .
        </li>
      </ul>
      <p>
        Si cela recommence, écrivez à l'équipe qui s'occupe de Toile sur votre territoire en donnant ce numéro de référence :{" "}
        <strong class="font-mono select-all">{reference}</strong>. Il lui permet de retrouver ce qui s'est passé.
      </p>
    </div>
  );
  return { head: { title: ERROR_TITLE, noIndex: true }, main };
}

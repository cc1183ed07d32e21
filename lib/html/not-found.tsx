/** @jsxImportSource @/lib/html */
/** "Page introuvable", with the way back: app/not-found.tsx and the pages written as HTML. */
import { safeUrl } from "./url";

const NOT_FOUND_TITLE = "Page introuvable";

export const notFoundMain = () => (
  <>
    <h1 class="text-2xl font-bold">{NOT_FOUND_TITLE}</h1>
    <p class="mt-2">
      Cette page n'existe pas ou plus.{" "}
      <a href={safeUrl("/")} class="text-accent underline">
        Revenir à l'accueil
      </a>
    </p>
  </>
);

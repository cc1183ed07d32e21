/** "Page introuvable", with the way back: app/not-found.tsx and the pages written as HTML. */
import { html } from "./html";

export const NOT_FOUND_TITLE = "Page introuvable";

export const notFoundMain = () =>
  html`<h1 class="text-2xl font-bold">${NOT_FOUND_TITLE}</h1><p class="mt-2">Cette page n'existe pas ou plus. <a href="/" class="text-accent underline">Revenir à l'accueil</a></p>`;

/** @jsxImportSource @/lib/html */
/**
 * The public fiche pages, in French like the fiche itself, never indexed: the fiche by its code
 * (`/fiche/<code>`), "Fiche introuvable", and the form where a person types the code printed on
 * their fiche (`/fiche`).
 */
import type { HtmlPage } from "@/lib/html/respond";
import { safeUrl } from "@/lib/html/url";
import type { Fiche } from "../fiche";
import { ficheSheet } from "./fiche-sheet";

const HOME = safeUrl("/");

export async function publicFichePage(fiche: Fiche): Promise<HtmlPage> {
  const main = (
    <>
      <h1 class="sr-only">{`Fiche de transfert ${fiche.code}`}</h1>
      {await ficheSheet(fiche, "public")}
    </>
  );
  return { head: { title: "Fiche de transfert", description: "Où aller, quand, quoi apporter : la fiche remise par la structure qui vous oriente.", noIndex: true }, main };
}

function lookupForm(typed: string) {
  return (
    <form method="get" action={safeUrl("/fiche")} class="mt-4 space-y-3">
      <div>
        <label for="fiche-code" class="block font-semibold">
          Le code de votre fiche
        </label>
        <p id="fiche-code-aide" class="text-slate-700">
          Il est imprimé en grand sur la fiche, par exemple « TR-7K4Q-2M ».
        </p>
        <input id="fiche-code" name="code" type="text" value={typed} maxlength={40} autocomplete="off" aria-describedby="fiche-code-aide" class="mt-1 block min-h-11 w-full max-w-xs rounded border border-slate-500 px-3 py-2 font-mono text-lg uppercase" />
      </div>
      <button type="submit" class="min-h-11 rounded bg-accent px-5 py-2 text-lg font-semibold text-white">
        Voir la fiche
      </button>
    </form>
  );
}

export function ficheLookupPage(): HtmlPage {
  const main = (
    <>
      <h1 class="text-3xl font-bold">Retrouver une fiche de transfert</h1>
      <p class="mt-3 max-w-prose text-lg">Une structure vous a remis une fiche pour aller voir un partenaire ? Tapez son code pour revoir où aller, quand, et quoi apporter.</p>
      {lookupForm("")}
    </>
  );
  return { head: { title: "Retrouver une fiche de transfert", description: "Revoir sa fiche de transfert avec le code imprimé dessus : où aller, quand, quoi apporter.", noIndex: true }, main };
}

export function ficheNotFoundPage(typed: string): HtmlPage {
  const main = (
    <>
      <h1 class="text-3xl font-bold">Fiche introuvable</h1>
      <p class="mt-3 max-w-prose text-lg">
        Aucune fiche ne correspond à ce code. Vérifiez les caractères (par exemple « TR-7K4Q-2M ») ou appelez la structure qui vous a remis la fiche.
      </p>
      {lookupForm(typed.length <= 40 ? typed : "")}
      <p class="mt-4">
        <a href={HOME} class="text-accent underline">
          Accueil de Toile
        </a>
      </p>
    </>
  );
  return { head: { title: "Fiche introuvable", noIndex: true }, main };
}

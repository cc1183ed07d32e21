/**
 * What a person reads when a page fails (app/error.tsx, app/global-error.tsx): in plain French,
 * what they can do next — try again, go back home — and the reference support can look up in the
 * logs (the error's `digest`, logged by instrumentation.ts). Never the error's message or stack.
 * No hooks: the error pages add the behaviour, and a test renders it as it is.
 */
import type { Ref } from "react";

const ERROR_TITLE = "Quelque chose n'a pas marché";

/** The digest Next.js gives a server error (`error.digest`); none for an error in the browser. */
export function digestOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) return null;
  const { digest } = error as { digest: unknown };
  return typeof digest === "string" && /^[\w-]{1,64}$/.test(digest) ? digest : null;
}

export function ErrorNotice({ error, onRetry, headingRef }: { error: unknown; onRetry: () => void; headingRef?: Ref<HTMLHeadingElement> }) {
  const digest = digestOf(error);
  return (
    // The public pages may be in English or Arabic: these words are French.
    <div lang="fr" dir="ltr" className="space-y-4 text-start">
      <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-bold">
        {ERROR_TITLE}
      </h1>
      <p>Toile n&apos;a pas pu afficher cette page ou finir ce que vous avez demandé. Ce n&apos;est pas de votre faute.</p>
      <p>Vous pouvez :</p>
      <ul className="list-disc space-y-2 ps-6">
        <li>
          réessayer dans un instant :{" "}
          <button type="button" onClick={onRetry} className="rounded bg-accent px-3 py-1 font-medium text-white">
            Réessayer
          </button>
        </li>
        <li>
          ou{" "}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a whole new page after a failure, nothing of this one kept */}
          <a href="/" className="text-accent underline">
            revenir à l&apos;accueil
          </a>
          .
        </li>
      </ul>
      {digest ? (
        <p>
          Si cela recommence, écrivez à l&apos;équipe qui s&apos;occupe de Toile sur votre territoire en donnant ce numéro de
          référence : <strong className="font-mono select-all">{digest}</strong>. Il lui permet de retrouver ce qui s&apos;est passé.
        </p>
      ) : (
        <p>Si cela recommence, écrivez à l&apos;équipe qui s&apos;occupe de Toile sur votre territoire.</p>
      )}
    </div>
  );
}

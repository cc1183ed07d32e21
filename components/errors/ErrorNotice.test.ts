import { createElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import ErrorPage from "@/app/error";
import GlobalError from "@/app/global-error";
import { digestOf, ErrorNotice } from "./ErrorNotice";

/** A server error as Next.js hands it to an error page, with what must never be shown. */
function serverError(digest: unknown = "3105717532") {
  const error = Object.assign(new Error("Invalid `prisma.transfer.findUnique()` invocation: jose.martin@exemple.fr"), { digest });
  error.stack = "Error: boom\n    at getTransferForActor (/app/lib/transfers/queries.ts:42:7)";
  return error;
}

const text = (markup: string) => markup.replace(/<[^>]+>/g, "").replace(/&#x27;|&apos;/g, "'");

/** Every element of a rendered tree (the function components of ErrorNotice are plain elements here). */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement<{ children?: ReactNode }>(node)) return [];
  return [node as ReactElement<Record<string, unknown>>, ...elements(node.props.children)];
}

describe("the error pages", () => {
  it("say what happened in plain French, what to do next, and the reference — never the error itself", () => {
    const markup = renderToStaticMarkup(createElement(ErrorPage, { error: serverError(), retry: () => undefined }));
    const words = text(markup);
    expect(words).toContain("Quelque chose n'a pas marché");
    expect(markup).toMatch(/<h1[^>]*>Quelque chose n(&#x27;|')a pas marché<\/h1>/);
    expect(markup).toMatch(/<button type="button"[^>]*>Réessayer<\/button>/);
    expect(markup).toMatch(/<a href="\/"[^>]*>revenir à l(&#x27;|')accueil<\/a>/);
    expect(words).toContain("numéro de référence : 3105717532");
    for (const hidden of ["prisma", "jose.martin", "Invalid", "queries.ts", "getTransferForActor", "boom"]) expect(markup).not.toContain(hidden);
    // French words, marked so on an English or Arabic public page.
    expect(markup).toMatch(/^(<title>[^<]*<\/title>)?<div lang="fr" dir="ltr"/);
  });

  it("show no reference for an error without a digest (one in the browser), or with one that is not an id", () => {
    for (const error of [new Error("dans le navigateur"), serverError('"><script>alert(1)</script>'), "une chaîne", null]) {
      const markup = renderToStaticMarkup(createElement(ErrorNotice, { error, onRetry: () => undefined }));
      expect(text(markup)).not.toContain("référence");
      expect(markup).not.toContain("script");
      expect(markup).not.toContain("navigateur");
    }
    expect(digestOf(serverError("NEXT_HTTP_ERROR_FALLBACK;404"))).toBeNull();
    expect(digestOf(serverError("1234567"))).toBe("1234567");
  });

  it("'Réessayer' calls Next's retry", () => {
    const retry = vi.fn();
    const button = elements(ErrorNotice({ error: serverError(), onRetry: retry })).find((element) => element.type === "button")!;
    (button.props.onClick as () => void)();
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it("global-error is a whole French document in the site's frame", () => {
    const markup = renderToStaticMarkup(createElement(GlobalError, { error: serverError(), retry: () => undefined }));
    expect(markup).toMatch(/^<html lang="fr" dir="ltr">(<head>.*<\/head>)?<body class="[^"]*text-ink/);
    expect(markup).toContain("<title>Quelque chose n&#x27;a pas marché · Toile</title>");
    expect(markup).toMatch(/<header class="site-frame[^"]*">.*aria-label="Toile, accueil"/);
    expect(markup).toContain('<main id="contenu"');
    expect(text(markup)).toContain("3105717532");
    expect(markup).not.toContain("prisma");
  });
});

"use client";

/**
 * A page that failed, inside the site's frame (the root layout): plain words, "Réessayer" (Next's
 * `retry`: fetches the page again from the server, then shows it), the way home, and the
 * reference to quote to support. Error boundaries are client components (Next.js).
 */
import { useEffect, useRef } from "react";
import { ErrorNotice } from "@/components/errors/ErrorNotice";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Screen readers start here, not at what was on the page before.
  useEffect(() => heading.current?.focus(), [error]);
  return (
    <>
      <title>Quelque chose n&apos;a pas marché · Toile</title>
      <ErrorNotice error={error} onRetry={retry} headingRef={heading} />
    </>
  );
}

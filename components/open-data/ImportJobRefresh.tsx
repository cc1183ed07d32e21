"use client";
/**
 * While an import job runs, asks the server for the page again every few seconds (Next's
 * `router.refresh()`): only what changed is replaced, so focus and reading position stay and the
 * progress sentence (a `role="status"` region) is announced when it changes. Without JavaScript the
 * page offers an "Actualiser" link instead: a `<meta http-equiv="refresh">` would reload the whole
 * page under a screen reader's feet (axe's `meta-refresh` rule, WCAG 2.2.1).
 */
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function ImportJobRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}

/**
 * The fiche navette on the parties' printable page (/transferts/<id>/fiche): the sheet is written
 * once, as HTML, for this page and the public page by code (lib/transfers/html/fiche-sheet.tsx).
 */
import { HtmlBlock } from "@/components/HtmlBlock";
import { ficheSheet } from "@/lib/transfers/html/fiche-sheet";
import type { Fiche } from "@/lib/transfers/fiche";

export async function FicheSheet({ fiche }: { fiche: Fiche }) {
  return <HtmlBlock html={await ficheSheet(fiche, "navette")} className="contents" />;
}

/**
 * Print: the fiche alone on the sheet, on A4 or A5 — the page's wrapper class chooses the
 * stylesheet's rules (app/globals.css, `.fiche-print-a4` / `.fiche-print-a5` and the named page
 * `fiche-a5`): no inline <style>, which the content security policy forbids.
 */
export const fichePrintClass = (format: "A4" | "A5") => (format === "A5" ? "fiche-print-a5" : "fiche-print-a4");

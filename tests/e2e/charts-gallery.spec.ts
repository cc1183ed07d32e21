/**
 * The charts' components (components/charts) in a browser, without a page of their own: rendered
 * here on the server side of the test, put in a page with the site's stylesheet, and checked with axe
 * (WCAG 2.1 AA: names, tables, contrast), on a phone's width and for print.
 */
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ChartFigure } from "@/components/charts/ChartFigure";
import { HeatTable } from "@/components/charts/HeatTable";
import type { IndicatorMatrix, IndicatorTable } from "@/lib/indicators/types";
import { expect, expectAccessible, test } from "./fixtures";

const bars: IndicatorTable = {
  id: "parcours-structures",
  title: "Structures par parcours",
  description: "Nombre de structures qui ont reçu au moins un transfert, par parcours.",
  categoryLabel: "Parcours",
  categories: [
    { key: "demarches", label: "Démarches en ligne" },
    { key: "ccas", label: "Centre communal d'action sociale de Château-Thierry et sa communauté" },
    { key: "equipement", label: "Équipement" },
  ],
  series: [
    { key: "current", label: "Période choisie", values: [12, null, 40], texts: ["12", "< 5", "40"] },
    { key: "previous", label: "Période précédente", values: [8, 6, null], texts: ["8", "6", "—"] },
  ],
  unit: "count",
  chart: "bars",
};

const months = ["janv.", "févr.", "mars", "avr.", "mai", "juin"];
const columns: IndicatorTable = {
  id: "transferts-mois",
  title: "Transferts par mois",
  description: "Transferts envoyés chaque mois.",
  categoryLabel: "Mois",
  categories: months.map((label, index) => ({ key: `m${index}`, label })),
  series: [{ key: "current", label: "Période choisie", values: [3, null, 14, 22, 9, 30], texts: ["3", "< 5", "14", "22", "9", "30"] }],
  unit: "count",
  chart: "columns",
};

const matrix: IndicatorMatrix = {
  id: "flux",
  title: "Qui envoie à qui",
  description: "Transferts envoyés sur la période, par structure.",
  rowLabel: "Structure qui envoie",
  columnLabel: "Structure qui reçoit",
  rows: [
    { key: "ccas", label: "CCAS" },
    { key: "mairie", label: "Mairie" },
  ],
  columns: [
    { key: "ccas", label: "CCAS" },
    { key: "mairie", label: "Mairie" },
    { key: "fs", label: "France services" },
  ],
  values: [
    [null, 9, 40],
    [12, null, 25],
  ],
  texts: [
    ["0", "9", "40"],
    ["12", "< 5", "25"],
  ],
};

const gallery = renderToStaticMarkup(
  createElement(
    Fragment,
    null,
    createElement(ChartFigure, { table: bars, csvHref: "/parcours-structures.csv" }),
    createElement(ChartFigure, { table: columns, csvHref: "/transferts-mois.csv" }),
    createElement(HeatTable, { matrix, csvHref: "/flux.csv" }),
  ),
);

test("the charts read without script, pass axe on a phone and a desktop, and print whole", async ({ page }) => {
  // The site's own stylesheet, from its home page.
  await page.goto("/");
  const stylesheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(stylesheets.length).toBeGreaterThan(0);
  const head = stylesheets.map((href) => `<link rel="stylesheet" href="${href}">`).join("");
  await page.setContent(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Graphiques</title>${head}</head><body><main><h1>Graphiques</h1>${gallery}</main></body></html>`, { waitUntil: "load" });

  await expect(page.getByRole("img", { name: /Structures par parcours/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Les données : Structures par parcours" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Qui envoie à qui" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Télécharger ces données \(CSV\) : Transferts par mois/ })).toHaveAttribute("href", "/transferts-mois.csv");
  await expectAccessible(page);

  await page.setViewportSize({ width: 360, height: 740 });
  const svgWidth = await page.locator("svg").first().evaluate((svg) => svg.getBoundingClientRect().width);
  expect(svgWidth).toBeLessThanOrEqual(360);
  await expectAccessible(page);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator("figure").first()).toHaveCSS("break-inside", "avoid");
});

/**
 * Issue 19 — the network's indicators as a coordinator and a structure's admin use them, on the
 * demo territory and its five months of activity (lib/demo/activity.ts): every section, each chart
 * with its table beside it and its CSV, the figures against counts read from the database here,
 * small counts shown « < 5 », the period chosen with and without JavaScript (a wrong range said
 * next to its field), printable; a structure's admin sees only the flows their structure is in.
 */
import { signInFast } from "./auth";
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";
import { withDatabase } from "./outbox";

test.describe.configure({ timeout: 180_000 });

const CLAIRE = "coordination@val-de-lise.exemple.fr";
const FRANCE_SERVICES_ADMIN = "direction@franceservices.exemple.fr";
const FRANCE_SERVICES = "Espace France Services du Val de Lise";

/** The figure (chart or table) whose title is `title`. */
const figureTitled = (page: import("@playwright/test").Page, title: string) => page.locator("figure").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

const count = (sql: string, values: unknown[] = []) => withDatabase(async (client) => Number((await client.query<{ n: string }>(sql, values)).rows[0]!.n));

test("Claire reads her territory's indicators: each figure as a chart with its table and CSV, small counts suppressed", async ({ page }) => {
  await signInFast(page, CLAIRE);
  await page.goto("/territoires/val-de-lise");
  await page.getByRole("link", { name: "Indicateurs du réseau" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Indicateurs du réseau/);
  for (const section of ["Parcours", "Transferts", "Flux entre structures", "Rendez-vous, permanences et appels", "La matrice"]) {
    await expect(page.getByRole("heading", { level: 2, name: section, exact: true })).toBeVisible();
  }

  // The figures against the database (the last twelve months: the whole demo activity, and what earlier tests sent today).
  const sent = await count(`select count(*) as n from "Transfer" t join "Territory" s on s.id = t."territoryId" where s.slug = 'val-de-lise' and t."sentAt" is not null`);
  const declined = await count(`select count(*) as n from "Transfer" t join "Territory" s on s.id = t."territoryId" where s.slug = 'val-de-lise' and t.status = 'declined'`);
  const keyFigures = figureTitled(page, "Les transferts en bref");
  await expect(keyFigures.getByRole("row", { name: /^Transferts envoyés/ }).getByRole("cell").first()).toHaveText(String(sent));
  await expect(keyFigures.getByRole("row", { name: /^Refusés/ }).getByRole("cell").first()).toHaveText(String(declined));

  // A chart drawn on the server, and its data as a table beside it.
  const sizes = figureTitled(page, "Structures traversées par parcours");
  await expect(sizes.locator("svg[role=img]")).toHaveCount(1);
  await expect(sizes.getByRole("table")).toBeVisible();
  await expect(sizes.getByRole("columnheader", { name: "Période choisie" })).toBeVisible();

  // Flows: a heat table; a pair with one to four transfers reads « < 5 ».
  const flows = figureTitled(page, "Qui envoie à qui");
  await expect(flows.getByRole("table")).toBeVisible();
  await expect(flows.getByRole("cell", { name: "< 5" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ping-pong, par paire" })).toBeVisible();
  await expectAccessible(page);

  // The CSV of a table: the same texts, « < 5 » included.
  const csvLink = flows.getByRole("link", { name: /Télécharger ces données/ });
  const response = await page.request.get((await csvLink.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const csv = await response.text();
  expect(csv).toContain("Structure qui envoie");
  expect(csv).toContain(FRANCE_SERVICES);
  expect(csv).toContain("< 5");

  // Printable: the period form and the links go, the figures stay.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Afficher" })).toBeHidden();
  await expect(sizes.locator("svg[role=img]")).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // Another period: a quarter, compared with the one before.
  await page.getByLabel("Choisir par").selectOption("trimestre");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(/periode=trimestre/);
  // This quarter (on the server's clock, which the tests share): from its first month to this one.
  const month = Number(new Intl.DateTimeFormat("en", { month: "numeric", timeZone: "Europe/Paris" }).format(new Date()));
  const firstMonth = ["janvier", "avril", "juillet", "octobre"][Math.floor((month - 1) / 3)]!;
  await expect(page.getByText(/^Période : /)).toContainText(firstMonth);
  await expect(page.getByText(/^Période : /)).toContainText("comparée à la période précédente");
});

test("without JavaScript, a wrong range is said next to its field, and the default period is shown", async ({ browser, page }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await signInFast(noScript, CLAIRE);
  await noScript.goto("/territoires/val-de-lise/indicateurs");
  await noScript.getByLabel("Choisir par").selectOption("perso");
  await noScript.getByLabel("du mois").fill("2025-06");
  await noScript.getByLabel("au mois").fill("2025-05");
  await noScript.getByRole("button", { name: "Afficher" }).click();
  await expect(noScript.getByLabel("au mois")).toHaveAccessibleDescription("La fin doit venir après le début.");
  await expect(noScript.getByLabel("du mois")).toHaveValue("2025-06");
  await expect(noScript.getByRole("heading", { level: 2, name: "Parcours", exact: true })).toBeVisible();
  await expectAccessibleWithoutScript(noScript, page);
  await context.close();
});

test("a structure's admin sees the flows of their structure only, and nobody else's indicators", async ({ page }) => {
  await signInFast(page, FRANCE_SERVICES_ADMIN);
  const ids = await withDatabase(async (client) => (await client.query<{ id: string; name: string }>(`select id, name from "Structure" where name in ($1, 'CCAS de Château-Thierry')`, [FRANCE_SERVICES])).rows);
  const own = ids.find((row) => row.name === FRANCE_SERVICES)!.id;
  const other = ids.find((row) => row.name !== FRANCE_SERVICES)!.id;
  await page.goto(`/structures/${own}`);
  await page.getByRole("link", { name: "Indicateurs" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Indicateurs — ${FRANCE_SERVICES}`);
  // Every pair with transfers has France Services on one side.
  const flows = await figureTitled(page, "Qui envoie à qui")
    .getByRole("table")
    .evaluate((table: HTMLTableElement) => {
      const headers = [...table.tHead!.rows[0]!.cells].map((cell) => cell.textContent ?? "");
      return [...table.tBodies[0]!.rows].flatMap((row) =>
        [...row.cells].slice(1).map((cell, index) => ({ sender: row.cells[0]!.textContent ?? "", receiver: headers[index + 1] ?? "", text: cell.textContent ?? "" })),
      );
    });
  expect(flows.filter((cell) => cell.text !== "0").length).toBeGreaterThan(0);
  for (const cell of flows.filter((candidate) => candidate.text !== "0")) expect([cell.sender, cell.receiver]).toContain(FRANCE_SERVICES);
  await expect(page.getByRole("heading", { level: 2, name: "La matrice" })).toHaveCount(0);
  await expectAccessible(page);

  expect((await page.goto(`/structures/${other}/indicateurs`))!.status()).toBe(404);
  expect((await page.goto("/territoires/val-de-lise/indicateurs"))!.status()).toBe(404);
  expect((await page.request.get("/territoires/val-de-lise/indicateurs/flux-matrice.csv")).status()).toBe(404);
});

import { strFromU8, unzipSync } from "fflate";
import { readXlsx } from "@/lib/spreadsheet/xlsx";
import { MATRIX_HEADER } from "@/lib/matrix/csv";
import { expect, expectAccessible, test } from "./fixtures";
import { signInFast } from "./auth";

test("a coordinator filters the matrix, keeps the filters in the URL and exports it", async ({ page }) => {
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto("/territoires/val-de-lise");
  await page.getByRole("link", { name: "Matrice" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Matrice de la médiation numérique");
  await expectAccessible(page);
  for (const column of ["Qui ?", "Quoi ?", "Comment ?", "Où ?", "Quand ?", "Autres"]) {
    await expect(page.getByRole("columnheader", { name: column })).toBeVisible();
  }
  // Seed 001's row for the CCAS, flagged as stale.
  const ccas = page.getByRole("row").filter({ hasText: "CCAS de Château-Thierry" });
  await expect(ccas).toContainText("les mardi et jeudi de 13 h à 17 h ; fermé les jours fériés");
  await expect(ccas).toContainText("À vérifier");

  await page.getByLabel("Posture").selectOption({ label: "Faire à la place" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/posture=/);
  await expect(page.getByRole("row")).toHaveCount(4); // header + 3 offers
  await expect(page.getByText("Fabrication numérique")).toHaveCount(0);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("matrice-val-de-lise.csv");
  const csv = (await (await file.createReadStream()).toArray()).join("");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toContain("Qui;Quoi;Besoins;Posture");
  expect(lines).toHaveLength(4);
});

test("a coordinator exports the filtered matrix as an XLSX workbook", async ({ page }) => {
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto("/territoires/val-de-lise/matrice");
  await page.getByLabel("Posture").selectOption({ label: "Faire à la place" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/posture=/);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en XLSX (Excel, LibreOffice)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("matrice-val-de-lise.xlsx");
  const bytes = Buffer.concat(await (await file.createReadStream()).toArray());
  const headers = (await page.request.get(file.url())).headers();
  expect(headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(headers["cache-control"]).toBe("private, no-store");

  // The package itself, unzipped as any spreadsheet would.
  const parts = unzipSync(bytes);
  expect(Object.keys(parts)).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]));
  expect(strFromU8(parts["xl/workbook.xml"]!)).toMatch(/<sheet [^>]*name="Matrice"/);
  expect(strFromU8(parts["xl/sharedStrings.xml"]!)).toContain("CCAS de Château-Thierry");

  // Its cells: the CSV's header, and the filter kept (3 offers, as on the page).
  const [sheet] = await readXlsx(bytes);
  // The matrix's columns, then the template's (place, point, contacts, ids): one line per offer × place.
  expect(sheet!.rows[0]).toEqual(MATRIX_HEADER);
  expect(sheet!.rows).toHaveLength(4);
  const ccas = sheet!.rows.find((row) => row[0] === "CCAS de Château-Thierry");
  expect(ccas).toBeDefined();
  expect(ccas!.slice(1, 4)).toEqual(["Démarches en ligne faites pour vous, à partir de 60 ans", expect.stringContaining("Aide aux démarches administratives"), "Faire à la place"]);
  expect(ccas![7]).toMatch(/^17 avenue du Général de Gaulle, \d{5} Château-Thierry$/);
  expect(ccas![8]).toBe("les mardi et jeudi de 13 h à 17 h ; fermé les jours fériés");
  expect(ccas![12]).toMatch(/^\d{4}-\d{2}-\d{2}$/); // a date cell, not text
  expect(ccas![13]).toBe("publiée — à vérifier");
});

test("signed out, the export answers 404 in every format", async ({ request }) => {
  for (const url of ["/territoires/val-de-lise/matrice/export?format=xlsx", "/territoires/val-de-lise/matrice/export"]) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status()).toBe(404);
    expect(response.headers()["content-disposition"]).toBeUndefined();
  }
});

test("the coverage view shows the needs nobody answers", async ({ page }) => {
  await signInFast(page, "direction@franceservices.exemple.fr");
  await page.goto("/territoires/val-de-lise/couverture");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Couverture du territoire");
  await expectAccessible(page);
  const parenting = page.getByRole("row").filter({ hasText: "Parentalité et éducation avec le numérique" }).first();
  await expect(parenting.getByRole("cell").first()).toContainText("Aucun acteur");
});

test("someone outside the territory cannot see its matrix or export it", async ({ page }) => {
  await signInFast(page, "hors.territoire@exemple.fr");
  expect((await page.goto("/territoires/val-de-lise/matrice"))?.status()).toBe(404);
  expect((await page.goto("/territoires/val-de-lise/couverture"))?.status()).toBe(404);
  for (const format of ["csv", "xlsx"]) {
    const exported = await page.request.get(`/territoires/val-de-lise/matrice/export?format=${format}`);
    expect(exported.status()).toBe(404);
  }
});

test("a structure admin confirms in one click that an offer has not changed; the history says who", async ({ page }) => {
  await signInFast(page, "direction@franceservices.exemple.fr");
  await page.goto("/territoires/val-de-lise/matrice");
  // Only their own structure's offers carry the button.
  await expect(page.getByRole("button", { name: /^Rien n'a changé/ })).toHaveCount(2);
  const row = page.getByRole("row").filter({ hasText: "Aide aux démarches administratives en ligne" });
  await row.getByRole("button", { name: "Rien n'a changé : Aide aux démarches administratives en ligne" }).click();
  await expect(row).toContainText(/vérifiée le \d\d\/\d\d\/\d{4} par Karim Benali/);

  await page.goto("/compte");
  await page.getByRole("link", { name: "Espace France Services du Val de Lise" }).click();
  await page.getByRole("link", { name: "Historique" }).click();
  await page.waitForURL(/\/historique$/);
  await expect(page.getByRole("list")).toContainText(
    "« Aide aux démarches administratives en ligne » confirmée à jour, sans changement, par Karim Benali",
  );
  await expectAccessible(page);
});

test("a structure member sees the matrix but cannot confirm offers", async ({ page }) => {
  await signInFast(page, "accueil@franceservices.exemple.fr");
  await page.goto("/territoires/val-de-lise/matrice");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Matrice de la médiation numérique");
  await expect(page.getByRole("button", { name: /^Rien n'a changé/ })).toHaveCount(0);
});

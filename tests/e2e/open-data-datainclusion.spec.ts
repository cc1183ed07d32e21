/**
 * The « Données ouvertes » page says what the data·inclusion file leaves out: a count for anyone,
 * the detail for the territory's coordinators. The demo data leave nothing out, so the test gives
 * one demo structure, for its duration, an email like a real one of the Hinaura file (accented:
 * valid for data·inclusion's pydantic model, refused by its JSON Schema), as an import would store it.
 */
import { signInFast } from "./auth";
import { expect, expectAccessible, test } from "./fixtures";
import { withDatabase } from "./outbox";

const EPN = "Espace public numérique d'Essômes-sur-Marne";
const ACCENTED = "épn@essomes.exemple.fr";

test("the data·inclusion file's omissions: counted for anyone, detailed for the coordinators", async ({ page }) => {
  const original = await withDatabase(async (client) => {
    const { rows } = await client.query<{ email: string }>(`select email from "Structure" where name = $1`, [EPN]);
    await client.query(`update "Structure" set email = $2 where name = $1`, [EPN, ACCENTED]);
    return rows[0]!.email;
  });
  try {
    await page.goto("/t/val-de-lise/donnees");
    const files = page.getByRole("region", { name: "Fichiers" });
    await expect(files.getByText(/^Ce fichier laisse de côté : \d+ informations refusées par le schéma data·inclusion/)).toBeVisible();
    // The detail is the coordinators'.
    await expect(page.getByRole("region", { name: "Ce que le fichier data·inclusion laisse de côté" })).toHaveCount(0);
    await expectAccessible(page);

    await signInFast(page, "coordination@val-de-lise.exemple.fr");
    await page.goto("/t/val-de-lise/donnees");
    const detail = page.getByRole("region", { name: "Ce que le fichier data·inclusion laisse de côté" });
    await expect(detail).toBeVisible();
    await expect(detail.getByRole("listitem").first()).toHaveText(
      new RegExp(`^Structure « ${EPN} » : courriel « ${ACCENTED} » non écrit, adresse de courriel que le schéma data·inclusion refuse`),
    );
    await expect(detail.getByRole("listitem").filter({ hasText: /^Offre « / })).not.toHaveCount(0);
    await expectAccessible(page);
  } finally {
    await withDatabase((client) => client.query(`update "Structure" set email = $2 where name = $1`, [EPN, original]));
  }
});

test("a coordinator is told when the data·inclusion file leaves nothing out", async ({ page }) => {
  await page.goto("/t/val-de-lise/donnees");
  await expect(page.getByText("Ce fichier contient toute l'offre publiée, sans rien laisser de côté.")).toBeVisible();
  await signInFast(page, "coordination@val-de-lise.exemple.fr");
  await page.goto("/t/val-de-lise/donnees");
  await expect(page.getByRole("region", { name: "Ce que le fichier data·inclusion laisse de côté" })).toContainText("Rien : toutes les structures");
});

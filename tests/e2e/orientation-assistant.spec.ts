import { signInFast } from "./auth";
import { expect, expectAccessible, test } from "./fixtures";

const MEDIATOR = "informaticien@lien-numerique.exemple.org"; // Lucas Petit
const FRANCE_SERVICES = "Aide aux démarches administratives en ligne";

test("Lucas asks the assistant where to send someone without equipment for a tax return, reads why, and opens a transfer prefilled with his analysis", async ({ page }) => {
  await signInFast(page, MEDIATOR);
  await page.goto("/transferts");
  await page.getByRole("link", { name: "Trouver la bonne offre : assistant d'orientation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assistant d'orientation");
  await expect(page.getByText("Choisissez un besoin ou écrivez-le en quelques mots")).toBeVisible();

  await page.getByLabel("Besoin", { exact: true }).selectOption({ label: "Déclarer ses impôts en ligne" });
  await page.getByLabel("Difficulté").selectOption({ label: "Complexe (longue : mieux sur rendez-vous)" });
  await page.getByLabel("Aisance avec le numérique").selectOption({ label: "N'utilise pas le numérique" });
  await page.getByRole("group", { name: "Équipement" }).getByLabel("Aucun équipement").check();
  await page.getByLabel("Âge").selectOption({ label: "26 à 59 ans" });
  await page.getByLabel("Commune").fill("Château-Thierry");
  await page.getByRole("button", { name: "Classer les offres" }).click();

  // Every answer is in the URL: the ranking can be bookmarked or shared.
  await expect(page).toHaveURL(/besoin=impots.*aisance=none.*equipement=none/);
  const first = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `1. ${FRANCE_SERVICES}` }) });
  await expect(first).toContainText("Répond à ce besoin : Déclarer ses impôts en ligne");
  await expect(first).toContainText("Posture adaptée : on le fait pour vous");
  await expect(first).toContainText("Prochain créneau libre :");
  await expect(first).toContainText("À apporter : Pièce d'identité");
  const excluded = page.getByRole("region", { name: "Pas proposées, et pourquoi" });
  await expect(excluded).toContainText("Démarches en ligne faites pour vous, à partir de 60 ans (CCAS de Château-Thierry) : Réservé aux 60 ans et plus");
  await expectAccessible(page);

  await first.getByRole("link", { name: `Transfert accompagné vers ${FRANCE_SERVICES}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Orienter une personne");
  await expect(page.getByText("La demande et l'analyse sont reprises de l'assistant d'orientation")).toBeVisible();
  await expect(page.getByLabel("Transfert accompagné")).toBeChecked();
  await expect(page.getByLabel("Nature de la demande")).toHaveValue("Déclarer ses impôts en ligne");
  await expect(page.getByRole("group", { name: "Difficulté" }).getByLabel("Complexe")).toBeChecked();
  await expect(page.getByLabel("Aisance de la personne avec le numérique")).toHaveValue("none");
  await expect(page.getByRole("group", { name: "Équipement de la personne" }).getByLabel("Aucun équipement")).toBeChecked();
  // Personal details are never carried: the person is asked again, with consent.
  await expect(page.getByLabel("Prénom ou surnom (facultatif)")).toHaveValue("");
});

test("the assistant says what to fix next to the field, and offers needs for words it does not know", async ({ page }) => {
  await signInFast(page, MEDIATOR);
  await page.goto("/territoires/val-de-lise/orientation?q=xqzwv&echeance=2020-01-15&commune=Lyon");
  const alert = page.getByRole("alert").filter({ hasText: "À corriger ou à préciser" });
  await expect(alert).toContainText("Aucun besoin connu ne correspond à « xqzwv »");
  await expect(alert).toContainText("« Lyon » n'est pas une commune du territoire");
  // Next to its field too, tied to it for screen readers.
  const deadline = page.getByLabel("À faire avant le");
  await expect(deadline).toHaveAttribute("aria-invalid", "true");
  await expect(deadline).toHaveAttribute("aria-describedby", /echeance-erreur/);
  await expect(page.locator("#echeance-erreur")).toHaveText(/^Le mercredi 15 janvier est déjà passé/);
  const frequent = page.getByRole("navigation", { name: "Besoins proches" });
  await frequent.getByRole("link", { name: "Retrouver un mot de passe ou un compte" }).click();
  await expect(page).toHaveURL(/besoin=mot-de-passe/);
  await expect(page.getByRole("heading", { level: 2, name: /offres proposées/ })).toBeVisible();
  await expectAccessible(page);
});

test("the assistant is not for people outside the territory's structures", async ({ page }) => {
  await page.goto("/territoires/val-de-lise/orientation");
  await expect(page).toHaveURL(/\/connexion/);
});

/**
 * Issue 18, point 3: "Trouver de l'aide pour ma situation", the residents' questionnaire. A
 * resident without JavaScript answers it in Arabic and gets ranked offers with their reasons in
 * Arabic, and an offer not proposed with its reason; in French, words that mean no need give the
 * closest needs, never an empty page. Demo territory: val-de-lise.
 */
import { expect, expectAccessible, expectAccessibleWithoutScript, test } from "./fixtures";

test("a resident without JavaScript answers the questionnaire in Arabic and gets ranked offers with reasons", async ({ browser, page: checker }) => {
  test.slow(); // seven pages, each checked by axe in a second page
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: "ar", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  const check = () => expectAccessibleWithoutScript(page, checker);

  await page.goto("/t/val-de-lise?lang=ar");
  await page.getByRole("link", { name: "العثور على مساعدة لوضعي" }).click();
  await expect(page).toHaveURL(/\/t\/val-de-lise\/aide\?lang=ar$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("ما الذي تحتاجه؟");
  await check();

  // 1. The need, from the grid.
  await page.getByRole("link", { name: "استرجاع كلمة السر أو حساب" }).click();
  await expect(page).toHaveURL(/besoin=mot-de-passe/);
  await expect(page.getByText("السؤال 2 من 5")).toBeVisible();
  // 2. Where, and how far.
  await page.getByLabel("بلديتك أو الرمز البريدي").fill("02400");
  await page.getByLabel("حتى 10 كم").check();
  await check();
  await page.getByRole("button", { name: "متابعة" }).click();
  // 3. When: skipped.
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("متى تحتاج ذلك؟");
  await page.getByRole("link", { name: "تخطي هذا السؤال" }).click();
  // 4. The person.
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("أنت والأدوات الرقمية");
  await page.getByLabel("60 سنة فأكثر").check();
  await page.getByLabel("مبتدئ").check();
  await page.getByLabel("هاتف ذكي").check();
  await check();
  await page.getByRole("button", { name: "متابعة" }).click();
  // 5. The support wanted, then the results.
  await page.getByLabel("أن يقوم بها أحد عني").check();
  await page.getByRole("button", { name: "عرض النتائج" }).click();

  // Every answer is in the URL.
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toMatchObject({
    besoin: "mot-de-passe",
    commune: "02400",
    distance: "10",
    age: "60_plus",
    aisance: "beginner",
    equipement: "smartphone",
    objectif: "faire-a-la-place",
    lang: "ar",
    etape: "resultats",
  });
  expect(url.searchParams.has("urgence")).toBe(false);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 2, name: "المساعدات المناسبة لوضعك" })).toBeVisible();

  // Ranked cards, each with its reasons in Arabic (not a score), the offer's data marked French.
  const results = page.getByRole("region", { name: "المساعدات المناسبة لوضعك" });
  const cards = results.getByRole("article");
  expect(await cards.count()).toBeGreaterThan(1);
  const first = cards.first();
  await expect(first.getByRole("heading", { level: 3 })).toHaveAttribute("lang", "fr");
  await expect(first).toContainText("ما يناسبك");
  await expect(first).toContainText(/يساعد (جزئيا )?في: استرجاع كلمة السر أو حساب/);
  await expect(first).toContainText(/منك|عن بعد/); // how far it is, or that it is remote
  await expect(first).not.toContainText(/score|\d+\.\d+\s*pts/i);
  // A reason against, said as plainly: this workshop teaches, the person wants it done for them.
  await expect(results).toContainText("ليس تماما ما تريده");
  const firstTitle = (await first.getByRole("heading", { level: 3 }).textContent())!;
  await expect(first).toContainText("هذا ما تريده"); // the posture asked for
  const detail = first.getByRole("link", { name: /^عرض المساعدة: / });
  await expect(detail).toHaveAttribute("href", /\/t\/val-de-lise\/offres\/[0-9a-f-]+\?lang=ar$/);

  // Not proposed, and why: the young people's offer, for a person over 60.
  const excluded = page.getByRole("region", { name: "غير مقترحة لك" });
  await expect(excluded).toContainText("Accompagnement numérique des moins de 26 ans");
  await expect(excluded).toContainText("مخصص لمن أعمارهم");
  await check();

  // Back to the last question: the answers are kept.
  await page.getByRole("link", { name: "السؤال السابق" }).click();
  await expect(page.getByLabel("أن يقوم بها أحد عني")).toBeChecked();
  await expect(page).toHaveURL(/age=60_plus/);

  // And on to the offer's page, still in Arabic.
  await page.getByRole("button", { name: "عرض النتائج" }).click();
  await page.getByRole("article").first().getByRole("link", { name: /^عرض المساعدة: / }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstTitle);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await context.close();
});

test("words that mean no need give the closest needs and the frequent ones, never an empty page (French)", async ({ page }) => {
  await page.goto("/t/val-de-lise");
  await page.getByRole("link", { name: "Trouver de l'aide pour ma situation" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.getByLabel("Votre besoin, avec vos mots").fill("paswort");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Voir les résultats" }).click();

  await expect(page).toHaveURL(/q=paswort.*etape=resultats/);
  const problems = page.getByRole("alert").filter({ hasText: "À vérifier dans vos réponses" });
  await expect(problems).toContainText("Nous n'avons pas compris « paswort ».");
  await expect(problems.getByRole("link", { name: "Écrire autrement" })).toHaveAttribute("href", /etape=besoin/);
  const closest = page.getByRole("region", { name: "Vouliez-vous dire :" });
  await expect(closest.getByRole("link", { name: "Retrouver un mot de passe ou un compte" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Ou choisissez parmi les besoins les plus fréquents :" }).getByRole("link")).toHaveCount(10);
  await expectAccessible(page);

  // The closest need, picked: ranked offers with their reasons.
  await closest.getByRole("link", { name: "Retrouver un mot de passe ou un compte" }).click();
  await expect(page).toHaveURL(/besoin=mot-de-passe/);
  expect(new URL(page.url()).searchParams.has("q")).toBe(false);
  const cards = page.getByRole("region", { name: "Les aides pour votre situation" }).getByRole("article");
  expect(await cards.count()).toBeGreaterThan(0);
  await expect(cards.first()).toContainText("Aide pour : Retrouver un mot de passe ou un compte");
});

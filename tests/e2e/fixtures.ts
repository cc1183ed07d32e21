/**
 * The `test` every end-to-end test uses. After each test, the page it ended on is checked with
 * axe (WCAG 2.1 A and AA rules); tests call `expectAccessible(page)` on the pages they pass through.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n  ` +
      violation.nodes.map((node) => node.target.join(" ")).join("\n  "),
  );
  expect(summary, `Accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * axe runs as a script inside the page, so it cannot check a page with JavaScript disabled. This
 * checks such a page's HTML as the server sent it (errors included), scripts removed, in `checker`,
 * a page that runs axe, with its styles (a <base> keeps the page's links and stylesheets resolving).
 */
export async function expectAccessibleWithoutScript(noScript: Page, checker: Page) {
  const html = (await noScript.content())
    // What a person without JavaScript gets: the HTML, without the scripts (which would take the page over).
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<head>/i, `<head><base href="${noScript.url()}">`);
  // From a blank page: the checker must not keep the content security policy of a page it showed
  // before (which forbids the <base> added here).
  await checker.goto("about:blank");
  await checker.setContent(html, { waitUntil: "load" });
  await expectAccessible(checker);
}

export const test = base.extend<{ accessibleAtEnd: void; contentSecurityRespected: void }>({
  accessibleAtEnd: [
    async ({ page }, use) => {
      await use();
      if (page.url() !== "about:blank") await expectAccessible(page);
    },
    { auto: true },
  ],
  // Every page of every test works under the site's content security policy: a script, a style or
  // a form the policy blocks shows in the console, and fails the test.
  contentSecurityRespected: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        const text = message.text();
        // A frame refused by frame-ancestors is the policy working (http-headers.spec.ts checks it).
        if (message.type() === "error" && /Content Security Policy/i.test(text) && !text.includes("frame-ancestors")) violations.push(`${page.url()}: ${text}`);
      });
      await use();
      expect(violations, "Content security policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

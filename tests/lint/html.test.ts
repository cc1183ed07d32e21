/** The lint rules that keep markup typed and escaped (eslint.config.mjs): no dangerouslySetInnerHTML, no hand-made Html. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintHarness } from "./harness";

const { temporaryFolder, messagesOf: lint, lintExisting } = lintHarness();

const rulesHit = async (file: string, code: string) => (await lint(file, code)).map((message) => message.ruleId);

describe("dangerouslySetInnerHTML", () => {
  it("is an error in a component and in a page", async () => {
    const code = `export const A = ({ markup }: { markup: string }) => <div dangerouslySetInnerHTML={{ __html: markup }} />;\n`;
    expect(await rulesHit(path.join(temporaryFolder("components"), "A.tsx"), code)).toContain("react/no-danger");
    expect(await rulesHit(path.join(temporaryFolder("app"), "page.tsx"), code)).toContain("react/no-danger");
  });

  it("is allowed in the one reviewed component only (its disable comment is the review)", async () => {
    for (const file of ["components/HtmlBlock.tsx"]) {
      const result = await lintExisting(file);
      expect(result.messages, file).toEqual([]);
      expect(result.suppressedMessages.map((message) => message.ruleId), file).toEqual(["react/no-danger"]);
    }
  });
});

describe("Html", () => {
  it("is made by lib/html only: importing its maker elsewhere is an error", async () => {
    const code = `import { rendered } from "@/lib/html/html";\nexport const x = rendered("<img src=x onerror=alert(1)>");\n`;
    expect(await rulesHit(path.join(temporaryFolder("components"), "B.tsx"), code)).toContain("no-restricted-imports");
    expect(await rulesHit(path.join(temporaryFolder("lib"), "c.ts"), code)).toContain("no-restricted-imports");
    expect(await rulesHit(path.join(temporaryFolder("lib/html"), "d.ts"), code)).not.toContain("no-restricted-imports");
  });
});

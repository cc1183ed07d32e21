/** The lint rules that keep markup typed and escaped (eslint.config.mjs): no dangerouslySetInnerHTML, no hand-made Html. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it, vi } from "vitest";

// Linting loads the project's whole ESLint configuration: seconds, more on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const eslint = new ESLint({ cwd: process.cwd() });
const folders: string[] = [];
const temporaryFolder = (parent: string) => {
  const folder = mkdtempSync(path.join(process.cwd(), parent, ".lint-"));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

async function rulesHit(file: string, code: string) {
  writeFileSync(file, code);
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.map((message) => message.ruleId);
}

describe("dangerouslySetInnerHTML", () => {
  it("is an error in a component and in a page", async () => {
    const code = `export const A = ({ markup }: { markup: string }) => <div dangerouslySetInnerHTML={{ __html: markup }} />;\n`;
    expect(await rulesHit(path.join(temporaryFolder("components"), "A.tsx"), code)).toContain("react/no-danger");
    expect(await rulesHit(path.join(temporaryFolder("app"), "page.tsx"), code)).toContain("react/no-danger");
  });

  it("is allowed in the two reviewed components only (their disable comments are the review)", async () => {
    for (const file of ["components/HtmlBlock.tsx", "components/JsonLd.tsx"]) {
      const [result] = await eslint.lintFiles([file]);
      expect(result!.messages, file).toEqual([]);
      expect(result!.suppressedMessages.map((message) => message.ruleId), file).toEqual(["react/no-danger"]);
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

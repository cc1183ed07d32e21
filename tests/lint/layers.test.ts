/** The lint rules that hold the layers (eslint.config.mjs): no import cycles, no database in components. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it, vi } from "vitest";

// Linting loads the project's whole ESLint configuration: seconds, more on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const eslint = new ESLint({ cwd: process.cwd() });
// Real files in temporary folders of the project, so the linter resolves them as the project's.
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

describe("components", () => {
  it("may not import the database client; lib/ may", async () => {
    const components = temporaryFolder("components");
    const lib = temporaryFolder("lib");
    expect(await rulesHit(path.join(components, "A.tsx"), `import { db } from "@/lib/db";\nexport const x = db;\n`)).toContain("no-restricted-imports");
    expect(await rulesHit(path.join(components, "B.tsx"), `import { startEmbeddedDatabase } from "@/lib/database/embedded";\nexport const x = startEmbeddedDatabase;\n`)).toContain(
      "no-restricted-imports",
    );
    expect(await rulesHit(path.join(lib, "c.ts"), `import { db } from "@/lib/db";\nexport const x = db;\n`)).not.toContain("no-restricted-imports");
  });
});

describe("import cycles", () => {
  it("are errors", async () => {
    const lib = temporaryFolder("lib");
    writeFileSync(path.join(lib, "b.ts"), `import { a } from "./a";\nexport const b = () => a;\n`);
    expect(await rulesHit(path.join(lib, "a.ts"), `import { b } from "./b";\nexport const a = () => b;\n`)).toContain("import/no-cycle");
  });
});

/** The lint rules that hold the layers (eslint.config.mjs): no import cycles, no database in app/ nor components/. */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintHarness } from "./harness";

const { temporaryFolder, messagesOf: lint } = lintHarness();

const rulesHit = async (file: string, code: string) => (await lint(file, code)).map((message) => message.ruleId);

const DB_IMPORT = `import { db } from "@/lib/db";\nexport const x = db;\n`;
const restricted = (rules: (string | null)[]) => rules.filter((rule) => rule?.endsWith("no-restricted-imports"));

describe("the database client", () => {
  it("may not be imported by a page, a route handler or a component, however the path is written; lib/ may", async () => {
    const app = temporaryFolder("app");
    const components = temporaryFolder("components");
    const lib = temporaryFolder("lib");
    expect(await rulesHit(path.join(app, "page.tsx"), DB_IMPORT)).toContain("no-restricted-imports");
    expect(await rulesHit(path.join(app, "route.ts"), `import { db } from "../../lib/db";\nexport const GET = () => db;\n`)).toContain("no-restricted-imports");
    expect(await rulesHit(path.join(components, "A.tsx"), DB_IMPORT)).toContain("no-restricted-imports");
    expect(await rulesHit(path.join(components, "B.tsx"), `import { startEmbeddedDatabase } from "@/lib/database/embedded";\nexport const x = startEmbeddedDatabase;\n`)).toContain(
      "no-restricted-imports",
    );
    expect(restricted(await rulesHit(path.join(lib, "c.ts"), DB_IMPORT))).toEqual([]);
  });

  it("may not be sidestepped through the generated Prisma client's values in app/ or components/; its types may be imported", async () => {
    const app = temporaryFolder("app");
    const components = temporaryFolder("components");
    const valueImport = `import { PrismaClient } from "@/lib/generated/prisma/client";\nexport const x = new PrismaClient();\n`;
    expect(await rulesHit(path.join(app, "page.tsx"), valueImport)).toContain("@typescript-eslint/no-restricted-imports");
    expect(await rulesHit(path.join(components, "A.tsx"), valueImport)).toContain("@typescript-eslint/no-restricted-imports");
    const typeImport = `import type { TransferStatus } from "@/lib/generated/prisma/enums";\nexport const x: TransferStatus | null = null;\n`;
    expect(restricted(await rulesHit(path.join(components, "B.tsx"), typeImport))).toEqual([]);
  });

  it("is imported by no file of app/ nor components/ (the rule has no exception)", () => {
    const importers = ["app", "components"].flatMap((root) =>
      (readdirSync(root, { recursive: true }) as string[])
        .filter((file) => /\.tsx?$/.test(file) && !file.includes(".lint-"))
        .map((file) => path.join(root, file))
        .filter((file) => /from\s+["'](@\/|(\.\.\/)+)lib\/db["']/.test(readFileSync(file, "utf8"))),
    );
    expect(importers).toEqual([]);
  });
});

describe("import cycles", () => {
  it("are errors", async () => {
    const lib = temporaryFolder("lib");
    writeFileSync(path.join(lib, "b.ts"), `import { a } from "./a";\nexport const b = () => a;\n`);
    expect(await rulesHit(path.join(lib, "a.ts"), `import { b } from "./b";\nexport const a = () => b;\n`)).toContain("import/no-cycle");
  });
});

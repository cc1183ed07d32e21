/**
 * One way to write a form (eslint.config.mjs, `formsRule`): no cast to `never` or `any` in app/,
 * components/ and lib/, react-hook-form's useForm only inside useServerForm, and the older
 * `checked-form` wiring never back. Also walks the sources, so a form that slips past the linter
 * (a renamed import) still fails here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintHarness } from "./harness";

const { temporaryFolder, messagesOf: lint, lintExisting } = lintHarness();

const messagesOf = async (file: string, code: string) =>
  (await lint(file, code)).filter((message) => message.ruleId === "no-restricted-syntax").map((message) => message.message);

describe("the forms' lint rule", () => {
  it("refuses `as never` and `as any` in components, lib and pages, and allows them in tests", async () => {
    const cast = `export const resolver = (value: unknown) => value as never;\nexport const loose = (value: unknown) => value as any;\n`;
    for (const parent of ["components", "lib", "app"]) {
      const messages = await messagesOf(path.join(temporaryFolder(parent), "a.ts"), cast);
      expect(messages.some((message) => message.startsWith("No `as never`")), parent).toBe(true);
      expect(messages.some((message) => message.startsWith("No `as any`")), parent).toBe(true);
    }
    expect(await messagesOf(path.join(temporaryFolder("lib"), "a.test.ts"), cast)).toEqual([]);
  });

  it("refuses react-hook-form's useForm in a form, and checked-form anywhere", async () => {
    const components = temporaryFolder("components");
    const direct = `"use client";\nimport { useForm } from "react-hook-form";\nexport const useIt = () => useForm();\n`;
    expect(await messagesOf(path.join(components, "Form.tsx"), direct)).toEqual([expect.stringContaining("useServerForm")]);
    const old = `import { useCheckedSubmit } from "@/components/forms/checked-form";\nexport const x = useCheckedSubmit;\n`;
    expect(await messagesOf(path.join(components, "Old.tsx"), old)).toEqual([expect.stringContaining("checked-form is gone")]);
    // Other parts of react-hook-form (useFieldArray, useWatch) are fine.
    const parts = `"use client";\nimport { useWatch } from "react-hook-form";\nexport const x = useWatch;\n`;
    expect(await messagesOf(path.join(components, "Parts.tsx"), parts)).toEqual([]);
  });

  it("still keeps the shared folder out (its selectors are repeated in the forms' rule)", async () => {
    const up = ".."; // written apart, or this test would trip the rule itself
    const messages = await messagesOf(path.join(temporaryFolder("lib"), "b.ts"), `export const file = "${up}/shared/reference/vocabularies.json";\n`);
    expect(messages).toEqual([expect.stringContaining("no shared folder")]);
  });

  it("passes on the one hook, which is the one place that calls useForm", async () => {
    const result = await lintExisting("components/forms/server-form.ts");
    expect(result.messages).toEqual([]);
  });
});

describe("the sources", () => {
  const sources = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const full = path.join(folder, name);
      if (name.startsWith(".") || name === "generated") return [];
      return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
    });
  const files = ["app", "components", "lib"].flatMap((folder) => sources(path.join(process.cwd(), folder)));

  it("have no checked-form", () => {
    expect(existsSync(path.join(process.cwd(), "components/forms/checked-form.ts"))).toBe(false);
    expect(files.filter((file) => readFileSync(file, "utf8").includes("checked-form"))).toEqual([]);
  });

  it("call react-hook-form's useForm in useServerForm only", () => {
    const callers = files.filter((file) => /\buseForm\s*[<(]/.test(readFileSync(file, "utf8")));
    expect(callers.map((file) => path.relative(process.cwd(), file))).toEqual(["components/forms/server-form.ts"]);
  });
});

/**
 * The rule that keeps the repository standing alone (eslint.config.mjs, `standaloneRule`): code
 * that reads the team's shared folder, a sibling of the clone, fails `npm test`'s lint step.
 */
import { ESLint } from "eslint";
import { describe, expect, it, vi } from "vitest";

// Built from parts, so that this file does not trip the rule it tests.
const UP = ["..", "shared"].join("/");
const UP_WINDOWS = ["..", "shared"].join("\\\\");

// Linting loads the project's whole ESLint configuration: seconds, more on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const eslint = new ESLint({ cwd: process.cwd() });
async function sharedErrors(code: string) {
  const [result] = await eslint.lintText(code, { filePath: "lib/example.ts" });
  return result!.messages.filter((message) => message.ruleId === "no-restricted-syntax").length;
}

describe("reading the shared folder beside the clone", () => {
  it("is an error, however the path is written", async () => {
    expect(await sharedErrors(`export const a = "${UP}/reference/vocabularies.json";`)).toBe(1);
    expect(await sharedErrors(`export const b = "../../../${UP}/reference";`)).toBe(1);
    expect(await sharedErrors("const dir = 'x'; export const c = `${dir}/" + UP + "/x`;")).toBe(1);
    expect(await sharedErrors(`import path from "node:path"; export const d = path.resolve(import.meta.dirname, "..", "shared", "reference");`)).toBe(1);
    expect(await sharedErrors(`export const e = "${UP_WINDOWS}\\\\reference";`)).toBe(1);
  });

  it("lets alone what only looks alike", async () => {
    expect(await sharedErrors(`export const a = "lib/shared/x"; export const b = "./shared"; export const c = "${UP}Stuff";`)).toBe(0);
    expect(await sharedErrors(`// copied from ${UP}/reference/lmn\nexport const d = 1;`)).toBe(0);
  });
});

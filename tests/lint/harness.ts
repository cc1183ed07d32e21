/**
 * What the lint tests share: real files in temporary folders of the project (so the linter
 * resolves them as the project's, under its configuration), removed after the file's tests, and
 * the messages ESLint gives on one of them.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import { afterAll, vi } from "vitest";

export function lintHarness() {
  // Linting loads the project's whole ESLint configuration: seconds, more on a busy machine.
  vi.setConfig({ testTimeout: 120_000 });
  const eslint = new ESLint({ cwd: process.cwd() });
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  return {
    /** A new folder inside `parent` (app, components, lib…), removed after the tests. */
    temporaryFolder(parent: string): string {
      const folder = mkdtempSync(path.join(process.cwd(), parent, ".lint-"));
      folders.push(folder);
      return folder;
    },
    /** Writes `code` to `file` and lints it. */
    async messagesOf(file: string, code: string): Promise<Linter.LintMessage[]> {
      writeFileSync(file, code);
      const [result] = await eslint.lintFiles([file]);
      return result!.messages;
    },
    /** Lints a file of the project as it is. */
    async lintExisting(file: string): Promise<ESLint.LintResult> {
      const [result] = await eslint.lintFiles([file]);
      return result!;
    },
  };
}

import type { TestProject } from "vitest/node";
import { createTemplate, type TestDatabaseSource } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseSource: TestDatabaseSource;
  }
}

export default async function setup(project: TestProject) {
  const { source, cleanup } = await createTemplate();
  project.provide("testDatabaseSource", source);
  return cleanup;
}

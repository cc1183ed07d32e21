// Configuration for the standard Prisma CLI, for deployments that have Prisma's binaries.
// Toile's own scripts (npm run db:*) do not need it: they drive Prisma's WebAssembly schema engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});

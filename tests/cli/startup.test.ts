/**
 * What a person sees when `npm start` cannot start: one clear line, no stack trace, a non-zero exit.
 */
import { spawn } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

function start(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [TSX, "scripts/run.ts", "start"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "", TOILE_DATA_DIR: "", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "toile-startup-"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("npm start, when it cannot start", () => {
  it("says in one line that DATABASE_URL cannot be reached, and how to fix it", async () => {
    const port = await freePort(); // nothing listens there
    const { code, output } = await start({
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/toile`,
      PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    const lines = output.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Impossible de joindre la base PostgreSQL de DATABASE_URL \(127\.0\.0\.1:\d+\/toile : ECONNREFUSED\)/);
    expect(lines[0]).toMatch(/retirez DATABASE_URL/);
  }, 30_000);

  it("says that the port is already in use", async () => {
    const busy = net.createServer();
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, () => resolve((busy.address() as net.AddressInfo).port)),
    );
    try {
      const { code, output } = await start({ PORT: String(port) });
      expect(code).toBe(1);
      expect(output.trim()).toBe(
        `Erreur : Le port ${port} est déjà utilisé (Toile tourne peut-être déjà). ` +
          `Arrêtez l'autre programme ou choisissez un autre port : PORT=${port + 1} npm start`,
      );
    } finally {
      busy.close();
    }
  }, 30_000);

  it("names a corrupt embedded data folder and the command that rebuilds it", async () => {
    const dataDir = path.join(scratch, "pglite");
    await mkdir(path.join(dataDir, "global"), { recursive: true });
    await writeFile(path.join(dataDir, "PG_VERSION"), "17\n");
    await writeFile(path.join(dataDir, "global", "pg_control"), "not a control file");
    const { code, output } = await start({ TOILE_DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(output).toContain(`« ${dataDir} » est illisible ou incomplet`);
    expect(output).toContain("npm run db:reset");
    expect(output).not.toMatch(/\n\s+at /);
  }, 30_000);
});

/** What the benchmarks that start servers share: a free port, waiting for an address to answer, stopping a child process. */
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A free TCP port on this machine. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

/** Waits until `url` answers 200, at most `seconds`. */
export async function waitFor(url: string, seconds: number) {
  for (let tries = 0; tries < seconds * 4; tries++) {
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} ne répond pas.`);
}

/** Stops a child process and waits for it (at once if it has already ended). */
export async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/**
 * Toile's HTTP server: Next.js's request handler behind Node's own HTTP server, so that the TCP
 * peer's address reaches the app. Next's route handlers and server actions cannot see the socket:
 * this server deletes any `x-toile-client-address` a client sent and writes the socket's
 * `remoteAddress` there instead (lib/auth/client-address.ts reads it). Started by
 * scripts/lib/serve.ts instead of `next start` / `next dev`:
 *
 *   node scripts/next-server.mjs start|dev <port>
 *
 * Plain JavaScript on purpose: it runs before and apart from the app's TypeScript.
 */
import { createServer } from "node:http";
import path from "node:path";
import next from "next";

/** Keep in step with CLIENT_ADDRESS_HEADER in lib/auth/client-address.ts (an end-to-end test checks it). */
const CLIENT_ADDRESS_HEADER = "x-toile-client-address";

const [mode, portArgument] = process.argv.slice(2);
const port = Number(portArgument);
if ((mode !== "start" && mode !== "dev") || !Number.isInteger(port)) {
  console.error("usage : next-server.mjs start|dev <port>");
  process.exit(2);
}

const dev = mode === "dev";
const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  delete request.headers[CLIENT_ADDRESS_HEADER];
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
server.listen(port, () => console.log(`> Prêt sur http://localhost:${port}${dev ? " (développement)" : ""}`));

const stop = () => {
  server.close();
  server.closeAllConnections();
  void app.close().finally(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

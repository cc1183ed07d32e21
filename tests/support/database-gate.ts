/**
 * A gate between the app and its database, for the fault tests: a TCP relay that can be cut (every
 * open connection dropped, new ones refused, as when PostgreSQL stops or the network fails) and
 * opened again. The end-to-end server puts it in front of its database (scripts/e2e-server.ts) and
 * listens for `POST /cut` and `POST /open` on a control port (tests/e2e/faults.spec.ts).
 */
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import net from "node:net";

export interface DatabaseGate {
  /** The database's address, through the gate. */
  url: string;
  cut(): Promise<void>;
  open(): Promise<void>;
  close(): Promise<void>;
}

const listen = (server: net.Server, port: number) =>
  new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });

export async function startDatabaseGate(databaseUrl: string): Promise<DatabaseGate> {
  const upstream = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const server = net.connect(Number(upstream.port || 5432), upstream.hostname);
    for (const socket of [client, server]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(server).pipe(client);
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
  });
  await listen(relay, 0);
  const port = (relay.address() as net.AddressInfo).port;
  let isOpen = true;

  const gated = new URL(databaseUrl);
  gated.hostname = "127.0.0.1";
  gated.port = String(port);

  return {
    url: gated.toString(),
    async cut() {
      if (!isOpen) return;
      isOpen = false;
      // Closing the listener waits for its connections: they are dropped first.
      const closed = new Promise<void>((resolve) => relay.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    async open() {
      if (isOpen) return;
      await listen(relay, port);
      isOpen = true;
    },
    async close() {
      const closed = isOpen ? new Promise<void>((resolve) => relay.close(() => resolve())) : Promise.resolve();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** `POST /cut` and `POST /open` on 127.0.0.1:`port`, for the tests. */
export async function serveGateControl(gate: DatabaseGate, port: number): Promise<HttpServer> {
  const control = createHttpServer((request, response) => {
    const action = request.method === "POST" ? ({ "/cut": gate.cut, "/open": gate.open } as const)[request.url as "/cut" | "/open"] : undefined;
    if (!action) {
      response.writeHead(404).end();
      return;
    }
    action().then(
      () => response.writeHead(204).end(),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => control.listen(port, "127.0.0.1", resolve));
  return control;
}

import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverPendingSms, deliverSmsStep, enqueueSms, httpSmsTransport, smsText } from "./outbox";

/** A local fake gateway: answers each request with the next planned status (or never, for "hang"). */
let server: Server;
let url: string;
const received: { body: unknown; authorization: string | undefined }[] = [];
let plan: (number | "hang")[] = [];

const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = "";
    request.on("data", (chunk) => (text += chunk));
    request.on("end", () => resolve(text));
  });

beforeAll(async () => {
  server = createServer(async (request, response) => {
    received.push({ body: JSON.parse(await bodyOf(request)), authorization: request.headers.authorization });
    const status = plan.shift() ?? 200;
    if (status === "hang") return;
    response.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const now = new Date("2026-11-23T09:00:00Z");

describe("SMS through the HTTP gateway", () => {
  it("folds accents and keeps one message", () => {
    expect(smsText("Rappel : RDV demain à 14:00, Espace France Services « démarches »")).toBe('Rappel : RDV demain a 14:00, Espace France Services "demarches"');
    expect(smsText("x".repeat(200))).toHaveLength(160);
  });

  it("posts each due message once with the token, retries a failure later, gives up on a gateway that does not answer in time", async () => {
    await db.outboxSms.deleteMany();
    await enqueueSms(db, { to: "+33612345678", text: "Rappel : rendez-vous demain à 14 h." }, now);
    plan = [200];
    expect(await deliverPendingSms(db, httpSmsTransport(url, "secret"), now)).toBe(1);
    expect(received.at(-1)).toEqual({ body: { to: "+33612345678", text: "Rappel : rendez-vous demain a 14 h." }, authorization: "Bearer secret" });
    expect(await db.outboxSms.findFirstOrThrow()).toMatchObject({ status: "sent", attempts: 1 });
    expect(await deliverPendingSms(db, httpSmsTransport(url, "secret"), now)).toBe(0);

    await enqueueSms(db, { to: "+33698765432", text: "Deuxième" }, now);
    plan = [500];
    expect(await deliverPendingSms(db, httpSmsTransport(url, undefined), now)).toBe(0);
    const failed = await db.outboxSms.findFirstOrThrow({ where: { to: "+33698765432" } });
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastError: "Passerelle SMS : HTTP 500" });
    expect(failed.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    // Not due yet at the same instant; a minute later, the gateway answers.
    expect(await deliverPendingSms(db, httpSmsTransport(url, undefined), now)).toBe(0);
    plan = [200];
    expect(await deliverPendingSms(db, httpSmsTransport(url, undefined), new Date(now.getTime() + 60_000))).toBe(1);

    await enqueueSms(db, { to: "+33600000000", text: "Lent" }, now);
    plan = ["hang"];
    expect(await deliverPendingSms(db, httpSmsTransport(url, undefined, 200), now)).toBe(0);
    expect((await db.outboxSms.findFirstOrThrow({ where: { to: "+33600000000" } })).lastError).toMatch(/abort|timeout/i);
  });

  it("is off without SMS_GATEWAY_URL: the worker's step sends nothing", async () => {
    await enqueueSms(db, { to: "+33611111111", text: "Rien" }, now);
    expect(await deliverSmsStep({})(db, new Date(now.getTime() + 3_600_000))).toBe(0);
    expect(await db.outboxSms.count({ where: { to: "+33611111111", status: "pending" } })).toBe(1);
  });
});

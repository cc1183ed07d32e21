import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GEOCODER_UNAVAILABLE, searchAddress } from "./geocoder";

/** A stand-in for the address API, on 127.0.0.1: each test sets how it answers. */
let answer: (request: IncomingMessage, response: ServerResponse) => void;
let server: Server;
let baseUrl: string;
const requests: URL[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(new URL(request.url!, "http://127.0.0.1"));
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const json = (body: unknown) => (_request: IncomingMessage, response: ServerResponse) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
};

const feature = {
  type: "Feature",
  geometry: { type: "Point", coordinates: [3.5163, 49.2003] },
  properties: {
    label: "2 Rue du Moulin 02130 Fère-en-Tardenois",
    name: "2 Rue du Moulin",
    postcode: "02130",
    citycode: "02305",
    city: "Fère-en-Tardenois",
    score: 0.93,
  },
};

describe("searchAddress", () => {
  it("asks /search/ with the query, a limit and the postal code, and reads the candidates", async () => {
    answer = json({ type: "FeatureCollection", features: [feature, { type: "Feature", properties: {} }] });
    const result = await searchAddress(`${baseUrl}/`, "2 rue du moulin", { postalCode: "02130" });
    expect(result).toEqual({
      ok: true,
      candidates: [
        {
          label: "2 Rue du Moulin 02130 Fère-en-Tardenois",
          address: "2 Rue du Moulin",
          postalCode: "02130",
          communeCode: "02305",
          communeName: "Fère-en-Tardenois",
          latitude: 49.2003,
          longitude: 3.5163,
        },
      ],
    });
    const asked = requests.at(-1)!;
    expect(asked.pathname).toBe("/search/");
    expect(Object.fromEntries(asked.searchParams)).toEqual({ q: "2 rue du moulin", limit: "5", postcode: "02130" });
  });

  it("leaves the postal code out when it is not a French one", async () => {
    answer = json({ type: "FeatureCollection", features: [] });
    expect(await searchAddress(baseUrl, "rue de la Loi", { postalCode: "1000" })).toEqual({ ok: true, candidates: [] });
    expect(requests.at(-1)!.searchParams.has("postcode")).toBe(false);
  });

  it("gives up after the timeout, with the message that says to go on by hand", async () => {
    answer = () => {}; // never answers
    // The request is bounded by the timeout asked for (a spy, not a stopwatch: no timing assertion).
    const timeout = vi.spyOn(AbortSignal, "timeout");
    expect(await searchAddress(baseUrl, "2 rue du moulin", { timeoutMs: 200 })).toEqual({ ok: false, error: GEOCODER_UNAVAILABLE });
    expect(timeout).toHaveBeenCalledWith(200);
    timeout.mockRestore();
  });

  it("says the same when the service fails or answers nonsense", async () => {
    answer = (_request, response) => {
      response.writeHead(502);
      response.end("Bad gateway");
    };
    expect(await searchAddress(baseUrl, "2 rue du moulin")).toEqual({ ok: false, error: GEOCODER_UNAVAILABLE });
    answer = (_request, response) => response.end("<html>");
    expect(await searchAddress(baseUrl, "2 rue du moulin")).toEqual({ ok: false, error: GEOCODER_UNAVAILABLE });
  });

  it("says the same when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await searchAddress(`http://127.0.0.1:${port}`, "2 rue du moulin")).toEqual({ ok: false, error: GEOCODER_UNAVAILABLE });
  });
});

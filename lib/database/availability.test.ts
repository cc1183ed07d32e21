import { AsyncLocalStorage } from "node:async_hooks";
import { afterEach, describe, expect, it } from "vitest";
import { databaseFoundUnavailable, DatabaseUnavailableError, isDatabaseUnavailable, noteDatabaseError } from "./availability";

const REQUEST_STATE = Symbol.for("toile.requestState");
const withCause = (message: string, cause: unknown) => Object.assign(new Error(message), { cause });

describe("isDatabaseUnavailable", () => {
  it("knows a refused, lost or timed-out connection, a full server and an exhausted pool", () => {
    const unavailable = [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      new Error("timeout exceeded when trying to connect"),
      new Error("Connection terminated unexpectedly"),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("sorry, too many clients already"), { code: "53300" }),
      Object.assign(new Error("Timed out fetching a new connection from the connection pool."), { code: "P2024" }),
      withCause("Invalid `prisma.offer.findMany()` invocation", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }),
      withCause("wrapped", withCause("wrapped again", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))),
    ];
    for (const error of unavailable) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it("does not take a real bug for an outage", () => {
    const bugs = [
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }),
      Object.assign(new Error("Unique constraint failed"), { code: "P2002" }),
      "a string",
      null,
    ];
    for (const error of bugs) expect(isDatabaseUnavailable(error), String(error)).toBe(false);
  });
});

describe("noteDatabaseError", () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[REQUEST_STATE];
  });

  it("marks the request the server is answering, and only for an outage", () => {
    const storage = new AsyncLocalStorage<{ databaseUnavailable: boolean }>();
    (globalThis as Record<symbol, unknown>)[REQUEST_STATE] = storage;
    const outage = { databaseUnavailable: false };
    const bug = { databaseUnavailable: false };
    storage.run(outage, () => expect(noteDatabaseError(new Error("Connection terminated unexpectedly"))).toBe(true));
    storage.run(bug, () => expect(noteDatabaseError(new TypeError("x is undefined"))).toBe(false));
    expect(outage.databaseUnavailable).toBe(true);
    expect(bug.databaseUnavailable).toBe(false);
  });

  it("outside a request (a timer, a script) only says what it was", () => {
    expect(noteDatabaseError(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }))).toBe(true);
  });
});

describe("DatabaseUnavailableError", () => {
  it("is an outage for every check, and for the request being answered", () => {
    expect(isDatabaseUnavailable(new DatabaseUnavailableError())).toBe(true);
    expect(databaseFoundUnavailable()).toBe(false);
    const storage = new AsyncLocalStorage<{ databaseUnavailable: boolean }>();
    (globalThis as Record<symbol, unknown>)[REQUEST_STATE] = storage;
    storage.run({ databaseUnavailable: false }, () => {
      noteDatabaseError(new DatabaseUnavailableError());
      expect(databaseFoundUnavailable()).toBe(true);
    });
    delete (globalThis as Record<symbol, unknown>)[REQUEST_STATE];
  });
});

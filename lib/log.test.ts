import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { createLogger, isPersonalKey, MASKED, scrub } from "./log";

/** A logger writing into an array of parsed lines, at every level. */
function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger(destination, "debug");
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const EMAIL = "jose.martin@exemple.fr";
const NAME = "José Martin";

describe("the server log", () => {
  it("writes one JSON object per line, with level, time, message and the request id", () => {
    const { logger, parsed } = capture();
    logger.child({ requestId: "3f0c9a1e-req" }).info({ transferId: "t-1", count: 2 }, "Transfert envoyé");
    const [line] = parsed();
    expect(line).toMatchObject({ level: "info", msg: "Transfert envoyé", requestId: "3f0c9a1e-req", transferId: "t-1", count: 2, service: "toile" });
    expect(new Date(line!.time as string).toISOString()).toBe(line!.time);
  });

  it("never writes an email or a name given in an error's context, at any depth", () => {
    const { logger, lines, parsed } = capture();
    const error = new AppError({ code: "transfer.already_decided", params: { status: "accepted", by: NAME, at: null, timeZone: "Europe/Paris" } });
    logger.error(
      {
        err: error,
        transferId: "t-1",
        email: EMAIL,
        account: { id: "u-1", name: NAME, contactEmail: EMAIL },
        recipients: [EMAIL],
        context: { personLabel: NAME, declineMessage: `Appeler ${NAME}`, ip: "203.0.113.9", nested: { deeper: { firstName: "José", phone: "06 12 34 56 78" } } },
      },
      `Échec pour ${EMAIL}`,
    );
    const output = lines.join("\n");
    for (const personal of [EMAIL, NAME, "José", "203.0.113.9", "06 12 34 56 78"]) expect(output).not.toContain(personal);
    const [line] = parsed();
    // What helps to find the problem stays: ids, the error's type and code, where it was thrown.
    expect(line).toMatchObject({ transferId: "t-1", email: MASKED, account: { id: "u-1", name: MASKED, contactEmail: MASKED } });
    expect(line!.err).toMatchObject({ type: "AppError", code: "transfer.already_decided", message: "transfer.already_decided" });
    expect((line!.err as { stack: string }).stack).toContain("log.test.ts");
    expect(line!.msg).toBe("Échec pour [courriel masqué]");
  });

  it("masks an email inside an error's message and its cause, and keeps a Next.js digest", () => {
    const { logger, lines, parsed } = capture();
    const cause = new Error(`SMTP a refusé ${EMAIL}`);
    const error = Object.assign(new Error(`Envoi à ${EMAIL} impossible`, { cause }), { digest: "1234567890", email: EMAIL });
    logger.error({ err: error }, "Envoi des courriels");
    expect(lines.join("\n")).not.toContain(EMAIL);
    expect(parsed()[0]!.err).toMatchObject({ type: "Error", digest: "1234567890", message: "Envoi à [courriel masqué] impossible", cause: { message: "SMTP a refusé [courriel masqué]" } });
  });

  it("masks an email in an error logged on its own, whose message becomes the line's", () => {
    const { logger, lines, parsed } = capture();
    logger.error(new Error(`Adresse refusée : ${EMAIL}`));
    expect(lines.join("\n")).not.toContain(EMAIL);
    expect(parsed()[0]).toMatchObject({ msg: "Adresse refusée : [courriel masqué]", err: { type: "Error" } });
  });

  it("masks personal data in a child logger's bindings too", () => {
    const { logger, lines } = capture();
    logger.child({ email: EMAIL, requestId: "abc12345" }).child({ job: { name: NAME } }).warn("attention");
    expect(lines.join("\n")).not.toContain(NAME);
    expect(lines.join("\n")).not.toContain(EMAIL);
    expect(lines.join("\n")).toContain("abc12345");
  });

  it("tells personal keys from the others", () => {
    for (const key of ["email", "Email", "contact_email", "senderName", "x-forwarded-for", "ip", "homeAddress", "outcomeNote", "headers", "cookie"]) {
      expect(isPersonalKey(key), key).toBe(true);
    }
    for (const key of ["transferId", "structureId", "code", "status", "count", "membership", "relationship", "timer", "digest", "path", "requestId"]) {
      expect(isPersonalKey(key), key).toBe(false);
    }
    expect(scrub({ at: new Date("2026-11-20T09:30:00Z"), ids: ["a", "b"] })).toEqual({ at: new Date("2026-11-20T09:30:00Z"), ids: ["a", "b"] });
  });
});

/**
 * A tiny SMTP server that accepts every message and keeps it, so that a test can count the emails
 * an app delivers (scripts/test-cluster.ts). Plain SMTP as nodemailer speaks it to
 * `smtp://127.0.0.1:<port>` when the server offers nothing more: no TLS, no AUTH, no pipelining.
 */
import net from "node:net";

export interface ReceivedEmail {
  /** The envelope's recipients (RCPT TO), lower-cased. */
  to: string[];
  /** The Subject header, unfolded and decoded (RFC 2047 encoded words). */
  subject: string;
}

export interface SmtpSink {
  port: number;
  messages: ReceivedEmail[];
  close(): Promise<void>;
}

/** `=?UTF-8?Q?…?=` and `=?UTF-8?B?…?=` words of a header, decoded as UTF-8. */
export function decodeHeader(value: string): string {
  const bytes = value
    // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_word, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("latin1")
        : text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    );
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** The decoded Subject of a raw message (headers end at the first empty line). */
function subjectOf(raw: string): string {
  const headers = raw.split("\r\n\r\n", 1)[0]!.replace(/\r\n[ \t]+/g, " ");
  const line = headers.split("\r\n").find((header) => /^subject:/i.test(header));
  return line ? decodeHeader(line.slice("subject:".length).trim()) : "";
}

const addressOf = (line: string) => (line.match(/<([^>]*)>/)?.[1] ?? "").toLowerCase();

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const messages: ReceivedEmail[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    // Bytes as they came: what nodemailer sends is 7-bit (quoted-printable or base64) anyway.
    socket.setEncoding("latin1");
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = "";
    let inData = false;
    let recipients: string[] = [];
    reply("220 toile-smtp-sink");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          const raw = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          messages.push({ to: recipients, subject: subjectOf(raw) });
          recipients = [];
          reply("250 OK");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") reply("250-toile-smtp-sink\r\n250 8BITMIME");
        else if (verb === "HELO") reply("250 toile-smtp-sink");
        else if (verb === "MAIL" || verb === "NOOP") reply("250 OK");
        else if (verb === "RCPT") {
          recipients.push(addressOf(line));
          reply("250 OK");
        } else if (verb === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "RSET") {
          recipients = [];
          reply("250 OK");
        } else if (verb === "QUIT") {
          reply("221 Bye");
          socket.end();
          return;
        } else reply("502 Command not implemented");
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

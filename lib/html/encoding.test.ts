import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodeText, negotiateEncoding, PRECOMPRESSED_HEADER } from "./encoding";

const throughToile = (acceptEncoding?: string) =>
  new Headers({ [PRECOMPRESSED_HEADER]: "accepted", ...(acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding }) });

describe("negotiateEncoding", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br"], // Chromium
    ["gzip, deflate, br", "br"],
    ["br;q=1.0, gzip;q=0.8, *;q=0.1", "br"],
    ["gzip", "gzip"],
    ["gzip, deflate", "gzip"],
    ["gzip;q=1, br;q=0.5", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["*", "br"],
    ["identity", null],
    ["deflate", null],
    ["br;q=0, gzip;q=0", null],
    ["", null],
  ] as const)("Accept-Encoding: %j → %s", (accept, expected) => {
    expect(negotiateEncoding(throughToile(accept))).toBe(expected);
  });

  it("sends the text to a client that says nothing", () => {
    expect(negotiateEncoding(throughToile())).toBeNull();
  });

  it("leaves compression to Next.js when the request did not come through Toile's server (which alone can say the encoding)", () => {
    expect(negotiateEncoding(new Headers({ "accept-encoding": "gzip, deflate, br" }))).toBeNull();
    expect(negotiateEncoding(new Headers({ "accept-encoding": "br", [PRECOMPRESSED_HEADER]: "br" }))).toBeNull();
  });
});

describe("encodeText", () => {
  const page = `<!DOCTYPE html><html lang="ar" dir="rtl"><body>${"<p>Accompagnement aux démarches — مساعدة</p>".repeat(500)}</body></html>`;

  it("compresses a page both ways, and both give back the same text", () => {
    const br = encodeText(page, "br");
    const gzip = encodeText(page, "gzip");
    expect(brotliDecompressSync(br).toString("utf8")).toBe(page);
    expect(gunzipSync(gzip).toString("utf8")).toBe(page);
    expect(br.length).toBeLessThan(Buffer.byteLength(page) / 10);
    expect(gzip.length).toBeLessThan(Buffer.byteLength(page) / 10);
  });
});

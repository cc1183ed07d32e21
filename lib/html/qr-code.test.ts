import { describe, expect, it } from "vitest";
import { checkedQrSvg, qrCodeSvg } from "./qr-code";

describe("qrCodeSvg", () => {
  it("draws any value, hostile ones too, as paths only: the value never appears as text", async () => {
    for (const value of ["https://toile.example/f/TR-ABCD-EF", `"><script>alert(1)</script>\n</svg><img src=x onerror=alert(1)>`]) {
      const svg = (await qrCodeSvg(value)).value;
      expect(svg).toMatch(/^<svg [^<>]*>(<path [^<>]*\/>)+<\/svg>\n?$/);
      expect(svg).not.toMatch(/script|onerror|<img/);
    }
  });

  it("refuses markup of any other shape", () => {
    const good = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 31 31" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h31v31H0z"/></svg>\n';
    expect(checkedQrSvg(good).value).toBe(good);
    for (const bad of [
      good.replace("</svg>", "<script>alert(1)</script></svg>"),
      good.replace('d="M0 0h31v31H0z"', 'd="M0 0" onload="alert(1)"'),
      good.replace("<path", "<image href='javascript:alert(1)'/><path"),
      `${good}<img src=x onerror=alert(1)>`,
    ]) {
      expect(() => checkedQrSvg(bad), bad).toThrow(TypeError);
    }
  });
});

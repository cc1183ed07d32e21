import { describe, expect, it } from "vitest";
import { appUrl, externalUrl, safeUrl, sitePath, UnsafeUrlError } from "./url";

describe("safeUrl", () => {
  it("keeps the site's relative URLs, fragments and queries as they are", () => {
    expect(safeUrl("/t/val-de-lise/recherche")).toBe("/t/val-de-lise/recherche");
    expect(safeUrl("#contenu")).toBe("#contenu");
    expect(safeUrl("?page=2")).toBe("?page=2");
    expect(safeUrl("offres/1")).toBe("offres/1");
    expect(safeUrl("/")).toBe("/");
  });

  it("keeps http(s) URLs, normalized", () => {
    expect(safeUrl("https://example.org/a b".replace(" ", "%20"))).toBe("https://example.org/a%20b");
    expect(safeUrl("HTTP://Example.org")).toBe("http://example.org/");
  });

  it.each([
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    [" javascript:alert(1)"],
    ["java\nscript:alert(1)"],
    ["java\tscript:alert(1)"],
    ["\u0000javascript:alert(1)"],
    ["javascript\r:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox(1)"],
    ["mailto:a@example.org"],
    ["//evil.example/"],
    ["/\\evil.example/"],
    ["\\\\evil.example/"],
    ["/t/x\n/recherche"],
    ['/t/x" onmouseover="alert(1)'],
    ["https://exa mple.org/"],
    ["https://"],
  ])("refuses %j", (target) => {
    expect(() => safeUrl(target)).toThrow(UnsafeUrlError);
  });

  it("builds the query with URLSearchParams: quotes, <, &, #, newlines and non-ASCII letters are encoded", () => {
    const url = safeUrl("/t/x/recherche", { q: `"><script>alert('x')</script>&page=9#top\r\nSet-Cookie: a`, commune: "Saint-Étienne" });
    expect(url).toBe("/t/x/recherche?q=%22%3E%3Cscript%3Ealert%28%27x%27%29%3C%2Fscript%3E%26page%3D9%23top%0D%0ASet-Cookie%3A+a&commune=Saint-%C3%89tienne");
    expect(url).not.toMatch(/["'<>\s]/);
    expect(new URL(url, "https://toile.invalid").searchParams.get("q")).toBe(`"><script>alert('x')</script>&page=9#top\r\nSet-Cookie: a`);
  });

  it("takes URLSearchParams or a record (repeated values, numbers; null and undefined left out), and writes no '?' for an empty query", () => {
    expect(safeUrl("/r", new URLSearchParams([["acces", "a"], ["acces", "b"]]))).toBe("/r?acces=a&acces=b");
    expect(safeUrl("/r", { acces: ["a", "b"], page: 2, lang: undefined, besoin: null })).toBe("/r?acces=a&acces=b&page=2");
    expect(safeUrl("/r", {})).toBe("/r");
    expect(safeUrl("/r?a=1", { b: "2" })).toBe("/r?a=1&b=2");
  });

  it("encodes the fragment, and refuses a query or a second fragment after one", () => {
    expect(safeUrl("/r", { q: "x" }, 'a"<b')).toBe("/r?q=x#a%22%3Cb");
    expect(() => safeUrl("/r#a", { q: "x" })).toThrow(UnsafeUrlError);
    expect(() => safeUrl("/r#a", undefined, "b")).toThrow(UnsafeUrlError);
  });
});

describe("sitePath", () => {
  it("encodes each segment, so no segment can leave its place", () => {
    expect(sitePath("t", "val-de-lise", "offres", 12)).toBe("/t/val-de-lise/offres/12");
    expect(sitePath("t", '../"<x>?#', "recherche")).toBe("/t/..%2F%22%3Cx%3E%3F%23/recherche");
    expect(() => safeUrl(sitePath("t", "a\nb"))).not.toThrow();
  });
});

describe("appUrl and externalUrl", () => {
  it("writes tel:, mailto:, sms: and geo: links with spaces, quotes and brackets encoded", () => {
    expect(appUrl("tel", "0323412045")).toBe("tel:0323412045");
    expect(appUrl("mailto", "ccas@example.fr")).toBe("mailto:ccas@example.fr");
    expect(appUrl("sms", '?body=a b"<x>')).toBe("sms:?body=a%20b%22%3Cx%3E");
    expect(appUrl("geo", "0,0?q=1 rue\n\tde la Paix")).toBe("geo:0,0?q=1%20rue%0A%09de%20la%20Paix");
  });

  it("links a typed website only when it is an absolute http(s) address", () => {
    expect(externalUrl("https://example.org/a")).toBe("https://example.org/a");
    expect(externalUrl("www.example.org")).toBeNull();
    expect(externalUrl("javascript:alert(1)")).toBeNull();
    expect(externalUrl("https://exa mple.org")).toBeNull();
    expect(externalUrl(null)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientIp, trustedProxyHops, TrustedProxyHopsError } from "./client-address";

const request = (headers: Record<string, string>) => new Headers(headers);

describe("clientIp", () => {
  it("with no trusted proxy (the default), is the TCP peer's address and ignores whatever the client forwarded", () => {
    const headers = request({ [CLIENT_ADDRESS_HEADER]: "198.51.100.20", "x-forwarded-for": "203.0.113.5", "x-real-ip": "203.0.113.6" });
    expect(clientIp(headers, 0)).toBe("198.51.100.20");
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.5", "x-real-ip": "203.0.113.6" }), 0)).toBe("inconnue");
  });

  it("with N trusted proxies, is the N-th address from the right of X-Forwarded-For, whatever the client wrote before it", () => {
    const peer = { [CLIENT_ADDRESS_HEADER]: "10.0.0.2" };
    // The client forged "1.2.3.4"; the one proxy appended the address it saw.
    expect(clientIp(request({ ...peer, "x-forwarded-for": "1.2.3.4, 203.0.113.5" }), 1)).toBe("203.0.113.5");
    // Two proxies: the outer one saw the client, the inner one saw the outer one.
    expect(clientIp(request({ ...peer, "x-forwarded-for": "1.2.3.4, 203.0.113.5, 10.0.0.1" }), 2)).toBe("203.0.113.5");
    expect(clientIp(request({ ...peer, "x-forwarded-for": " 203.0.113.5 ,10.0.0.1 " }), 2)).toBe("203.0.113.5");
  });

  it("with fewer forwarded addresses than trusted proxies (the proxies were bypassed), is the TCP peer's address", () => {
    expect(clientIp(request({ [CLIENT_ADDRESS_HEADER]: "198.51.100.20", "x-forwarded-for": "203.0.113.5" }), 2)).toBe("198.51.100.20");
    expect(clientIp(request({ [CLIENT_ADDRESS_HEADER]: "198.51.100.20" }), 1)).toBe("198.51.100.20");
  });

  it("reads TOILE_TRUSTED_PROXY_HOPS by default", () => {
    const saved = process.env.TOILE_TRUSTED_PROXY_HOPS;
    try {
      const headers = request({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, 203.0.113.5" });
      delete process.env.TOILE_TRUSTED_PROXY_HOPS;
      expect(clientIp(headers)).toBe("10.0.0.2");
      process.env.TOILE_TRUSTED_PROXY_HOPS = "1";
      expect(clientIp(headers)).toBe("203.0.113.5");
    } finally {
      if (saved === undefined) delete process.env.TOILE_TRUSTED_PROXY_HOPS;
      else process.env.TOILE_TRUSTED_PROXY_HOPS = saved;
    }
  });
});

describe("trustedProxyHops", () => {
  it("is 0 when unset or empty, the number otherwise", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("0")).toBe(0);
    expect(trustedProxyHops(" 2 ")).toBe(2);
    expect(trustedProxyHops("10")).toBe(10);
  });

  it("refuses anything else, in French", () => {
    for (const value of ["-1", "1.5", "oui", "11", "0x1"]) {
      expect(() => trustedProxyHops(value)).toThrow(TrustedProxyHopsError);
    }
    expect(() => trustedProxyHops("deux")).toThrow("TOILE_TRUSTED_PROXY_HOPS doit être le nombre de proxys devant Toile, de 0 à 10 (reçu : « deux »).");
  });
});

import { describe, expect, it } from "vitest";
import { pooledSmtpUrl } from "./smtp";

describe("pooledSmtpUrl", () => {
  it("adds a pool of five connections, keeps credentials, and leaves an explicit choice alone", () => {
    expect(pooledSmtpUrl("smtps://toile:s%C3%A9cret@smtp.exemple.org:465")).toBe("smtps://toile:s%C3%A9cret@smtp.exemple.org:465?pool=true&maxConnections=5");
    expect(pooledSmtpUrl("smtp://127.0.0.1:2525?pool=false")).toBe("smtp://127.0.0.1:2525?pool=false");
    expect(pooledSmtpUrl("smtp://127.0.0.1:2525?maxConnections=2")).toBe("smtp://127.0.0.1:2525?maxConnections=2&pool=true");
  });
});

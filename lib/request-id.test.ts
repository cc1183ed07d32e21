import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./request-id";

describe("requestIdFrom", () => {
  it("keeps an id a load balancer sent", () => {
    expect(requestIdFrom("f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d")).toBe("f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    expect(requestIdFrom("req_01HZX3.a:b-c")).toBe("req_01HZX3.a:b-c");
  });

  it("makes a new one when none was sent, or what was sent is not an id (too short, too long, spaces, line breaks)", () => {
    for (const sent of [null, undefined, "", "abc", "x".repeat(101), "a b c d e f g h", "abcdefgh\n{\"level\":\"error\"}", "Root=1-67891233-abcdef"]) {
      expect(requestIdFrom(sent)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});

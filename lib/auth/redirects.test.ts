import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./redirects";

describe("safeCallbackUrl", () => {
  it("keeps paths of this site", () => {
    expect(safeCallbackUrl("/structures/abc/membres?x=1")).toBe("/structures/abc/membres?x=1");
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "/\\/evil.example", "javascript:alert(1)", undefined])(
    "refuses %s",
    (value) => {
      expect(safeCallbackUrl(value, "/compte")).toBe("/compte");
    },
  );
});

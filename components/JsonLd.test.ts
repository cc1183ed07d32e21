import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JsonLd } from "./JsonLd";

describe("JsonLd", () => {
  it("writes the value as JSON that nothing inside can close, and that reads back the same", () => {
    const value = { "@type": "Service", name: `</script><script>alert(1)</script><!-- "&' \u2028`, url: "https://example.org/?a=1&b=<2>" };
    const markup = renderToStaticMarkup(createElement(JsonLd, { value }));
    const match = /^<script type="application\/ld\+json">(.*)<\/script>$/s.exec(markup);
    expect(match).not.toBeNull();
    expect(match![1]).not.toContain("<");
    expect(JSON.parse(match![1]!)).toEqual(value);
  });
});

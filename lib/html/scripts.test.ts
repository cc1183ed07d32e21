import { describe, expect, it } from "vitest";
import { enhancementScript, jsonLdScript } from "./scripts";

describe("the scripts a page written as HTML may carry", () => {
  it("writes schema.org data as JSON that nothing inside can close, and that reads back the same", () => {
    const value = { "@type": "Service", name: `</script><script>alert(1)</script><!-- "&' \u2028`, url: "https://example.org/?a=1&b=<2>" };
    const match = /^<script type="application\/ld\+json">(.*)<\/script>$/s.exec(jsonLdScript(value).value);
    expect(match).not.toBeNull();
    expect(match![1]).not.toContain("<");
    expect(JSON.parse(match![1]!)).toEqual(value);
  });

  it("loads the enhancement from the site itself, deferred", () => {
    expect(enhancementScript().value).toBe('<script src="/scripts/enhance.js" defer></script>');
  });
});

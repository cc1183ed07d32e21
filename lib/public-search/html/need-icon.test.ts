import { describe, expect, it } from "vitest";
import { NEED_ICON_NAMES, NEEDS } from "../needs";
import { needIcon } from "./need-icon";

const render = (name: (typeof NEED_ICON_NAMES)[number], className?: string) => needIcon(name, className).value;

describe("needIcon", () => {
  it("draws every icon a need uses, hidden from assistive technologies, inline and tiny", () => {
    for (const name of new Set([...NEED_ICON_NAMES, ...NEEDS.map((need) => need.icon)])) {
      const svg = render(name);
      expect(svg, name).toMatch(/^<svg [^>]*aria-hidden="true"[^>]*>.+<\/svg>$/);
      expect(svg, name).toContain('focusable="false"');
      expect(svg, name).toContain('stroke="currentColor"');
      expect(svg, name).toMatch(/<(path|rect|circle) /);
      expect(svg, name).not.toMatch(/href|url\(|<image|<text|<title/);
      expect(svg.length, name).toBeLessThan(700);
    }
  });

  it("draws different icons for different names", () => {
    const drawings = NEED_ICON_NAMES.map((name) => render(name));
    expect(new Set(drawings).size).toBe(NEED_ICON_NAMES.length);
  });

  it("takes its size from a class, 1.5rem by default", () => {
    expect(render("key")).toContain('class="h-6 w-6"');
    expect(render("key", "h-10 w-10 text-blue-900")).toContain('class="h-10 w-10 text-blue-900"');
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
// @ts-expect-error -- a plain ES module of the build (scripts/), without types
import { buildSiteStylesheet } from "@/scripts/site-stylesheet.mjs";
import { stylesheetsOf } from "./stylesheets";

vi.setConfig({ testTimeout: 60_000 });

describe("stylesheetsOf", () => {
  it("names the stylesheet site.json names, and only one of ours", () => {
    expect(stylesheetsOf('{"href":"/styles/site-0123456789abcdef.css"}')).toEqual(["/styles/site-0123456789abcdef.css"]);
    expect(stylesheetsOf('{"href":"/styles/dev-0123456789abcdef.css"}')).toEqual(["/styles/dev-0123456789abcdef.css"]);
    for (const manifest of [null, "", "{", "{}", '{"href":"javascript:alert(1)"}', '{"href":"//evil.example/site-0123456789abcdef.css"}', '{"href":"/styles/site-0123456789abcdef.css\\"><script>"}']) {
      expect(stylesheetsOf(manifest), String(manifest)).toEqual([]);
    }
  });
});

describe("buildSiteStylesheet", () => {
  // A small site in a folder of the project, so Tailwind resolves from the project's node_modules.
  const root = mkdtempSync(path.join(process.cwd(), ".stylesheet-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("builds app/globals.css with the classes the sources use, names it by its content, and forgets older builds", async () => {
    mkdirSync(path.join(root, "app"));
    writeFileSync(path.join(root, "app", "globals.css"), '@import "tailwindcss";\n');
    writeFileSync(path.join(root, "app", "page.tsx"), 'export const P = () => <p className="text-accent-test underline">x</p>;\n');
    const first: string = await buildSiteStylesheet(root);
    expect(first).toMatch(/^\/styles\/site-[0-9a-f]{16}\.css$/);
    const css = readFileSync(path.join(root, "public", first), "utf8");
    expect(css).toContain(".underline");
    expect(stylesheetsOf(readFileSync(path.join(root, "public", "styles", "site.json"), "utf8"))).toEqual([first]);

    expect(await buildSiteStylesheet(root)).toBe(first);
    writeFileSync(path.join(root, "app", "page.tsx"), 'export const P = () => <p className="line-through">x</p>;\n');
    const second: string = await buildSiteStylesheet(root);
    expect(second).not.toBe(first);
    expect(readFileSync(path.join(root, "public", second), "utf8")).toContain(".line-through");
    expect(existsSync(path.join(root, "public", first))).toBe(false);
    expect(readdirSync(path.join(root, "public", "styles")).sort()).toEqual([second.slice("/styles/".length), "site.json"].sort());

    // Development's build (unminified) sits beside it and leaves it alone: a `next start` keeps serving its file.
    const development: string = await buildSiteStylesheet(root, { development: true });
    expect(development).toMatch(/^\/styles\/dev-[0-9a-f]{16}\.css$/);
    expect(readFileSync(path.join(root, "public", development), "utf8").length).toBeGreaterThan(readFileSync(path.join(root, "public", second), "utf8").length);
    expect(readdirSync(path.join(root, "public", "styles")).sort()).toEqual([second.slice("/styles/".length), "site.json", development.slice("/styles/".length), "dev.json"].sort());
  });
});

/** @jsxImportSource @/lib/html */
import { describe, expect, it } from "vitest";
import { escapeHtml, frenchWithin, isHtml, markupOf, type HtmlChild } from "./html";
import { safeUrl } from "./url";

const hostile = `<script>alert("x")</script> & 'y'`;
const escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;";

describe("lib/html's JSX runtime", () => {
  it("escapes every text child and every attribute value", () => {
    expect((<p title={hostile}>{hostile}</p>).value).toBe(`<p title="${escaped}">${escaped}</p>`);
    expect((<p data-x={hostile} aria-label={hostile} />).value).toBe(`<p data-x="${escaped}" aria-label="${escaped}"></p>`);
  });

  it("puts the renderer's own output in as it is, and never escapes twice", () => {
    const inner = <b>{"a & b"}</b>;
    expect((<p>{inner}{inner}</p>).value).toBe("<p><b>a &amp; b</b><b>a &amp; b</b></p>");
  });

  it("joins lists, nested ones too, and writes nothing for null, undefined, true and false", () => {
    const items = ["a", ["<b>", <i>c</i>]];
    expect((<ul>{items.map((item) => <li>{item}</li>)}</ul>).value).toBe("<ul><li>a</li><li>&lt;b&gt;<i>c</i></li></ul>");
    expect((<>{null}{undefined}{false}{true}|{0}</>).value).toBe("|0");
  });

  it("writes boolean attributes by name, leaves out null, undefined and false, writes numbers", () => {
    expect((<input type="checkbox" checked={true} disabled={false} value={undefined} name={null} maxlength={3} />).value).toBe('<input type="checkbox" checked maxlength="3">');
  });

  it("closes every element but the void ones, and calls components with their props and children", () => {
    const Box = ({ label, children }: { label: string; children?: HtmlChild }) => <div aria-label={label}>{children}</div>;
    expect((<Box label="l"><br /><meta charset="utf-8" /><link rel="stylesheet" href={safeUrl("/a.css")} /><span /></Box>).value).toBe(
      '<div aria-label="l"><br><meta charset="utf-8"><link rel="stylesheet" href="/a.css"><span></span></div>',
    );
  });

  it("lets SVG shapes without children close themselves", () => {
    expect((<svg viewBox="0 0 24 24"><path d="M0 0" /><circle r="1">{""}</circle></svg>).value).toBe('<svg viewBox="0 0 24 24"><path d="M0 0"/><circle r="1"/></svg>');
  });

  it("refuses, at run time, what its types refuse: a look-alike of Html, a promise, an object attribute, an event handler", () => {
    const fake = { value: "<img src=x onerror=alert(1)>" };
    // @ts-expect-error -- a look-alike is not Html
    expect(() => <p>{fake}</p>).toThrow(TypeError);
    // @ts-expect-error -- nor is a promise
    expect(() => <p>{Promise.resolve("x")}</p>).toThrow(TypeError);
    // @ts-expect-error -- attributes are text
    expect(() => <p title={<b>x</b>} />).toThrow(TypeError);
    // @ts-expect-error -- no event handler attribute
    expect(() => <p onclick="alert(1)" />).toThrow(TypeError);
  });

  it("types links and forms: href, action and src take a SafeUrl, never a plain string", () => {
    // @ts-expect-error -- a string is not a SafeUrl
    expect((<a href="javascript:alert(1)">x</a>).value).toContain("href");
    expect((<form action={safeUrl("/t/x/recherche", { q: '"<\n' })} />).value).toBe('<form action="/t/x/recherche?q=%22%3C%0A"></form>');
  });

  it("has no script, style or iframe element", () => {
    // @ts-expect-error -- no <script>
    expect((<script>{"alert(1)"}</script>).value).toBe("<script>alert(1)</script>");
    // @ts-expect-error -- no <style>
    expect((<style />).value).toBe("<style></style>");
    // @ts-expect-error -- no <iframe>
    expect((<iframe />).value).toBe("<iframe></iframe>");
  });

  it("escapes the same way whatever was escaped before (no state kept between calls)", () => {
    for (let index = 0; index < 3; index++) expect(escapeHtml("a<b")).toBe("a&lt;b");
    expect(escapeHtml("plain")).toBe("plain");
  });

  it("marks the offers' French words on a page in another language", () => {
    expect((<span lang={frenchWithin("en")}>x</span>).value).toBe('<span lang="fr">x</span>');
    expect((<span lang={frenchWithin("fr")}>x</span>).value).toBe("<span>x</span>");
  });
});

describe("markupOf", () => {
  it("gives the markup of the renderer's output, and nothing else", () => {
    const rendered = <p>{hostile}</p>;
    expect(isHtml(rendered)).toBe(true);
    expect(markupOf(rendered)).toBe(`<p>${escaped}</p>`);
    // @ts-expect-error -- a string is not Html
    expect(() => markupOf("<img src=x onerror=alert(1)>")).toThrow(TypeError);
    // @ts-expect-error -- nor is an object that looks like it
    expect(() => markupOf({ value: "<img src=x onerror=alert(1)>", toString: () => "<img>" })).toThrow(TypeError);
    expect(isHtml({ value: "<p>" })).toBe(false);
  });
});

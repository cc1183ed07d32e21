import { describe, expect, it } from "vitest";
import { escapeHtml, frenchWithin, html, raw } from "./html";

describe("html", () => {
  it("escapes every interpolated text, in content and in attribute values", () => {
    const hostile = `<script>alert("x")</script> & 'y'`;
    expect(html`<p title="${hostile}">${hostile}</p>`.value).toBe(
      "<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>",
    );
  });

  it("puts templates and raw markup in as they are, and never escapes twice", () => {
    const inner = html`<b>${"a & b"}</b>`;
    expect(html`<p>${inner}${raw("<br>")}</p>`.value).toBe("<p><b>a &amp; b</b><br></p>");
  });

  it("joins lists, nested ones too, and writes nothing for null, undefined, true and false", () => {
    expect(html`<ul>${["a", ["<b>", html`<i>c</i>`]].map((item) => html`<li>${item}</li>`)}</ul>`.value).toBe("<ul><li>a</li><li>&lt;b&gt;<i>c</i></li></ul>");
    expect(html`${null}${undefined}${false}${true}|${0}`.value).toBe("|0");
  });

  it("escapes the same way whatever was escaped before (no state kept between calls)", () => {
    for (let index = 0; index < 3; index++) expect(escapeHtml("a<b")).toBe("a&lt;b");
    expect(escapeHtml("plain")).toBe("plain");
  });

  it("marks the offers' French words on a page in another language", () => {
    expect(html`<span${frenchWithin("en")}>x</span>`.value).toBe('<span lang="fr">x</span>');
    expect(html`<span${frenchWithin("fr")}>x</span>`.value).toBe("<span>x</span>");
  });
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Html } from "@/lib/html/html";
import { notFoundMain } from "@/lib/html/not-found";
import { HtmlBlock } from "./HtmlBlock";

const show = (html: Html, className?: string) => renderToStaticMarkup(createElement(HtmlBlock, { html, className }));

describe("HtmlBlock", () => {
  it("shows lib/html's rendered output as it is, in a div", () => {
    expect(show(notFoundMain(), "contents")).toBe(`<div class="contents">${notFoundMain().value}</div>`);
  });

  it("refuses anything else: a string, an object that looks like Html", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    // @ts-expect-error -- a string is not Html
    expect(() => show(hostile)).toThrow(TypeError);
    // @ts-expect-error -- nor is a look-alike
    expect(() => show({ value: hostile, toString: () => hostile })).toThrow(TypeError);
  });
});

/**
 * A 400 on an unknown `need` says where the valid values are, and they are all there: on the /api
 * page (rendered) and in the OpenAPI document's `need` parameter.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ApiPage from "@/app/api/page";
import { allNeeds } from "@/lib/public-search/needs";
import { VOCABULARY_CODES } from "../crosswalks";
import { OPENAPI } from "./openapi";
import { NEEDS_DOCUMENTATION, needTerms, offersParams, parseParams } from "./params";

const accepted = [
  ...allNeeds().map(({ slug }) => slug),
  ...VOCABULARY_CODES.get("lmn.services")!,
  ...VOCABULARY_CODES.get("dataInclusion.v1.thematiques")!,
];

/** The text of rendered markup, entities decoded as a browser would. */
const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, "\n")
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

describe("the values of need", () => {
  it("a 400 on an unknown need points to the list", () => {
    const parsed = parseParams(offersParams, new URL("http://toile.test/api/v1/territories/t/offers?need=voler-la-lune"));
    expect(parsed.ok).toBe(false);
    const message = !parsed.ok ? parsed.errors[0]!.message : "";
    expect(message).toContain(NEEDS_DOCUMENTATION);
    expect(NEEDS_DOCUMENTATION).toBe("/api#besoins");
  });

  it("are all listed on /api, under #besoins", () => {
    const markup = renderToStaticMarkup(createElement(ApiPage));
    expect(markup).toContain('id="besoins"');
    const listed = new Set(text(markup.slice(markup.indexOf('id="besoins"'))).split("\n").map((line) => line.trim()));
    expect(accepted.length).toBeGreaterThan(80);
    expect(accepted.filter((value) => !listed.has(value))).toEqual([]);
  });

  it("are all the values of the need parameter in the OpenAPI document, each accepted by the API", () => {
    const parameters = OPENAPI.paths["/api/v1/territories/{slug}/offers"].get.parameters as unknown as { name: string; description: string; schema: { anyOf: { enum: string[] }[] } }[];
    const need = parameters.find((parameter) => parameter.name === "need")!;
    const documented = need.schema.anyOf.flatMap((branch) => branch.enum);
    expect([...new Set(documented)].sort()).toEqual([...new Set(accepted)].sort());
    expect(documented.filter((value) => needTerms(value) === null)).toEqual([]);
    expect(need.description).toContain(NEEDS_DOCUMENTATION);
  });
});

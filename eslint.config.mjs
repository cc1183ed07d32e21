import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const SHARED_MESSAGE =
  "A clone of this repository has no shared folder beside it: copy the file into tests/fixtures/ (see its README) and read it from there.";

/**
 * Nothing in the repository reads the team's shared folder beside the clone (issue 14): a user's clone, and CI's,
 * stands alone. Caught: a path written with ".." then "shared" as one string, and path.join/resolve(…, "..", "shared", …).
 */
export const standaloneRule = {
  files: ["**/*.{ts,tsx,js,mjs,cjs}"],
  rules: {
    "no-restricted-syntax": [
      "error",
      // esquery's regular expressions cannot hold a "/": a separator is "not a word character nor a dot".
      { selector: "Literal[value=/(^|[^\\w.])\\.\\.[^\\w.]shared(\\W|$)/]", message: SHARED_MESSAGE },
      { selector: "TemplateElement[value.raw=/(^|[^\\w.])\\.\\.[^\\w.]shared(\\W|$)/]", message: SHARED_MESSAGE },
      {
        selector: "CallExpression[callee.property.name=/^(join|resolve)$/]:has(> Literal[value='..']):has(> Literal[value='shared'])",
        message: SHARED_MESSAGE,
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  standaloneRule,
];

export default config;

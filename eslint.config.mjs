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

/** No import cycles anywhere (issue 15): a cycle is a layer that leans on the one above it. */
const noCycles = {
  files: ["**/*.{ts,tsx,mjs}"],
  // Packages are not followed: a cycle is ours, and parsing node_modules costs (and trips on bundles).
  settings: { "import/ignore": ["node_modules"] },
  rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
};

/**
 * Components render; they never reach the database. (Routes in app/ still receive `db` and pass it
 * to lib/ — issue 15 moves that behind lib/ too, and then this rule covers app/.)
 */
const componentsWithoutDatabase = {
  files: ["components/**/*.{ts,tsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: [{ name: "@/lib/db", message: "Components do not query the database: the page reads through lib/ and passes values." }],
        patterns: [{ group: ["@/lib/database/*"], message: "Components do not reach the database." }],
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
  noCycles,
  componentsWithoutDatabase,
];

export default config;

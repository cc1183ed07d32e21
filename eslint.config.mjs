import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const SHARED_MESSAGE =
  "A clone of this repository has no shared folder beside it: copy the file into tests/fixtures/ (see its README) and read it from there.";

/**
 * Nothing in the repository reads the team's shared folder beside the clone (issue 14): a user's clone, and CI's,
 * stands alone. Caught: a path written with ".." then "shared" as one string, and path.join/resolve(…, "..", "shared", …).
 */
const STANDALONE_SELECTORS = [
  // esquery's regular expressions cannot hold a "/": a separator is "not a word character nor a dot".
  { selector: "Literal[value=/(^|[^\\w.])\\.\\.[^\\w.]shared(\\W|$)/]", message: SHARED_MESSAGE },
  { selector: "TemplateElement[value.raw=/(^|[^\\w.])\\.\\.[^\\w.]shared(\\W|$)/]", message: SHARED_MESSAGE },
  {
    selector: "CallExpression[callee.property.name=/^(join|resolve)$/]:has(> Literal[value='..']):has(> Literal[value='shared'])",
    message: SHARED_MESSAGE,
  },
];

export const standaloneRule = {
  files: ["**/*.{ts,tsx,js,mjs,cjs}"],
  rules: { "no-restricted-syntax": ["error", ...STANDALONE_SELECTORS] },
};

/**
 * One way to write a form (issue 15): types come from the form's zod schema, never from a cast to
 * `never` (or `any`), and react-hook-form is used through `useServerForm`
 * (components/forms/server-form.ts) only; the older wiring, `checked-form`, does not come back.
 * Tests may still cast their fakes. (ESLint replaces a rule's options per file: the standalone
 * selectors are repeated here.) Tested in tests/lint/forms.test.ts.
 */
const NO_CAST_TO_NEVER = [
  { selector: "TSAsExpression > TSNeverKeyword", message: "No `as never`: type the value (for a form, from its schema's z.input / z.output)." },
  { selector: "TSAsExpression > TSAnyKeyword", message: "No `as any`: type the value (for a form, from its schema's z.input / z.output)." },
  { selector: "ImportDeclaration[source.value=/checked-form$/]", message: "checked-form is gone: write the form with useServerForm (components/forms/server-form.ts)." },
];
const NO_DIRECT_USE_FORM = {
  selector: "ImportDeclaration[source.value='react-hook-form'] > ImportSpecifier[imported.name='useForm']",
  message: "A form uses useServerForm (components/forms/server-form.ts), not react-hook-form's useForm directly.",
};
const formsRule = {
  files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
  ignores: ["**/*.test.ts", "**/*.test.tsx"],
  rules: { "no-restricted-syntax": ["error", ...STANDALONE_SELECTORS, ...NO_CAST_TO_NEVER, NO_DIRECT_USE_FORM] },
};
/** The one hook is the one place that calls useForm. */
const serverFormHook = {
  files: ["components/forms/server-form.ts"],
  rules: { "no-restricted-syntax": ["error", ...STANDALONE_SELECTORS, ...NO_CAST_TO_NEVER] },
};

/** No import cycles anywhere (issue 15): a cycle is a layer that leans on the one above it. */
const noCycles = {
  files: ["**/*.{ts,tsx,mjs}"],
  // Packages are not followed: a cycle is ours, and parsing node_modules costs (and trips on bundles).
  settings: { "import/ignore": ["node_modules"] },
  rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
};

/** Only lib/html's JSX runtime and its reviewed helpers make `Html` (markup put in a page as it is). */
const RENDERED_ONLY_IN_LIB_HTML = {
  name: "@/lib/html/html",
  importNames: ["rendered"],
  message: "Html is made by lib/html's JSX runtime (`/** @jsxImportSource @/lib/html */`), never by hand.",
};

/**
 * Routes and components never reach the database (issue 15): a page reads through lib/ (the page
 * loaders of lib/<feature>/page-data.ts bind the one client) and components receive values.
 * Held for the client (`@/lib/db`, however the path is written), the database modules, and the
 * generated Prisma client's runtime values (its types may still be imported: `import type`).
 */
const DATABASE_MESSAGE = "app/ and components/ do not query the database: read through a lib/ function (lib/<feature>/page-data.ts) and pass values.";
const withoutDatabase = {
  files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: [RENDERED_ONLY_IN_LIB_HTML],
        patterns: [
          { group: ["**/lib/db", "**/lib/db.ts"], message: DATABASE_MESSAGE },
          { group: ["**/lib/database/*"], message: DATABASE_MESSAGE },
        ],
      },
    ],
    "@typescript-eslint/no-restricted-imports": [
      "error",
      { patterns: [{ group: ["**/lib/generated/prisma", "**/lib/generated/prisma/*"], allowTypeImports: true, message: DATABASE_MESSAGE }] },
    ],
  },
};

const renderedOnlyInLibHtml = {
  files: ["**/*.{ts,tsx,mjs}"],
  ignores: ["lib/html/**"],
  rules: { "no-restricted-imports": ["error", { paths: [RENDERED_ONLY_IN_LIB_HTML] }] },
};

/**
 * Markup put in a React page as it is goes through one reviewed, tested component only:
 * components/HtmlBlock.tsx (lib/html's rendered output; schema.org data is written by
 * lib/html/scripts.ts). Everywhere else `dangerouslySetInnerHTML` is an error (tests/lint/html.test.ts).
 */
const noDanger = {
  files: ["**/*.{ts,tsx,js,jsx,mjs}"],
  rules: { "react/no-danger": "error" },
};

/** lib/html's JSX is strings, not React elements: React's rules about keys, entities and next/head do not apply to it. */
const htmlJsx = {
  files: ["lib/**/html/**/*.tsx"],
  rules: { "react/jsx-key": "off", "react/no-unescaped-entities": "off", "@next/next/no-head-element": "off" },
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
  formsRule,
  serverFormHook,
  noCycles,
  renderedOnlyInLibHtml,
  withoutDatabase,
  noDanger,
  htmlJsx,
];

export default config;

/** The development entry of lib/html's JSX runtime (Next and Vitest ask for `jsxDEV` in development): the same runtime. */
export { Fragment, jsx as jsxDEV, type JSX } from "./jsx-runtime";

/** The public forms' fields and buttons: big enough to tap, readable at 200 % zoom. */
export const inputClass = "mt-1 block min-h-11 w-full rounded border border-slate-500 px-3 py-2 text-lg";
export const buttonClass = "min-h-11 rounded bg-accent px-5 py-2 text-lg font-semibold text-white hover:bg-blue-800";

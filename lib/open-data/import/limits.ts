/**
 * The import's size limit, shared by the parser (csv.ts), the proxy (a plain form post of a bigger
 * file is answered before its body is read) and the file field (checked in the browser, so a
 * person with JavaScript never uploads it). Server actions take bodies up to 25 MB
 * (next.config.mjs); the proxy and the field keep bigger files from ever reaching them.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * An XLSX file's XML, once unzipped, is read only up to this size: exceljs holds a whole workbook
 * in memory (about 30 times its XML), so this bounds an import's memory. 50,000 rows of the Toile
 * template take about 18 MB.
 */
export const MAX_IMPORT_XML_BYTES = 20 * 1024 * 1024;

export const IMPORT_TOO_BIG = "Fichier trop volumineux : 20 Mo au plus. Découpez-le, par exemple par département.";

/** A form post's body may carry a little more than the file (the other fields, the boundaries). */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** Whether a request to the import page posts a body too big to hold a file Toile would accept. */
export function importPostTooBig(method: string, pathname: string, contentLength: string | null): boolean {
  if (method !== "POST" || !/^\/territoires\/[^/]+\/import\/?$/.test(pathname)) return false;
  const bytes = Number(contentLength);
  return Number.isFinite(bytes) && bytes > MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES;
}

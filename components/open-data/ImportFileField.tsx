"use client";
/**
 * The import's file field: with JavaScript, a file over the limit is refused here, next to the
 * field, before anything is uploaded (the browser's own validation blocks the form). Without
 * JavaScript the proxy answers such a post with the same message (lib/open-data/import/limits.ts).
 */
import { useState } from "react";
import { describedBy, Field } from "@/components/forms/Field";
import { IMPORT_TOO_BIG, MAX_IMPORT_BYTES } from "@/lib/open-data/import/limits";

export function ImportFileField() {
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <Field id="import-fichier" label="Fichier (CSV, JSON ou XLSX, 20 Mo au plus)" error={error}>
      <input
        id="import-fichier"
        name="fichier"
        type="file"
        accept=".csv,.json,.xlsx,.txt"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy("import-fichier", undefined, error)}
        className="mt-1"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          const message = file && file.size > MAX_IMPORT_BYTES ? IMPORT_TOO_BIG : undefined;
          event.currentTarget.setCustomValidity(message ?? "");
          setError(message);
        }}
      />
    </Field>
  );
}

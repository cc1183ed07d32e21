/**
 * data·inclusion's official JSON Schemas (v1.0.8) as validators, for the tests: the exporter checks
 * its records with its own zod copy (lib/open-data/datainclusion/schema.ts); the tests check the
 * output against what data·inclusion publishes. The schemas declare no `$schema`: pydantic writes
 * JSON Schema 2020-12, hence ajv's 2020 build; formats (date, email, uri) checked by ajv-formats.
 */
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { DI_SERVICE_SCHEMA_JSON, DI_STRUCTURE_SCHEMA_JSON } from "./fixtures";

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validators = {
  structure: ajv.compile(JSON.parse(readFileSync(DI_STRUCTURE_SCHEMA_JSON, "utf8"))),
  service: ajv.compile(JSON.parse(readFileSync(DI_SERVICE_SCHEMA_JSON, "utf8"))),
};

/** The official schema's errors for each record that has some, as "<id> <path> <message>" ([] when all validate). */
export function officialDiErrors(kind: "structure" | "service", records: readonly object[]): string[] {
  const validate = validators[kind];
  return records.flatMap((record) =>
    validate(record)
      ? []
      : (validate.errors ?? []).map((error) => `${(record as { id?: string }).id} ${error.instancePath || "/"} ${error.message}`),
  );
}

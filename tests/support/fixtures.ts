/** The test fixtures copied into the repository (tests/fixtures/README.md says where each comes from). */
import path from "node:path";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

/** The LMN standard's own valid example, v1.0.1 (CSV). */
export const LMN_EXAMPLE_CSV = path.join(FIXTURES, "lmn/exemple-valide-v1.0.1.csv");
/** 687 real places in the LMN v0.1 layout (source « Hinaura »), with real OSM hours. */
export const HINAURA_V0_JSON = path.join(FIXTURES, "real-data/lieux-mediation-numerique-hinaura-v0.json");
/** data·inclusion's published JSON Schemas, v1.0.8 (Structure and Service), as compiled from its pydantic models. */
export const DI_STRUCTURE_SCHEMA_JSON = path.join(FIXTURES, "datainclusion/structure-v1.0.8.json");
export const DI_SERVICE_SCHEMA_JSON = path.join(FIXTURES, "datainclusion/service-v1.0.8.json");
/** HSDS 3.1's compiled organization schema (everything nested), gzipped; README gives the original's sha256. */
export const HSDS_ORGANIZATION_SCHEMA_GZ = path.join(FIXTURES, "hsds/organization.json.gz");

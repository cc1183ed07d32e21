/**
 * The neutral import model every parser produces (LMN v1 CSV/JSON, LMN v0, and next the Toile
 * template): one row per place, with the identity of its structure, its address, its offer as
 * Toile term references (through the crosswalks), its hours as weekly slots, and the source row.
 * The preview and the confirmed commit work on this, whatever the file's format.
 */
import type { Exception, HolidayRule, Slot } from "@/lib/hours/rules";
import type { OfferConditions } from "@/lib/matrix/conditions";
import type { TermRef } from "../crosswalks";
import type { IdentifierType, LmnPassThrough } from "../snapshot";

export interface ImportIssue {
  /** The file's line (CSV, header = 1) or the record's position (JSON, first = 1); 0 for the whole file. */
  row: number;
  column: string;
  value: string;
  /** In French, for the coordinator. */
  why: string;
  /** "error": the row (or file) cannot be imported as it is; "warning": imported, with a loss or a guess. */
  level: "error" | "warning";
  /** A commune named ambiguously (the template): the communes it may be, for the coordinator to pick one in the preview. */
  candidates?: { code: string; name: string; postalCode: string; department: string }[];
}

export interface ImportRow {
  sourceRow: number;
  /** The row's identifier in the source (LMN `id`), used to match on re-import. */
  sourceId: string;
  structure: {
    name: string;
    identifiers: { type: IdentifierType; value: string }[];
    email: string | null;
    phone: string | null;
    website: string | null;
    description: string;
    /** Typology and labels. */
    terms: TermRef[];
  };
  place: {
    name: string;
    address: string;
    addressComplement: string | null;
    postalCode: string;
    communeCode: string | null;
    communeName: string;
    country: "FR";
    latitude: number | null;
    longitude: number | null;
  };
  /** The offer's terms: services, publics, specific support, fees, access, accompaniment, postures. */
  terms: TermRef[];
  /** `raw` is the source string; slots and dated exceptions are what Toile understood of it. */
  hours: { raw: string; slots: Slot[]; exceptions: Exception[]; publicHolidays: HolidayRule; understood: boolean } | null;
  updatedOn: string | null;
  /** The LMN fields Toile has no column for, kept as read (for the round trip and the preview). */
  lmn: LmnPassThrough;
  /**
   * What the row says of its offer beyond terms (the Toile template: one row per offer). LMN rows
   * have none: their offer is "the place's digital-mediation offer".
   */
  offer?: {
    title: string;
    feeDetails: string | null;
    documentsToBring: string[];
    acceptsTransfers: boolean;
    /** The "Conditions" cell read back (null: empty, the offer's stay). */
    conditions?: OfferConditions | null;
    /** Terms the file cannot tell apart (one label in two vocabularies): the plan keeps the one the offer has. */
    sameLabelTerms?: TermRef[][];
    /** The vocabularies the file has columns for: the offer's terms of others stay. */
    vocabularies?: string[];
  };
  /**
   * Toile's own ids, as the matrix export writes them (the template): a re-import into the same
   * territory finds its structure, place and offer by them before any name or address. Ids of
   * another territory find nothing, and the row is matched as any other.
   */
  toile?: {
    structureId: string | null;
    placeId: string | null;
    offerId: string | null;
    /** The row gave its place in the address columns (name, address, commune as written), not only "Où". */
    placeColumns: boolean;
  };
}

export type LmnFileVersion = "v1" | "v0";

export interface ImportResult {
  format: "lmn-csv" | "lmn-json" | "toile-template";
  version: LmnFileVersion | null;
  rows: ImportRow[];
  issues: ImportIssue[];
}

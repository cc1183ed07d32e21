/**
 * Coded errors: what a domain function returns (`Refusal`, a tagged result) or throws
 * (`AppError`) when it refuses, instead of a sentence. The words come from one mapper,
 * `messageOf` (lib/errors/messages.ts), called by the server action wrappers. An `AppError`'s
 * `message` is its code: nothing personal, nothing to parse.
 */
import type { Coded } from "./messages";

export type { Coded } from "./messages";

/**
 * A refusal as a value. With `field`, the code's words go on that field of the form (and the form
 * says "form.invalid"); `fieldErrors` carries words a form-level check already wrote (zod's).
 */
export type Refusal = Coded & { ok: false; field?: string; fieldErrors?: Record<string, string[]>; versions?: VersionRow[] };

/**
 * A save refused because someone else saved first: field by field, what they saved and what this
 * person typed, in words, so both versions are in front of them (the form keeps theirs).
 */
export interface VersionRow {
  label: string;
  saved: string;
  yours: string;
}

export function refusal(coded: Coded, field?: string): Refusal {
  return { ok: false, ...coded, ...(field ? { field } : {}) };
}

export class AppError extends Error {
  readonly coded: Coded;
  readonly field?: string;

  constructor(coded: Coded, options?: { field?: string; cause?: unknown }) {
    super(coded.code, { cause: options?.cause });
    this.name = "AppError";
    this.coded = coded;
    this.field = options?.field;
  }

  get code() {
    return this.coded.code;
  }

  toRefusal(): Refusal {
    return refusal(this.coded, this.field);
  }
}

/** The documents checklist of a transfer, as stored in its JSON column. */
import type { Prisma } from "@/lib/generated/prisma/client";

export interface TransferDocument {
  label: string;
  ready: boolean;
}

/** The checklist rows of a transfer's `documents` JSON; anything malformed is left out. */
export function documentsOf(value: Prisma.JsonValue | null | undefined): TransferDocument[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    item && typeof item === "object" && !Array.isArray(item) && typeof item.label === "string"
      ? [{ label: item.label, ready: item.ready === true }]
      : [],
  );
}

import type { StructureRole } from "@/lib/generated/prisma/client";

export const ROLE_LABELS: Record<StructureRole, string> = { admin: "administrateur·rice", member: "membre" };

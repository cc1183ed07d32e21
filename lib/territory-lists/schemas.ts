/** The short lists' editor forms (`/territoires/<slug>/listes`), one zod schema each. */
import { z } from "zod";
import { text } from "@/lib/forms/fields";
import { TerritoryListKind } from "@/lib/generated/prisma/enums";

const uuid = z.uuid("Identifiant invalide : rechargez la page.");
const label = text("Libellé", 120).pipe(z.string().min(2, "Indiquez un libellé (deux caractères au moins)."));

export const addItemSchema = z.object({ territoryId: uuid, kind: z.enum(TerritoryListKind, "Liste inconnue."), label });
export const renameItemSchema = z.object({ territoryId: uuid, itemId: uuid, label });
export const moveItemSchema = z.object({ territoryId: uuid, itemId: uuid, direction: z.enum(["up", "down"], "Choix invalide.") });
export const archiveItemSchema = z.object({ territoryId: uuid, itemId: uuid, archived: z.enum(["true", "false"], "Choix invalide.").transform((value) => value === "true") });

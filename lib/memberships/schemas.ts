import { z } from "zod";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Indiquez une adresse courriel.")
  .max(254, "Cette adresse est trop longue.")
  .pipe(z.email("Cette adresse courriel n'est pas valide (exemple : prenom.nom@exemple.fr)."));

const id = z.uuid("Identifiant invalide.");

export const inviteSchema = z.object({
  structureId: id,
  email,
  role: z.enum(["admin", "member"], { error: "Choisissez un rôle." }),
});

export const acceptInvitationSchema = z.object({ token: z.string().min(20).max(100) });

export const requestJoinSchema = z.object({
  structureId: id,
  message: z.string().trim().max(500, "500 caractères au plus.").optional().default(""),
});

/** The answer to the proposal of a ProConnect SIRET (lib/auth/proconnect.ts). */
export const answerSiretProposalSchema = z.object({ decision: z.enum(["join", "decline"]) });

export const decideJoinRequestSchema = z.object({
  requestId: id,
  decision: z.enum(["accept", "refuse"]),
});

export const removeMemberSchema = z.object({ structureId: id, userId: id });

export const createTerritorySchema = z.object({
  name: z.string().trim().min(3, "3 caractères au moins.").max(120, "120 caractères au plus."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lettres minuscules, chiffres et tirets seulement (exemple : val-de-lise)."),
  country: z.enum(["FR", "BE"], { error: "Choisissez la France ou la Belgique." }),
});

export const nameCoordinatorSchema = z.object({ territoryId: id, email });

import { z } from "zod";

/** The sign-in form: one email address. */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Indiquez votre adresse courriel.")
    .max(254, "Cette adresse est trop longue.")
    .pipe(z.email("Cette adresse courriel n'est pas valide (exemple : prenom.nom@exemple.fr).")),
});

/** Deleting one's account: an explicit confirmation. */
export const deleteAccountSchema = z.object({
  confirmation: z.literal("on", { error: "Cochez la case pour confirmer la suppression." }),
});

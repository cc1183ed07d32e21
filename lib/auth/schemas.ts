import { z } from "zod";
import { messageOf } from "@/lib/errors/messages";

/** The sign-in form: one email address. */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, messageOf({ code: "sign_in.email_missing" }))
    .max(254, messageOf({ code: "sign_in.email_too_long" }))
    .pipe(z.email(messageOf({ code: "sign_in.email_invalid" }))),
});

/** Deleting one's account: an explicit confirmation. */
export const deleteAccountSchema = z.object({
  confirmation: z.literal("on", { error: "Cochez la case pour confirmer la suppression." }),
});

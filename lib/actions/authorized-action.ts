/**
 * The one wrapper every server action goes through: who is acting → may they (the policy) →
 * is the input valid (the form's zod schema) → the handler. Field errors come back for the form;
 * refusals are "not found", so another structure's resource is not even confirmed to exist.
 */
import type { z } from "zod";
import { getActor } from "@/lib/auth/session";
import type { SignedInActor } from "@/lib/auth/actor";
import { formDataToObject, type FormObject } from "@/lib/forms/form-data";

export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      error: string;
      /** Messages by field name, dotted as in the form ("slots.2.closes"). */
      fieldErrors?: Record<string, string[]>;
      /** What was posted, nested as the schema reads it, to fill the form in again. */
      values?: FormObject;
    };

export const NOT_FOUND = "Introuvable : cette page n'existe pas, ou vous n'y avez pas accès.";
export const SIGNED_OUT = "Votre session a expiré : reconnectez-vous.";

/**
 * The refusal of a save based on an old version: who did what, what differs, what to do.
 * `subject` is what was saved, with its article and its pronoun ("cette offre", "la").
 */
export function savedMeanwhile(subject: { what: string; pronoun: "le" | "la" }, differingFields: string[]): Extract<ActionResult, { ok: false }> {
  return {
    ok: false,
    error:
      `Quelqu'un d'autre a enregistré ${subject.what} pendant que vous ${subject.pronoun} modifiiez. ` +
      `Champs qui diffèrent de votre saisie : ${differingFields.join(", ") || "aucun"}. ` +
      `Rechargez la page pour voir la version enregistrée, puis refaites vos changements.`,
  };
}

export function authorizedAction<S extends z.ZodType, T>(
  schema: S,
  authorize: (actor: SignedInActor, input: z.infer<S>) => boolean | Promise<boolean>,
  handler: (actor: SignedInActor, input: z.infer<S>) => Promise<ActionResult<T>>,
) {
  return async (_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    // What was typed goes back with any refusal, so the form shows it again: nothing is lost.
    const values = formDataToObject(formData);
    const refuse = (result: Extract<ActionResult<T>, { ok: false }>) => ({ ...result, values });

    const actor = await getActor();
    if (!actor) return refuse({ ok: false, error: SIGNED_OUT });
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
      return refuse({ ok: false, error: "Corrigez les champs signalés.", fieldErrors });
    }
    if (!(await authorize(actor, parsed.data))) return refuse({ ok: false, error: NOT_FOUND });
    const result = await handler(actor, parsed.data);
    return result.ok ? result : refuse(result);
  };
}

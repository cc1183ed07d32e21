/**
 * The one wrapper every server action goes through: who is acting → may they (the policy) →
 * is the input valid (the form's zod schema) → the handler. Field errors come back for the form;
 * refusals are "not found", so another structure's resource is not even confirmed to exist.
 *
 * Handlers refuse with codes (`Refusal`, or a thrown `AppError`: lib/errors/app-error.ts), never
 * with words: this wrapper turns the code into the words shown (lib/errors/messages.ts) and keeps
 * the code beside them. When the database does not answer, the form gets "service.unavailable"
 * with what was typed, and nothing was written (each handler writes in one transaction). Any
 * other error is not caught: Next.js logs it (instrumentation.ts) and shows the error page.
 */
import type { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { noteDatabaseError } from "@/lib/database/availability";
import type { SignedInActor } from "@/lib/auth/actor";
import { AppError, type Refusal, type VersionRow } from "@/lib/errors/app-error";
import { messageOf, type ErrorCode } from "@/lib/errors/messages";
import { formDataToObject, type FormObject } from "@/lib/forms/form-data";
import { requestLog } from "@/lib/log";
import type { Locale } from "@/lib/i18n/locales";

export type ActionFailure = {
  ok: false;
  /** What went wrong, for code (tests, components that react to one case). */
  code: ErrorCode;
  /** The same, in words for the person. */
  error: string;
  /** Messages by field name, dotted as in the form ("slots.2.closes"). */
  fieldErrors?: Record<string, string[]>;
  /** What was posted, nested as the schema reads it, to fill the form in again. */
  values?: FormObject;
  /** A save refused because someone saved first: both versions, field by field. */
  versions?: VersionRow[];
};

export type ActionSuccess<T = null> = { ok: true; data: T; message?: string };
export type ActionResult<T = null> = ActionSuccess<T> | ActionFailure;

/** What a handler returns: its success, or a coded refusal. */
export type HandlerResult<T = null> = ActionSuccess<T> | Refusal;

/** A refusal in words: the code's words, on its field when it names one (then the form says "form.invalid"). */
export function toFailure(refusal: Refusal, locale?: Locale): ActionFailure {
  const words = messageOf(refusal, locale);
  if (refusal.field) {
    return {
      ok: false,
      code: refusal.code,
      error: messageOf({ code: "form.invalid" }, locale),
      fieldErrors: { ...refusal.fieldErrors, [refusal.field]: [words] },
    };
  }
  return {
    ok: false,
    code: refusal.code,
    error: words,
    ...(refusal.fieldErrors ? { fieldErrors: refusal.fieldErrors } : {}),
    ...(refusal.versions ? { versions: refusal.versions } : {}),
  };
}

/** zod's issues as the form's field errors, keyed by their dotted path. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return fieldErrors;
}

/**
 * Runs a handler; a thrown `AppError` is a refusal like a returned one, and so is "the database
 * does not answer" (`service.unavailable`: the form keeps what was typed, and tries again later).
 */
export async function refusalsAsValues<T>(run: () => Promise<HandlerResult<T>>): Promise<HandlerResult<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) return error.toRefusal();
    return unavailableRefusal(error);
  }
}

/** "service.unavailable" when `error` says the database does not answer; otherwise `error`, thrown again. */
async function unavailableRefusal(error: unknown): Promise<Refusal> {
  if (!noteDatabaseError(error)) throw error;
  (await requestLog()).warn({ err: error, code: "service.unavailable" }, "Action interrompue : la base de données ne répond pas");
  return { ok: false, code: "service.unavailable" };
}

export function authorizedAction<S extends z.ZodType, T>(
  schema: S,
  authorize: (actor: SignedInActor, input: z.infer<S>) => boolean | Promise<boolean>,
  handler: (actor: SignedInActor, input: z.infer<S>) => Promise<HandlerResult<T>>,
) {
  return async (_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    // What was typed goes back with any refusal, so the form shows it again: nothing is lost.
    const values = formDataToObject(formData);
    const refuse = (refusal: Refusal): ActionFailure => ({ ...toFailure(refusal), values });
    try {
      return await authorizeAndRun(values, refuse);
    } catch (error) {
      // Reading the session, or the policy's own reads, can find the database down too.
      return refuse(await unavailableRefusal(error));
    }
  };

  async function authorizeAndRun(values: FormObject, refuse: (refusal: Refusal) => ActionFailure): Promise<ActionResult<T>> {
    const actor = await getActor();
    if (!actor) return refuse({ ok: false, code: "session.expired" });
    const parsed = schema.safeParse(values);
    if (!parsed.success) return refuse({ ok: false, code: "form.invalid", fieldErrors: fieldErrorsOf(parsed.error) });
    if (!(await authorize(actor, parsed.data))) {
      // Worth knowing (a forged id, or a page left open after a change of role): who, not what.
      (await requestLog()).info({ code: "not_found", userId: actor.userId }, "Action refusée par la politique d'accès");
      return refuse({ ok: false, code: "not_found" });
    }
    const result = await refusalsAsValues(() => handler(actor, parsed.data));
    return result.ok ? result : refuse(result);
  }
}

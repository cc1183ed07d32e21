/**
 * The anonymous twin of authorizedAction (lib/actions/authorized-action.ts), for the public pages'
 * forms: no session, but the same steps — the form's zod schema (its messages in the page's
 * language, `lang` posted as a hidden field), then the handler — and the same result shape, so
 * field errors and what was typed come back to the form exactly as in the professional forms.
 * Refusals are codes, said here in the page's language (lib/errors/messages.ts, public codes).
 */
import { headers } from "next/headers";
import type { z } from "zod";
import { fieldErrorsOf, refusalsAsValues, toFailure, type ActionResult, type HandlerResult } from "@/lib/actions/authorized-action";
import { clientIp } from "@/lib/auth/client-address";
import { formDataToObject } from "@/lib/forms/form-data";
import { localeFrom, type Locale } from "@/lib/i18n/locales";
import { requestOrigin } from "@/lib/request-origin";

export interface PublicContext {
  locale: Locale;
  ip: string;
  /** The site's address as the visitor reached it, for links in emails. */
  origin: string;
}


export function publicAction<S extends z.ZodType, T>(
  schemaFor: (locale: Locale) => S,
  handler: (input: z.infer<S>, context: PublicContext) => Promise<HandlerResult<T>>,
) {
  return async (_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    const values = formDataToObject(formData);
    const locale = localeFrom(values.lang);
    const parsed = schemaFor(locale).safeParse(values);
    if (!parsed.success) return { ...toFailure({ ok: false, code: "form.invalid", fieldErrors: fieldErrorsOf(parsed.error) }, locale), values };
    const context = { locale, ip: clientIp(await headers()), origin: await requestOrigin() };
    const result = await refusalsAsValues(() => handler(parsed.data, context));
    return result.ok ? result : { ...toFailure(result, locale), values };
  };
}

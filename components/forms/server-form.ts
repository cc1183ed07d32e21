"use client";

/**
 * The one way a form is written here: `useServerForm(schema, action, valuesOf)`.
 *
 * - One zod schema (the feature's `schemas.ts`) checks the form in the browser through
 *   react-hook-form — each field when it is left — and is the authority on the server: the action
 *   is built with `authorizedAction` (lib/actions/authorized-action.ts) or `publicAction`
 *   (lib/public-offer/public-action.ts), and answers an `ActionResult`.
 * - The form is a real `<form action={formAction}>`: without JavaScript it posts, and the page
 *   comes back with the server's field errors and what was typed (`valuesOf(posted)`). With
 *   JavaScript, react-hook-form checks it first, then the same FormData the browser would have
 *   posted (with the button pressed) goes to the action.
 * - The server's field errors (keyed by dotted path) become react-hook-form's errors on those
 *   fields (`serverFieldErrors`); its coded error, in words, is shown by `FormStatus`.
 *
 * Types: react-hook-form holds the schema's input (`z.input`: text, lists of text, booleans — the
 * field builders of lib/forms/fields.ts declare it) and hands the schema's output to the submit.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useMemo, useSyncExternalStore, useTransition, type FormEvent } from "react";
import { get, set, useForm, type DefaultValues, type FieldErrors, type FieldValues, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/authorized-action";
import type { FormObject } from "@/lib/forms/form-data";

/** A server action as a form posts to it (both wrappers return this). */
export type ServerAction<TData = null> = (previous: ActionResult<TData> | null, formData: FormData) => Promise<ActionResult<TData>>;

/**
 * The action's field errors as react-hook-form's errors, nested by their dotted paths. A path that
 * is also the start of another (a list and one of its rows) keeps its own message at `<path>.root`,
 * where react-hook-form puts a list's own error.
 */
export function serverFieldErrors<T extends FieldValues = FieldValues>(result: ActionResult<unknown> | null): FieldErrors<T> | undefined {
  if (!result || result.ok || !result.fieldErrors) return undefined;
  const paths = Object.keys(result.fieldErrors).filter((path) => result.fieldErrors![path]!.length > 0);
  if (paths.length === 0) return undefined;
  const errors: Record<string, unknown> = {};
  for (const path of [...paths].sort((a, b) => b.length - a.length)) {
    const parent = paths.some((other) => other.startsWith(`${path}.`));
    set(errors, parent ? `${path}.root` : path, { type: "server", message: result.fieldErrors[path]![0] });
  }
  // Paths come from the server as text: they are the form's own names, not known to the compiler.
  return errors as FieldErrors<T>;
}

/** The message of the error at a dotted path (or of the list at that path), if any. */
export function errorMessageAt(errors: FieldErrors, path: string): string | undefined {
  const at = (key: string) => (get(errors, key) as { message?: unknown } | undefined)?.message;
  const message = at(path) ?? at(`${path}.root`);
  return typeof message === "string" ? message : undefined;
}

export function useServerForm<TInput extends FieldValues, TOutput, TValues extends DefaultValues<TInput>, TData = null>(
  schema: z.ZodType<TOutput, TInput>,
  action: ServerAction<TData>,
  /** The form's values: its defaults, or what the server sent back as typed. */
  valuesOf: (posted: FormObject | undefined) => TValues,
  options: {
    /** Before the browser's check: e.g. the button pressed chooses what the schema asks. */
    beforeCheck?: (submitter: HTMLElement | null, form: UseFormReturn<TInput, unknown, TOutput>) => void;
  } = {},
) {
  const [state, formAction, pending] = useActionState(action, null);
  // Without JavaScript, the page comes back from the server with what was typed: show it again.
  const initial = valuesOf(state && !state.ok ? state.values : undefined);
  const errors = useMemo(() => serverFieldErrors<TInput>(state), [state]);
  const form = useForm<TInput, unknown, TOutput>({
    resolver: zodResolver(schema),
    mode: "onBlur",
    defaultValues: initial,
    // Shown from the first render (the server's HTML without JavaScript), replaced on each answer.
    errors,
  });
  const [, startTransition] = useTransition();
  const { handleSubmit } = form;

  /** The form's onSubmit: checked by react-hook-form, then posted to the action. */
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    const submitter = ((event.nativeEvent as SubmitEvent).submitter as HTMLElement | null) ?? null;
    options.beforeCheck?.(submitter, form);
    void handleSubmit(() => startTransition(() => formAction(new FormData(element, submitter))))(event);
  };

  return {
    ...form,
    state,
    pending,
    initial,
    formAction,
    onSubmit,
    /** The error to show at a field (its dotted path): the browser's check, or the server's answer. */
    errorAt: (path: string) => errorMessageAt(form.formState.errors, path),
  };
}

const noSubscription = () => () => {};

/** False in the server's HTML and without JavaScript: controls that need a script are not shown then. */
export function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

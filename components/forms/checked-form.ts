"use client";

/**
 * What every react-hook-form form here shares. It is a real <form action={serverAction}>: without
 * JavaScript it posts and the server answers with its field errors and what was typed. With
 * JavaScript, react-hook-form checks it first with the same zod schema, then the same FormData the
 * browser would have posted goes to the action.
 */
import { useSyncExternalStore, useTransition, type BaseSyntheticEvent, type FormEvent } from "react";

/** react-hook-form's handleSubmit, whatever the form's values. */
type HandleSubmit = (onValid: () => void) => (event?: BaseSyntheticEvent) => Promise<void>;

/** The form's onSubmit: checked by react-hook-form, then posted to the action. */
export function useCheckedSubmit(formAction: (formData: FormData) => void, handleSubmit: HandleSubmit) {
  const [, startTransition] = useTransition();
  return (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
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

// The shop's forms that post to a server action and keep what the shopper entered after a
// refusal (checkout, the address book, a return request).
import { startTransition, useActionState, type FormEvent } from 'react';

/**
 * `useActionState` for a form whose fields must survive a refused submission: React 19 resets a
 * form after its action runs, which would blank the selects, checkboxes and texts a refused
 * shopper filled in. Once hydrated the form is dispatched by hand (`onSubmit`); before hydration
 * its `action` posts as any form does. Spread `form` on the <form>.
 */
export function useKeptForm<State>(action: (state: Awaited<State>, data: FormData) => State | Promise<State>, initial: Awaited<State>) {
  const [state, formAction, pending] = useActionState(action, initial);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  };
  return { state, pending, form: { action: formAction, onSubmit } };
}

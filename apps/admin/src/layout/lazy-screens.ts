import { lazy, type ComponentType } from 'react';

type Loaded = { default: ComponentType };

const early: Promise<unknown>[] = [];

/** Settles when the screens fetched at start-up for the opening route are loaded (or failed). */
export function earlyScreens(): Promise<void> {
  return Promise.all(early).then(() => undefined);
}

/**
 * The screens of one resource, loaded on first visit (`screens.tsx`). React shows a lazy
 * component's fallback while its chunk loads and then holds the content back for up to
 * 300 ms (Suspense throttling), which also holds back the screen's first request. So when
 * the console starts on one of the resource's routes, the chunk is fetched while the app
 * boots (main.tsx renders once `earlyScreens()` settles), and a screen whose chunk is
 * already there is handed to React synchronously: it never suspends.
 */
export function lazyScreens<M extends Record<string, unknown>>(load: () => Promise<M>, resource: string) {
  let loaded: M | undefined;
  let pending: Promise<M> | undefined;
  const get = () =>
    (pending ??= load().then((m) => {
      loaded = m;
      return m;
    }));
  const hash = typeof window === 'undefined' ? '' : window.location.hash;
  if (hash === `#/${resource}` || hash.startsWith(`#/${resource}/`) || hash.startsWith(`#/${resource}?`)) {
    // A failed early load is retried by the lazy component itself.
    early.push(
      get().catch(() => {
        pending = undefined;
      }),
    );
  }
  return (name: keyof M & string) =>
    lazy((): Promise<Loaded> => {
      const now = loaded;
      if (now) {
        // A thenable that calls back at once: React.lazy resolves it without suspending.
        const ready = { then: (resolve: (module: Loaded) => void) => resolve({ default: now[name] as ComponentType }) };
        return ready as unknown as Promise<Loaded>;
      }
      return get().then((m) => ({ default: m[name] as ComponentType }));
    });
}

import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whether the current request's reads may be served a little stale, by the read replica
 * (read-replica.ts). The API opens a scope per request (`runInReadScope`); a public
 * shop-window query then says so (`allowStaleReads`). Outside any scope (the worker, scripts)
 * and by default inside one, every read goes to the primary.
 */
interface ReadScope {
  staleOk: boolean;
}

const scopes = new AsyncLocalStorage<ReadScope>();

/** Runs `work` (a request) in a scope whose reads go to the primary until `allowStaleReads()`. */
export function runInReadScope<T>(work: () => T): T {
  return scopes.run({ staleOk: false }, work);
}

/** The current request's reads may be served a little stale (public shop-window queries only). */
export function allowStaleReads(): void {
  const scope = scopes.getStore();
  if (scope) scope.staleOk = true;
}

export function staleReadsAllowed(): boolean {
  return scopes.getStore()?.staleOk === true;
}

import { useSyncExternalStore } from 'react';

// The museum the manager is working on: managers may run several, operators pick any
// (or none, to see every museum where the API allows it).
const KEY = 'vitrine.museumId';
const listeners = new Set<() => void>();

export function getCurrentMuseumId(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setCurrentMuseumId(id: string | null): void {
  if (id) sessionStorage.setItem(KEY, id);
  else sessionStorage.removeItem(KEY);
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCurrentMuseumId(): string | null {
  return useSyncExternalStore(subscribe, getCurrentMuseumId);
}

/** The museum id a call needs, or an error in words when none is chosen. */
export function requireMuseumId(explicit?: string | null): string {
  const id = explicit ?? getCurrentMuseumId();
  if (!id) throw new Error('vitrine.museum.choose_first');
  return id;
}

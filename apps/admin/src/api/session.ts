// Tokens live in sessionStorage: they end with the tab and are never shared across tabs,
// so one tab's refresh rotation cannot invalidate another's.
export type Role = 'PLATFORM_ADMIN' | 'MUSEUM_MANAGER' | 'BRAND_PARTNER' | 'SHOPPER';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  museumIds: string[];
  brandId: string | null;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
  user: SessionUser;
}

const KEY = 'vitrine.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function readSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

export function writeSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener(session);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

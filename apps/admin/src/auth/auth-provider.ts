import type { AuthProvider } from 'react-admin';
import { gql, resumeSession, startSession, toSession } from '../api/graphql';
import { readSession, type Role } from '../api/session';
import { graphql } from '../generated';
import { getCurrentMuseumId, setCurrentMuseumId } from '../museum/current-museum';

export const CONSOLE_ROLES: Role[] = ['PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER'];

const LOGIN = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) { accessToken refreshToken expiresIn user { id email displayName role museumIds brandId } }
  }
`);
const LOGOUT = graphql(`
  mutation Logout($t: String!) { logout(refreshToken: $t) }
`);

export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    const r = await gql(
      LOGIN,
      { input: { email: String(email ?? '').trim(), password } },
      { anonymous: true },
    );
    const session = toSession(r.login);
    if (!CONSOLE_ROLES.includes(session.user.role)) {
      // Shoppers have accounts but no business here: end the session we just opened.
      await gql(LOGOUT, { t: session.refreshToken }, { anonymous: true }).catch(() => undefined);
      throw new Error('vitrine.auth.shopper_refused');
    }
    startSession(session);
    const current = getCurrentMuseumId();
    if (!current || (session.user.role === 'MUSEUM_MANAGER' && !session.user.museumIds.includes(current))) {
      setCurrentMuseumId(session.user.museumIds[0] ?? null);
    }
  },

  async logout() {
    const session = readSession();
    startSession(null);
    setCurrentMuseumId(null);
    if (session) {
      await gql(LOGOUT, { t: session.refreshToken }, { anonymous: true }).catch(() => undefined);
    }
  },

  async checkAuth() {
    if (!resumeSession()) throw new Error('vitrine.errors.unauthenticated');
  },

  async checkError(error: { status?: number }) {
    // Only a refused session signs out; FORBIDDEN or NOT_FOUND are shown in place.
    if (error?.status === 401) {
      startSession(null);
      throw new Error('vitrine.errors.session_expired');
    }
  },

  async getIdentity() {
    const session = resumeSession();
    if (!session) throw new Error('vitrine.errors.unauthenticated');
    return { id: session.user.id, fullName: session.user.displayName || session.user.email };
  },

  async getPermissions() {
    return resumeSession()?.user.role ?? null;
  },
};

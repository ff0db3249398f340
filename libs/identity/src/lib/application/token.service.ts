import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import type { Actor, ActorRole } from '@vitrine/shared/kernel';

export interface TokenSettings {
  secret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

export function tokenSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TokenSettings {
  const secret = env['JWT_SECRET'] ?? (env['NODE_ENV'] === 'production' ? '' : 'dev-only-jwt-secret-change-me-0123456789');
  if (secret.length < 32) throw new Error('JWT_SECRET must be set to at least 32 characters');
  return {
    secret,
    accessTtlSeconds: Number(env['JWT_ACCESS_TTL_SECONDS'] ?? 900),
    refreshTtlSeconds: Number(env['JWT_REFRESH_TTL_SECONDS'] ?? 30 * 24 * 3600),
  };
}

interface AccessClaims {
  sub: string;
  role: ActorRole;
  mus: string[];
  brd: string | null;
}

@Injectable()
export class TokenService {
  constructor(private readonly settings: TokenSettings) {}

  get refreshTtlSeconds(): number {
    return this.settings.refreshTtlSeconds;
  }

  get accessTtlSeconds(): number {
    return this.settings.accessTtlSeconds;
  }

  signAccess(actor: Actor): string {
    const claims: AccessClaims = { sub: actor.userId, role: actor.role, mus: [...actor.museumIds], brd: actor.brandId };
    return jwt.sign(claims, this.settings.secret, {
      algorithm: 'HS256',
      expiresIn: this.settings.accessTtlSeconds,
      issuer: 'vitrine',
    });
  }

  /** The actor an access token proves, or null when it is missing, forged or expired. */
  verifyAccess(token: string): Actor | null {
    try {
      const c = jwt.verify(token, this.settings.secret, { algorithms: ['HS256'], issuer: 'vitrine' }) as AccessClaims;
      return { userId: c.sub, role: c.role, museumIds: c.mus ?? [], brandId: c.brd ?? null };
    } catch {
      return null;
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hashRefresh(token) };
  }

  static hashRefresh(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { z } from 'zod';
import { validate, type Actor } from '@vitrine/shared/kernel';
import { IdentityError, IdentityErrorCode } from '../domain/identity-error';
import { emailSchema } from '../domain/password-policy';
import { UserRepository, type UserRecord } from '../infrastructure/user.repository';
import { RefreshTokenRepository } from '../infrastructure/refresh-token.repository';
import { TokenService } from './token.service';
import { argon2Gate } from './argon2-gate';

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: UserRecord;
}

const loginSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });


export function actorOf(user: UserRecord): Actor {
  return {
    userId: user.id,
    role: user.role,
    museumIds: user.role === 'MUSEUM_MANAGER' ? user.museumIds : [],
    brandId: user.role === 'BRAND_PARTNER' ? user.brandId : null,
  };
}

@Injectable()
export class AuthService {
  // Verified against when the email is unknown, so both paths cost one argon2 verify.
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly tokens: TokenService,
  ) {}

  static hashPassword(password: string): Promise<string> {
    return argon2Gate.run(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  async login(input: { email: string; password: string }): Promise<Session> {
    const { email, password } = validate(loginSchema, input);
    const user = await this.users.findCredentials(email);
    this.dummyHash ??= AuthService.hashPassword(randomUUID());
    const hash = user?.passwordHash ?? (await this.dummyHash);
    const ok = await argon2Gate.run(() => argon2.verify(hash, password)).catch(() => false);
    if (!user || !ok || user.disabled) {
      throw new IdentityError(IdentityErrorCode.INVALID_CREDENTIALS, 'Email or password is wrong');
    }
    const { passwordHash: _ph, ...record } = user;
    return this.issue(record, randomUUID());
  }

  /**
   * Rotates a refresh token: the presented one is revoked and a successor issued in the
   * same family. A token presented twice means it leaked: the whole family is revoked.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const invalid = () => new IdentityError(IdentityErrorCode.INVALID_REFRESH_TOKEN, 'Session expired, sign in again');
    const row = await this.refreshTokens.findByHash(TokenService.hashRefresh(refreshToken ?? ''));
    if (!row) throw invalid();
    if (row.revokedAt) {
      await this.refreshTokens.revokeFamily(row.familyId);
      throw invalid();
    }
    if (row.expiresAt.getTime() <= Date.now()) throw invalid();
    if (!(await this.refreshTokens.revokeIfLive(row.id))) {
      await this.refreshTokens.revokeFamily(row.familyId);
      throw invalid();
    }
    const user = await this.users.findById(row.userId);
    if (!user || user.disabled) throw invalid();
    return this.issue(user, row.familyId);
  }

  async logout(refreshToken: string): Promise<boolean> {
    const row = await this.refreshTokens.findByHash(TokenService.hashRefresh(refreshToken ?? ''));
    if (row) await this.refreshTokens.revokeFamily(row.familyId);
    return true;
  }

  actorFromAccessToken(token: string): Actor | null {
    return this.tokens.verifyAccess(token);
  }

  private async issue(user: UserRecord, familyId: string): Promise<Session> {
    const { token, hash } = this.tokens.newRefreshToken();
    await this.refreshTokens.create({
      userId: user.id,
      familyId,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + this.tokens.refreshTtlSeconds * 1000),
    });
    return {
      accessToken: this.tokens.signAccess(actorOf(user)),
      refreshToken: token,
      expiresIn: this.tokens.accessTtlSeconds,
      user,
    };
  }
}

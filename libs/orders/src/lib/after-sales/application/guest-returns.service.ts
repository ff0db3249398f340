import { createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotFoundError } from '@vitrine/shared/kernel';
import { TransactionRunner } from '../../infrastructure/transaction-runner';
import {
  GuestCodeError,
  GuestCodeErrorCode,
  accessToken,
  checkCode,
  checkSend,
  codeHash,
  maskPhone,
  mobileDigits,
  newCode,
  normalizeCode,
  orderOfToken,
  type GuestCodeConfig,
} from '../domain/guest-codes';
import { GuestCodesRepository } from '../infrastructure/guest-codes.repository';
import { SMS_GATEWAY, SmsRefused, type SmsGateway } from '../infrastructure/sms.gateway';
import type { ReturnRecord } from '../infrastructure/returns.repository';
import { ReturnsService } from './returns.service';

export const GUEST_CODES = Symbol('GUEST_CODES');

/** Identity's own development key, so every process of a development stack hashes and signs alike. */
const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';

/**
 * GUEST_CODE_SECRET (at least 32 characters; otherwise derived from JWT_SECRET), GUEST_CODE_TTL_SECONDS
 * (60-3600, default 600), GUEST_CODE_MAX_ATTEMPTS (1-10, default 5), GUEST_CODE_RESEND_SECONDS
 * (0-600, default 60), GUEST_CODE_MAX_PER_HOUR (1-20, default 5), GUEST_ACCESS_TTL_SECONDS (300-86400, default 1800).
 */
export function guestCodeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GuestCodeConfig {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    const n = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number (${min}-${max})`);
    return n;
  };
  const own = env['GUEST_CODE_SECRET'];
  if (own && own.length < 32) throw new Error('GUEST_CODE_SECRET must be at least 32 characters');
  const jwt = env['JWT_SECRET'] ?? (env['NODE_ENV'] === 'production' ? '' : DEV_JWT_SECRET);
  if (!own && !jwt) throw new Error('GUEST_CODE_SECRET (or JWT_SECRET) must be set in production');
  return {
    secret: own || createHmac('sha256', jwt).update('vitrine:guest-codes').digest('hex'),
    ttlSeconds: int('GUEST_CODE_TTL_SECONDS', 600, 60, 3600),
    maxAttempts: int('GUEST_CODE_MAX_ATTEMPTS', 5, 1, 10),
    resendSeconds: int('GUEST_CODE_RESEND_SECONDS', 60, 0, 600),
    maxPerHour: int('GUEST_CODE_MAX_PER_HOUR', 5, 1, 20),
    accessTtlSeconds: int('GUEST_ACCESS_TTL_SECONDS', 1800, 300, 86_400),
  };
}

const NUMBER = /^[A-Za-z0-9-]{4,40}$/;

/**
 * Returns for guests (orders placed without an account): the guest proves the order is theirs
 * with a one-time code sent by SMS to its recipient phone, then asks for a return as a signed-in
 * shopper does (ReturnsService's rules, the same refusals). A refusal writes nothing, except that
 * a wrong code counts one try against the code it was tried on.
 */
@Injectable()
export class GuestReturnsService {
  private readonly log = new Logger('GuestReturns');

  constructor(
    private readonly codes: GuestCodesRepository,
    private readonly transactions: TransactionRunner,
    private readonly returns: ReturnsService,
    @Inject(SMS_GATEWAY) private readonly sms: SmsGateway,
    @Inject(GUEST_CODES) private readonly config: GuestCodeConfig,
  ) {}

  /** The guest's order with this number and recipient phone, or GUEST_ORDER_NOT_FOUND (the same answer whichever part is wrong). */
  private async guestOrder(orderNumber: string, phone: string): Promise<{ id: string; phone: string }> {
    const digits = mobileDigits(phone);
    const order = NUMBER.test(orderNumber.trim()) && digits ? await this.codes.orderByNumber(orderNumber.trim()) : null;
    if (!order || order.shopperUserId !== null || mobileDigits(order.recipientPhone) !== digits) {
      throw new GuestCodeError(GuestCodeErrorCode.GUEST_ORDER_NOT_FOUND, 'No order placed as a guest has this number and phone');
    }
    return { id: order.id, phone: digits! };
  }

  /**
   * Sends a new code to the order's recipient phone. The row is written, the SMS sent and the
   * gateway's message id stored in one transaction: if the gateway refuses, nothing stays (and no
   * code went out). The code itself is never stored, nor logged.
   */
  async sendCode(orderNumber: string, phone: string, now = new Date()): Promise<{ phoneMasked: string; expiresAt: Date; resendAfter: Date }> {
    const order = await this.guestOrder(orderNumber, phone);
    const code = newCode();
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + this.config.ttlSeconds * 1000);
    await this.transactions.run(async (tx) => {
      await this.codes.lockOrderCodes(tx, order.id);
      checkSend(await this.codes.recent(tx, order.id, new Date(now.getTime() - 3_600_000)), this.config, now);
      await this.codes.create(tx, { id, orderId: order.id, codeHash: codeHash(this.config.secret, id, code), expiresAt, createdAt: now });
      let messageId: string;
      try {
        messageId = await this.sms.send({ phone: order.phone, template: this.sms.templates.guestCode, params: { code, minutes: String(Math.round(this.config.ttlSeconds / 60)) } });
      } catch (e) {
        const reason = e instanceof SmsRefused ? `${e.code}: ${e.message}` : String(e);
        this.log.warn(`guest code for order ${order.id} not sent: ${reason}`);
        throw new GuestCodeError(GuestCodeErrorCode.NOTIFICATION_UNAVAILABLE, 'The text message could not be sent: try again in a moment');
      }
      await this.codes.setMessageId(tx, id, messageId);
    }, 1);
    return { phoneMasked: maskPhone(order.phone), expiresAt, resendAfter: new Date(now.getTime() + this.config.resendSeconds * 1000) };
  }

  /** The code typed back: an access token to the order, or the refusal (a wrong code counts one try). */
  async verify(orderNumber: string, phone: string, typed: string, now = new Date()): Promise<{ orderId: string; token: string; expiresAt: Date }> {
    const order = await this.guestOrder(orderNumber, phone);
    const code = normalizeCode(typed);
    const outcome = await this.transactions.run(async (tx) => {
      await this.codes.lockOrderCodes(tx, order.id);
      const latest = await this.codes.latest(tx, order.id);
      const result = checkCode(latest, code, this.config, now);
      if (result === 'MATCH' && !(await this.codes.use(tx, latest!.id, now))) throw new GuestCodeError(GuestCodeErrorCode.GUEST_CODE_EXPIRED, 'This code no longer works: ask for a new one');
      // Counted under the order's lock, before the next try reads it: parallel guesses cannot pass the limit.
      if (result === 'WRONG') await this.codes.countTry(tx, latest!.id);
      return result;
    });
    // Refused after the commit, so the try stays counted.
    if (outcome === 'WRONG') throw new GuestCodeError(GuestCodeErrorCode.GUEST_CODE_INVALID, 'This is not the code we sent');
    const expires = Math.floor(now.getTime() / 1000) + this.config.accessTtlSeconds;
    return { orderId: order.id, token: accessToken(this.config.secret, order.id, expires), expiresAt: new Date(expires * 1000) };
  }

  /** The order a valid access token opens (GUEST_ACCESS_INVALID otherwise). */
  orderIdOf(token: string, now = new Date()): string {
    return orderOfToken(this.config.secret, token, now);
  }

  /** The order itself, for the guest holding its token. */
  async order(token: string, now = new Date()) {
    return this.returns.guestOrder(this.orderIdOf(token, now));
  }

  /** A return of the order the token opens, by ReturnsService's rules; another order is NOT_FOUND, nothing written. */
  async requestReturn(
    token: string,
    input: { orderId: string; reason: string; note?: string | null; photoUrls?: string[] | null; photos?: { contentBase64: string }[] | null; lines: { lineId: string; quantity: number }[] },
    now = new Date(),
  ): Promise<ReturnRecord> {
    const orderId = this.orderIdOf(token, now);
    if (input.orderId !== orderId) throw new NotFoundError('Order');
    return this.returns.requestAsGuest(input, now);
  }
}

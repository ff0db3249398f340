import { Inject, Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { mobileDigits } from '../domain/guest-codes';
import { parseReturnSmsTemplates, templateFor, type ReturnSmsTemplates } from '../domain/return-sms';
import { ReturnSmsRepository } from '../infrastructure/return-sms.repository';
import { AliyunSmsGateway, SmsRefused, smsConfigFromEnv, type SmsGateway } from '../infrastructure/sms.gateway';

/** The worker's gateway and templates for guests' return texts, built when the first text is sent (a worker without SMS settings still starts; its texts wait, with the error). */
export const RETURN_SMS_SENDER = Symbol('RETURN_SMS_SENDER');
export interface ReturnSmsSender {
  gateway(): { sms: SmsGateway; templates: ReturnSmsTemplates; timeoutMs: number; orderWaitMs: number };
}

/** The sender from the environment (SMS_* and SMS_TEMPLATES_RETURN), read once, on first use. */
export function returnSmsSenderFromEnv(env: NodeJS.ProcessEnv = process.env): ReturnSmsSender {
  let built: ReturnType<ReturnSmsSender['gateway']> | null = null;
  return {
    gateway: () => {
      if (!built) {
        const config = smsConfigFromEnv(env);
        const wait = Number(env['RETURN_SMS_ORDER_WAIT_MS'] ?? 15 * 60_000);
        built = {
          sms: new AliyunSmsGateway(config),
          templates: parseReturnSmsTemplates(env['SMS_TEMPLATES_RETURN'], env['NODE_ENV'] === 'production'),
          timeoutMs: config.timeoutMs,
          orderWaitMs: Number.isFinite(wait) && wait >= 0 ? wait : 15 * 60_000,
        };
      }
      return built;
    },
  };
}

/**
 * Sends a guest's return text written by the step's transaction (queueGuestReturnSms): under the
 * row's lock, to the order's recipient phone, with the step's template in the text's language
 * and the order number added to its parameters. The gateway's answer is kept on the row (SENT
 * with its BizId and RequestId, or the refusal and the try counted); a refusal or an outage
 * fails the job, which BullMQ retries; a sent text is never sent again. One window is left: the
 * gateway accepted a text and the worker died before its commit; the retry sends it again
 * (Aliyun has no idempotency key; OutId, the row's id, lets its receipts be matched).
 *
 * A return's texts go out in the order of their steps: while an earlier text of the same return
 * is unsent (the gateway refusing it), a later one waits (its job retried), for at most
 * RETURN_SMS_ORDER_WAIT_MS, so one text that cannot go out holds the others back no longer.
 * After the job's last try a refused text is FAILED.
 */
@Injectable()
export class ReturnSmsService {
  private readonly log = new Logger(ReturnSmsService.name);

  constructor(
    private readonly texts: ReturnSmsRepository,
    private readonly prisma: PrismaService,
    @Inject(RETURN_SMS_SENDER) private readonly sender: ReturnSmsSender,
  ) {}

  /** `lastTry`: the job's last attempt (a refusal then makes the text FAILED, and it waits for no earlier one). */
  async send(smsId: string, lastTry = false, now = new Date()): Promise<'SENT' | 'DONE' | 'UNDELIVERABLE'> {
    let gateway: ReturnType<ReturnSmsSender['gateway']>;
    try {
      gateway = this.sender.gateway();
    } catch (e) {
      await this.prisma.$transaction((tx) => this.texts.markRefused(tx, smsId, { template: null, error: `SMS gateway not configured: ${(e as Error).message}`, requestId: null }));
      throw e;
    }
    const outcome = await this.prisma.$transaction(
      async (tx): Promise<'SENT' | 'DONE' | 'UNDELIVERABLE' | SmsRefused> => {
        const text = await this.texts.lockForSend(tx, smsId, now, gateway.orderWaitMs);
        if (!text || text.status !== 'PENDING') return 'DONE';
        if (text.earlierPending && !lastTry) return new SmsRefused('WAITING', 'an earlier text of this return is not sent yet');
        const phone = text.phone ? mobileDigits(text.phone) : null;
        const template = templateFor(gateway.templates, text.locale, text.step as Parameters<typeof templateFor>[2]);
        if (!phone) {
          await this.texts.markRefused(tx, text.id, { template, error: 'the order has no mobile number to text', requestId: null, status: 'UNDELIVERABLE' });
          return 'UNDELIVERABLE';
        }
        try {
          const sent = await gateway.sms.deliver({ phone, template, params: { order: text.orderNo, ...text.params }, outId: text.id });
          await this.texts.markSent(tx, text.id, now, { template, ...sent });
          return 'SENT';
        } catch (e) {
          const refused = e instanceof SmsRefused ? e : new SmsRefused('ERROR', (e as Error).message);
          await this.texts.markRefused(tx, text.id, { template, error: `${refused.code}: ${refused.message}`, requestId: refused.requestId, ...(lastTry ? { status: 'FAILED' as const } : {}) });
          return refused;
        }
      },
      { maxWait: 10_000, timeout: gateway.timeoutMs + 10_000 },
    );
    if (outcome instanceof SmsRefused) {
      if (outcome.code !== 'WAITING') this.log.warn(`return text ${smsId} refused by the SMS gateway (${outcome.code})${lastTry ? ': FAILED' : '; retried'}`);
      throw new Error(`the SMS gateway refused return text ${smsId}: ${outcome.code} ${outcome.message}`);
    }
    return outcome;
  }
}

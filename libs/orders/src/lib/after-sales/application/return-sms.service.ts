import { Inject, Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { RunAgainAt } from '@vitrine/shared/jobs';
import { mobileDigits } from '../domain/guest-codes';
import { afterRecordsMiss, parseReturnSmsTemplates, templateFor, type ReturnSmsTemplates } from '../domain/return-sms';
import { ReturnSmsRepository } from '../infrastructure/return-sms.repository';
import { AliyunSmsGateway, SMS_OUTCOME_UNKNOWN, SmsRefused, assertSmsSettings, smsConfigFromEnv, smsSendDay, type SmsGateway } from '../infrastructure/sms.gateway';

/** The worker's gateway and templates for guests' return texts (outside production built when the first text is sent: a worker without SMS settings starts on the dev defaults). */
export const RETURN_SMS_SENDER = Symbol('RETURN_SMS_SENDER');
export interface ReturnSmsSender {
  gateway(): { sms: SmsGateway; templates: ReturnSmsTemplates; timeoutMs: number; orderWaitMs: number; recordsLagMs: number };
}

/**
 * The sender from the environment (SMS_* and SMS_TEMPLATES_RETURN), read once, on first use; in
 * production at once, so a worker without them refuses to start, as the API does, naming them.
 */
export function returnSmsSenderFromEnv(env: NodeJS.ProcessEnv = process.env): ReturnSmsSender {
  assertSmsSettings(env, ['SMS_TEMPLATES_RETURN']);
  let built: ReturnType<ReturnSmsSender['gateway']> | null = null;
  const sender: ReturnSmsSender = {
    gateway: () => {
      if (!built) {
        const config = smsConfigFromEnv(env);
        const wait = Number(env['RETURN_SMS_ORDER_WAIT_MS'] ?? 15 * 60_000);
        const lag = Number(env['RETURN_SMS_RECORDS_LAG_MS'] ?? 120_000);
        built = {
          sms: new AliyunSmsGateway(config),
          templates: parseReturnSmsTemplates(env['SMS_TEMPLATES_RETURN'], env['NODE_ENV'] === 'production'),
          timeoutMs: config.timeoutMs,
          orderWaitMs: Number.isFinite(wait) && wait >= 0 ? wait : 15 * 60_000,
          recordsLagMs: Number.isFinite(lag) && lag >= 0 ? lag : 120_000,
        };
      }
      return built;
    },
  };
  // A malformed SMS_TEMPLATES_RETURN refuses the start in production too.
  if (env['NODE_ENV'] === 'production') sender.gateway();
  return sender;
}

/**
 * Sends a guest's return text written by the step's transaction (queueGuestReturnSms), to the
 * order's recipient phone, with the step's template in the text's language (the checkout's) and
 * the order number added to its parameters.
 *
 * At most once per row, across crashes: a try is first claimed (SENDING, counted, committed)
 * under the row's lock, then the gateway is called outside any transaction with OutId = the
 * row's id, then the answer is recorded if that claim is still the row's. A sender that finds the
 * row SENDING (a worker that died after the gateway took the text and before recording it, or an
 * answer lost to a timeout) leaves it alone while that claim is younger than the lease (the
 * gateway's timeout + 5 s: a try in flight; the job runs again at its end, RunAgainAt), and after it asks the gateway's send records
 * (QuerySendDetails, by phone and day) for a message with that OutId: found, it is SENT without
 * sending again; not found, it is sent — but only once the try that may have sent is older than
 * RETURN_SMS_RECORDS_LAG_MS (default 2 min: the gateway's records trail its sends); before, the
 * text stays SENDING with that try's time and the job runs again later without spending a try
 * (RunAgainAt), so even its last try never sends over a text the records may not show yet. A
 * definite refusal makes it PENDING again (FAILED after the job's last try) and the job is retried.
 *
 * A return's texts go out in the order of their steps: while an earlier text of the same return
 * is unsent, a later one waits (its job retried), for at most RETURN_SMS_ORDER_WAIT_MS.
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
    const leaseMs = gateway.timeoutMs + 5_000;
    type Claimed = { phone: string; template: string; orderNo: string; params: Record<string, string>; previousClaim: Date | null };
    const claimed = await this.prisma.$transaction(
      async (tx): Promise<'DONE' | 'UNDELIVERABLE' | SmsRefused | RunAgainAt | Claimed> => {
        const text = await this.texts.lockForSend(tx, smsId, now, gateway.orderWaitMs);
        if (!text || (text.status !== 'PENDING' && text.status !== 'SENDING')) return 'DONE';
        // Another sender's try in flight (a stalled job run again while the first still works).
        if (text.status === 'SENDING' && text.claimedAt && now.getTime() - text.claimedAt.getTime() < leaseMs) return new RunAgainAt(new Date(text.claimedAt.getTime() + leaseMs), `return text ${smsId} not sent yet: IN_FLIGHT another try of this text is in flight`);
        if (text.earlierPending && !lastTry) return new SmsRefused('WAITING', 'an earlier text of this return is not sent yet');
        const phone = text.phone ? mobileDigits(text.phone) : null;
        const template = templateFor(gateway.templates, text.locale, text.step as Parameters<typeof templateFor>[2]);
        if (!phone) {
          await this.texts.markRefused(tx, text.id, { template, error: 'the order has no mobile number to text', requestId: null, status: 'UNDELIVERABLE' });
          return 'UNDELIVERABLE';
        }
        await this.texts.claim(tx, text.id, now, template);
        return { phone, template, orderNo: text.orderNo, params: text.params, previousClaim: text.status === 'SENDING' ? text.claimedAt ?? now : null };
      },
      { maxWait: 10_000, timeout: 10_000 },
    );
    if (claimed === 'DONE' || claimed === 'UNDELIVERABLE') return claimed;
    // Its lease over, the next run asks the gateway's records (without spending a try of the job).
    if (claimed instanceof RunAgainAt) throw claimed;
    if (claimed instanceof SmsRefused) throw new Error(`return text ${smsId} not sent yet: ${claimed.code} ${claimed.message}`);

    const settle = async (outcome: Parameters<ReturnSmsRepository['settleClaim']>[2]) => {
      if (!(await this.texts.settleClaim(smsId, now, outcome))) this.log.warn(`return text ${smsId}: its claim of ${now.toISOString()} was taken over before ${outcome.status} could be recorded`);
    };
    // A try whose outcome was never recorded: the gateway's records say whether it went out.
    if (claimed.previousClaim) {
      let found: Awaited<ReturnType<SmsGateway['findSent']>>;
      try {
        found = await gateway.sms.findSent({ phone: claimed.phone, outId: smsId, days: [smsSendDay(claimed.previousClaim), smsSendDay(now)] });
      } catch (e) {
        return this.refused(smsId, e, lastTry, settle);
      }
      if (found) {
        await settle({ status: 'SENT', at: claimed.previousClaim, ...found, note: 'sent by an earlier try whose answer was not recorded (found by OutId in the gateway’s send records)' });
        return 'SENT';
      }
      // Not in the records yet, which trail the sends: asked again later (without spending the job's tries), from that try's time.
      const next = afterRecordsMiss(claimed.previousClaim, now, gateway.recordsLagMs);
      if (!next.send) {
        const why = `not in the gateway’s send records yet; asked again before sending (the try at ${claimed.previousClaim.toISOString()} may have sent it)`;
        await settle({ status: 'SENDING', error: `RECORDS_LAG: ${why}`, requestId: null, claimedAt: claimed.previousClaim });
        throw new RunAgainAt(next.askAt, `return text ${smsId} not sent yet: RECORDS_LAG ${why}`);
      }
    }
    try {
      const sent = await gateway.sms.deliver({ phone: claimed.phone, template: claimed.template, params: { order: claimed.orderNo, ...claimed.params }, outId: smsId });
      await settle({ status: 'SENT', at: now, ...sent });
      return 'SENT';
    } catch (e) {
      return this.refused(smsId, e, lastTry, settle);
    }
  }

  /** The gateway refused or did not answer: recorded, and the job retried (FAILED after its last try). */
  private async refused(smsId: string, e: unknown, lastTry: boolean, settle: (outcome: Parameters<ReturnSmsRepository['settleClaim']>[2]) => Promise<void>): Promise<never> {
    const refused = e instanceof SmsRefused ? e : new SmsRefused('ERROR', (e as Error).message);
    // A timeout or a garbled answer may hide a text the gateway took: it stays SENDING, and the next try asks first.
    const unknown = SMS_OUTCOME_UNKNOWN.has(refused.code);
    await settle({ status: lastTry ? 'FAILED' : unknown ? 'SENDING' : 'PENDING', error: `${refused.code}: ${refused.message}`, requestId: refused.requestId });
    this.log.warn(`return text ${smsId} refused by the SMS gateway (${refused.code})${lastTry ? ': FAILED' : '; retried'}`);
    throw new Error(`the SMS gateway refused return text ${smsId}: ${refused.code} ${refused.message}`);
  }
}

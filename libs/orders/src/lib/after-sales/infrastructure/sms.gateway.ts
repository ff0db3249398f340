import { createHmac, randomUUID } from 'node:crypto';

/**
 * The notification gateway for text messages to shoppers' phones: Alibaba Cloud SMS
 * (Dysms) SendSms in its wire format, an RPC call (Action=SendSms, Version=2017-05-25) POSTed
 * as a form to the endpoint, signed with the AccessKey secret (signature version 1.0,
 * HMAC-SHA1 over the sorted, percent-encoded parameters), answered as JSON with Code "OK" and
 * the message's BizId. The message itself is a template the SMS console approved
 * (SMS_TEMPLATE_GUEST_CODE, signed SMS_SIGN_NAME) filled with its parameters.
 */
export const SMS_GATEWAY = Symbol('SMS_GATEWAY');

export interface SmsMessage {
  /** A Chinese mobile number, its 11 digits. */
  phone: string;
  template: string;
  params: Record<string, string>;
  /** Our own id of the message (Aliyun's OutId, echoed in its delivery receipts). */
  outId?: string;
}

/** What the gateway answered a message it accepted: its BizId and the call's RequestId. */
export interface SmsSent {
  messageId: string;
  requestId: string | null;
}

export interface SmsGateway {
  /** The approved templates' codes. */
  readonly templates: { guestCode: string };
  /** Sends the message; its id at the gateway (BizId). Throws SmsRefused when the gateway says no, or when it cannot be reached. */
  send(message: SmsMessage): Promise<string>;
  /** As send, answering the call's RequestId too (kept with a return's text). */
  deliver(message: SmsMessage): Promise<SmsSent>;
  /**
   * The message sent to `phone` with this OutId on one of these days (yyyyMMdd, Beijing time),
   * as the gateway's send records have it (Aliyun's QuerySendDetails), or null when it has none:
   * whether a send whose answer was lost went out. Throws SmsRefused when it cannot tell.
   */
  findSent(query: { phone: string; outId: string; days: readonly string[] }): Promise<SmsSent | null>;
}

/** SmsRefused codes that leave the outcome unknown: the gateway may have taken the message. */
export const SMS_OUTCOME_UNKNOWN = new Set(['UNREACHABLE', 'BAD_ANSWER']);

/** A day as the SMS gateway's send records are kept: yyyyMMdd in Beijing time. */
export function smsSendDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

export class SmsRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The refusing call's RequestId, when the gateway answered one. */
    readonly requestId: string | null = null,
  ) {
    super(message);
  }
}

export interface SmsConfig {
  /** SMS_GATEWAY_URL: https://dysmsapi.aliyuncs.com in production. */
  url: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** The template of the guest's one-time code: `${code}` and `${minutes}`. */
  guestCodeTemplate: string;
  timeoutMs: number;
}

/** The notification gateway's settings production needs (the API and the worker both refuse to start without them). */
export const SMS_SETTINGS = ['SMS_GATEWAY_URL', 'SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_GUEST_CODE'] as const;

/** In production, every one of these settings must be set: one error naming all that are not (`also`: a process's own ones). */
export function assertSmsSettings(env: NodeJS.ProcessEnv, also: readonly string[] = []): void {
  if (env['NODE_ENV'] !== 'production') return;
  const missing = [...SMS_SETTINGS, ...also].filter((name) => !env[name]);
  if (missing.length) throw new Error(`${missing.join(', ')} must be set in production (the SMS gateway's settings: ${[...SMS_SETTINGS, ...also].join(', ')})`);
}

/** Development defaults match the dev sandbox `npm start` runs (scripts/dev-gateways.ts --sms). */
export function smsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmsConfig {
  assertSmsSettings(env);
  const need = (name: string, dev: string) => env[name] || dev;
  return {
    url: need('SMS_GATEWAY_URL', 'http://127.0.0.1:4050').replace(/\/+$/, ''),
    accessKeyId: need('SMS_ACCESS_KEY_ID', 'sms-dev-key'),
    accessKeySecret: need('SMS_ACCESS_KEY_SECRET', 'sms-dev-secret'),
    signName: need('SMS_SIGN_NAME', 'Vitrine'),
    guestCodeTemplate: need('SMS_TEMPLATE_GUEST_CODE', 'SMS_000000001'),
    timeoutMs: Number(env['SMS_TIMEOUT_MS'] ?? 5_000),
  };
}

/** RFC 3986 percent-encoding as Alibaba Cloud's RPC signature wants it (also ! ' ( ) *). */
export function rpcEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Signature 1.0 of an RPC request: base64(HMAC-SHA1(secret + '&', METHOD&%2F&encode(sorted query))). */
export function rpcSignature(method: string, params: Record<string, string>, accessKeySecret: string): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${rpcEncode(k)}=${rpcEncode(params[k]!)}`)
    .join('&');
  return createHmac('sha1', `${accessKeySecret}&`).update(`${method}&${rpcEncode('/')}&${rpcEncode(canonical)}`).digest('base64');
}

export class AliyunSmsGateway implements SmsGateway {
  readonly templates: { guestCode: string };

  constructor(private readonly config: SmsConfig) {
    this.templates = { guestCode: config.guestCodeTemplate };
  }

  async send(message: SmsMessage): Promise<string> {
    return (await this.deliver(message)).messageId;
  }

  async deliver(message: SmsMessage): Promise<SmsSent> {
    const body = await this.call('SendSms', {
      PhoneNumbers: message.phone,
      SignName: this.config.signName,
      TemplateCode: message.template,
      TemplateParam: JSON.stringify(message.params),
      ...(message.outId ? { OutId: message.outId } : {}),
    });
    if (!body.BizId) throw new SmsRefused('BAD_ANSWER', 'SMS gateway answered OK without a BizId', body.RequestId ?? null);
    return { messageId: body.BizId, requestId: body.RequestId ?? null };
  }

  async findSent(query: { phone: string; outId: string; days: readonly string[] }): Promise<SmsSent | null> {
    for (const day of new Set(query.days)) {
      // At most 50 a page; a phone gets a handful of texts a day from us.
      for (let page = 1; page <= 20; page++) {
        const body = await this.call('QuerySendDetails', { PhoneNumber: query.phone, SendDate: day, PageSize: '50', CurrentPage: String(page) });
        const rows = body.SmsSendDetailDTOs?.SmsSendDetailDTO ?? [];
        const hit = rows.find((r) => r.OutId === query.outId);
        // QuerySendDetails gives no BizId per record: the OutId (our id) identifies the message; keep the query's RequestId.
        if (hit) return { messageId: hit.BizId ?? `out:${query.outId}`, requestId: body.RequestId ?? null };
        if (rows.length < 50 || page * 50 >= Number(body.TotalCount ?? 0)) break;
      }
    }
    return null;
  }

  /** One RPC call (signature 1.0), its JSON answer when Code is OK; SmsRefused otherwise. */
  private async call(action: 'SendSms' | 'QuerySendDetails', fields: Record<string, string>): Promise<AliyunAnswer> {
    const params: Record<string, string> = {
      AccessKeyId: this.config.accessKeyId,
      Action: action,
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
      ...fields,
    };
    params['Signature'] = rpcSignature('POST', params, this.config.accessKeySecret);
    let res: Response;
    try {
      res = await fetch(`${this.config.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Object.entries(params)
          .map(([k, v]) => `${rpcEncode(k)}=${rpcEncode(v)}`)
          .join('&'),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      throw new SmsRefused('UNREACHABLE', `SMS gateway unreachable or too slow: ${(error as Error).message}`);
    }
    const text = await res.text().catch(() => '');
    let body: AliyunAnswer;
    try {
      body = JSON.parse(text) as AliyunAnswer;
    } catch {
      // A proxy's error page, or an answer cut short: the gateway may or may not have taken it.
      throw new SmsRefused(res.status >= 500 || res.ok ? 'BAD_ANSWER' : `HTTP_${res.status}`, `SMS gateway answered ${res.status} without JSON`);
    }
    if (body.Code !== 'OK') throw new SmsRefused(body.Code ?? `HTTP_${res.status}`, body.Message ?? 'refused', body.RequestId ?? null);
    return body;
  }
}

/** The JSON Dysms answers (SendSms; QuerySendDetails' records, each with its OutId). */
interface AliyunAnswer {
  Code?: string;
  Message?: string;
  BizId?: string;
  RequestId?: string;
  TotalCount?: number | string;
  SmsSendDetailDTOs?: { SmsSendDetailDTO?: { OutId?: string; BizId?: string; PhoneNum?: string; SendStatus?: number; TemplateCode?: string }[] };
}

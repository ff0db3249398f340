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

/** Development defaults match the dev sandbox `npm start` runs (scripts/dev-gateways.ts --sms). */
export function smsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmsConfig {
  const production = env['NODE_ENV'] === 'production';
  const need = (name: string, dev: string) => {
    const v = env[name];
    if (v) return v;
    if (production) throw new Error(`${name} must be set in production`);
    return dev;
  };
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
    const params: Record<string, string> = {
      AccessKeyId: this.config.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: message.phone,
      RegionId: 'cn-hangzhou',
      SignName: this.config.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      TemplateCode: message.template,
      TemplateParam: JSON.stringify(message.params),
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    if (message.outId) params['OutId'] = message.outId;
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
    let body: { Code?: string; Message?: string; BizId?: string; RequestId?: string };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new SmsRefused(`HTTP_${res.status}`, `SMS gateway answered ${res.status} without JSON`);
    }
    if (body.Code !== 'OK' || !body.BizId) throw new SmsRefused(body.Code ?? `HTTP_${res.status}`, body.Message ?? 'refused', body.RequestId ?? null);
    return { messageId: body.BizId, requestId: body.RequestId ?? null };
  }
}

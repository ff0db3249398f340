import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEV_RETURN_SMS_TEMPLATES } from '../../libs/orders/src/lib/after-sales/domain/return-sms';
import { rpcSignature } from '../../libs/orders/src/lib/after-sales/infrastructure/sms.gateway';

/**
 * A loopback stand-in for Alibaba Cloud SMS (Dysms), for tests, benchmarks and `npm start`'s
 * dev sandbox: the SendSms RPC call in its wire format (a form POSTed to `/`, Action=SendSms,
 * Version=2017-05-25, signature 1.0 HMAC-SHA1 checked against the AccessKey secret, Timestamp
 * within 15 minutes, a nonce used once), answered as Dysms answers: `{"Code":"OK","BizId",…}`,
 * or its error codes (SignatureDoesNotMatch, InvalidAccessKeyId.NotFound,
 * isv.MOBILE_NUMBER_ILLEGAL, isv.SMS_TEMPLATE_ILLEGAL, SignatureNonceUsed). Messages sent are kept
 * (newest last) so a test reads the code a shopper would have read on their phone. It can be
 * told to refuse the next sends (isv.BUSINESS_LIMIT_CONTROL), or to take the next sends and hold
 * their answers (a sender that dies or times out before the answer). QuerySendDetails answers the
 * messages sent to a phone on a day (yyyyMMdd, Beijing time) with their OutId, 50 a page, as Dysms
 * does. Like Dysms, SendSms does not refuse an OutId it has seen: `duplicateOutIds` counts them, so
 * a test sees a text sent twice. Approved templates: the guest code's and the return steps'
 * (`returnTemplates`, the dev codes by default).
 */
export interface SentSms {
  bizId: string;
  phone: string;
  signName: string;
  template: string;
  params: Record<string, string>;
  /** OutId, when the sender gave one. */
  outId: string | null;
  /** The answer's RequestId. */
  requestId: string;
  at: Date;
}

export class SmsLoopback {
  readonly url: string;
  readonly sent: SentSms[] = [];
  readonly stats = { calls: 0, refused: 0 };
  /** QuerySendDetails leaves out messages sent less than this long ago (ms): Dysms' records trail its sends. */
  recordsLagMs = 0;
  private readonly nonces = new Set<string>();
  private failures = 0;
  private holds = 0;
  private readonly held: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    readonly accessKeyId: string,
    readonly accessKeySecret: string,
    readonly template: string,
    private readonly onSend: (m: SentSms) => void,
    private readonly approved: ReadonlySet<string>,
  ) {
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  /** `onSend`: told each message sent (the dev sandbox prints it: the developer's phone). */
  static async start(options: { port?: number; accessKeyId?: string; accessKeySecret?: string; template?: string; returnTemplates?: readonly string[]; onSend?: (m: SentSms) => void } = {}): Promise<SmsLoopback> {
    let loopback: SmsLoopback | null = null;
    const server = createServer((req, res) => void loopback!.handle(req, res));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', resolve));
    const template = options.template ?? 'SMS_000000001';
    const returns = options.returnTemplates ?? Object.values(DEV_RETURN_SMS_TEMPLATES).flatMap((steps) => Object.values(steps));
    loopback = new SmsLoopback(server, options.accessKeyId ?? 'sms-test-key', options.accessKeySecret ?? `sms-test-secret-${randomBytes(8).toString('hex')}`, template, options.onSend ?? (() => undefined), new Set([template, ...returns]));
    return loopback;
  }

  /** What the API needs to send through this loopback. */
  get env(): Record<string, string> {
    return { SMS_GATEWAY_URL: this.url, SMS_ACCESS_KEY_ID: this.accessKeyId, SMS_ACCESS_KEY_SECRET: this.accessKeySecret, SMS_SIGN_NAME: 'Vitrine', SMS_TEMPLATE_GUEST_CODE: this.template };
  }

  /** The next `n` sends are refused as over the gateway's flow control. */
  refuseNext(n = 1): void {
    this.failures += n;
  }

  /** The next `n` sends are taken (kept as sent) but their answers held until release() or close(). */
  holdNext(n = 1): void {
    this.holds += n;
  }

  /** Answers the held sends. */
  release(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  /** OutIds that came with more than one message taken (a text sent twice). */
  get duplicateOutIds(): string[] {
    const seen = new Map<string, number>();
    for (const m of this.sent) if (m.outId) seen.set(m.outId, (seen.get(m.outId) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  }

  /** The messages sent to this phone (its 11 digits), oldest first. */
  to(phone: string): SentSms[] {
    return this.sent.filter((m) => m.phone === phone);
  }

  close(): Promise<void> {
    this.held.splice(0);
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
    res.end(JSON.stringify({ RequestId: randomBytes(16).toString('hex').toUpperCase(), ...body }));
  }

  /** The messages sent with this template, oldest first. */
  withTemplate(template: string): SentSms[] {
    return this.sent.filter((m) => m.template === template);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.stats.calls++;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const refuse = (status: number, code: string, message: string) => {
      this.stats.refused++;
      this.answer(res, status, { Code: code, Message: message });
    };
    if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return refuse(400, 'MissingParameter', 'POST a form');
    const params: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) params[k] = v;
    const action = params['Action'];
    const mandatory = action === 'QuerySendDetails' ? ['PhoneNumber', 'SendDate', 'PageSize', 'CurrentPage'] : ['PhoneNumbers', 'SignName', 'TemplateCode'];
    for (const k of ['AccessKeyId', 'Action', ...mandatory, 'Signature', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version']) {
      if (!params[k]) return refuse(400, 'MissingParameter', `${k} is mandatory for this action.`);
    }
    if ((action !== 'SendSms' && action !== 'QuerySendDetails') || params['Version'] !== '2017-05-25') return refuse(400, 'InvalidAction.NotFound', 'Specified api is not found');
    if (params['AccessKeyId'] !== this.accessKeyId) return refuse(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    if (params['SignatureMethod'] !== 'HMAC-SHA1' || params['SignatureVersion'] !== '1.0') return refuse(400, 'InvalidSignatureMethod', 'Specified signature method is not supported.');
    if (rpcSignature('POST', params, this.accessKeySecret) !== params['Signature']) return refuse(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
    const at = Date.parse(params['Timestamp']!);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(params['Timestamp']!) || Number.isNaN(at) || Math.abs(Date.now() - at) > 15 * 60_000) return refuse(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    if (this.nonces.has(params['SignatureNonce']!)) return refuse(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    this.nonces.add(params['SignatureNonce']!);
    if (action === 'QuerySendDetails') return this.querySendDetails(res, params);
    if (!/^1[3-9][0-9]{9}$/.test(params['PhoneNumbers']!)) return refuse(200, 'isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
    if (!this.approved.has(params['TemplateCode']!)) return refuse(200, 'isv.SMS_TEMPLATE_ILLEGAL', '模板不合法(不存在或被拉黑)');
    let templateParams: Record<string, string> = {};
    try {
      templateParams = params['TemplateParam'] ? (JSON.parse(params['TemplateParam']) as Record<string, string>) : {};
    } catch {
      return refuse(200, 'isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
    }
    if (this.failures > 0) {
      this.failures--;
      return refuse(200, 'isv.BUSINESS_LIMIT_CONTROL', '业务限流');
    }
    const bizId = `${Date.now()}^${randomBytes(6).toString('hex')}`;
    const requestId = randomBytes(16).toString('hex').toUpperCase();
    const message = { bizId, phone: params['PhoneNumbers']!, signName: params['SignName']!, template: params['TemplateCode']!, params: templateParams, outId: params['OutId'] ?? null, requestId, at: new Date() };
    this.sent.push(message);
    this.onSend(message);
    const answer = () => this.answer(res, 200, { RequestId: requestId, Code: 'OK', Message: 'OK', BizId: bizId });
    if (this.holds > 0) {
      this.holds--;
      this.held.push(answer);
      return;
    }
    answer();
  }

  /** Dysms' QuerySendDetails: the phone's messages of that day (Beijing time), a page of them, each with its OutId. */
  private querySendDetails(res: ServerResponse, params: Record<string, string>): void {
    const refuse = (code: string, message: string) => {
      this.stats.refused++;
      this.answer(res, 200, { Code: code, Message: message });
    };
    if (!/^\d{8}$/.test(params['SendDate']!)) return refuse('isv.PARAM_NOT_SUPPORT_URL', 'SendDate must be yyyyMMdd');
    const size = Number(params['PageSize']);
    const page = Number(params['CurrentPage']);
    if (!Number.isInteger(size) || size < 1 || size > 50 || !Number.isInteger(page) || page < 1) return refuse('isv.INVALID_PARAMETERS', 'PageSize is 1 to 50, CurrentPage from 1');
    const beijing = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString();
    const day = (d: Date) => beijing(d).slice(0, 10).replace(/-/g, '');
    const recorded = Date.now() - this.recordsLagMs;
    const rows = this.sent.filter((m) => m.phone === params['PhoneNumber'] && day(m.at) === params['SendDate'] && (!params['BizId'] || m.bizId === params['BizId']) && m.at.getTime() <= recorded);
    this.answer(res, 200, {
      Code: 'OK',
      Message: 'OK',
      TotalCount: rows.length,
      SmsSendDetailDTOs: {
        SmsSendDetailDTO: rows.slice((page - 1) * size, page * size).map((m) => ({
          PhoneNum: m.phone,
          SendStatus: 3,
          ErrCode: 'DELIVERED',
          TemplateCode: m.template,
          Content: `【${m.signName}】${JSON.stringify(m.params)}`,
          SendDate: beijing(m.at).slice(0, 19).replace('T', ' '),
          ReceiveDate: beijing(m.at).slice(0, 19).replace('T', ' '),
          OutId: m.outId ?? '',
        })),
      },
    });
  }
}

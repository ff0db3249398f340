import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * One request to a partner's HTTP API (customs, the payment companies, the carrier) on
 * node:http with kept-alive connections. The worker sends one such request per order to the
 * payment company and a few per batch to customs and the carrier; `fetch` (undici) costs
 * several times the CPU of node:http per request, its AbortSignal timeout included
 * (docs/performance.md, bench:pipeline).
 */
export interface HttpAnswer {
  status: number;
  ok: boolean;
  text: string;
}

/**
 * Why an exchange gave no answer. `phase`: 'request' when the connection failed or no answer
 * began in time, 'body' when the answer was cut short. `timedOut`: the deadline passed.
 * `socketCode`: the socket error's code (ECONNREFUSED, ECONNRESET…); the message names it in words only.
 */
export class HttpExchangeError extends Error {
  constructor(
    message: string,
    readonly phase: 'request' | 'body',
    readonly timedOut: boolean,
    readonly socketCode?: string,
  ) {
    super(message);
    this.name = timedOut ? 'TimeoutError' : 'HttpExchangeError';
    // `socketCode`, not `code`: the job runner would take the gateways' wrapped errors for transient ones by it.
  }
}

/**
 * A socket error in words, without its code: the gateways put this text in their own errors,
 * whose messages the job runner reads for transient codes; these keep the classification they
 * had when fetch answered every socket error with "fetch failed".
 */
const SOCKET_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
};
const socketFailure = (code: string | undefined): string => (code && SOCKET_FAILURES[code]) || 'network error';

/**
 * Connections kept open and reused; idle ones close after the remote's keep-alive hint. No cap
 * on connections per host (as fetch): requests never queue here behind a slow remote's answers.
 */
const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

/**
 * Sends `body` (if any) to `url` and reads the whole answer as UTF-8 text, within `timeoutMs`
 * from the start to the answer's last byte. Never rejects with anything but HttpExchangeError.
 */
export function httpExchange(url: string | URL, init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; timeoutMs: number }): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = typeof url === 'string' ? new URL(url) : url;
    } catch (error) {
      reject(new HttpExchangeError(`not a URL: ${(error as Error).message}`, 'request', false));
      return;
    }
    const https = target.protocol === 'https:';
    const headers: Record<string, string | number> = { ...init.headers };
    if (init.body !== undefined) headers['content-length'] = Buffer.byteLength(init.body);
    let phase: 'request' | 'body' = 'request';
    let done = false;
    const fail = (error: HttpExchangeError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(error);
    };
    const req = (https ? httpsRequest : httpRequest)(
      target,
      { method: init.method, headers, agent: https ? httpsAgent : httpAgent },
      (res: IncomingMessage) => {
        phase = 'body';
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error: NodeJS.ErrnoException) => fail(new HttpExchangeError(`the answer was cut short (${socketFailure(error.code)})`, 'body', false, error.code)));
        // Closed before its end: cut short. (Every answer closes once read: no error built then.)
        res.on('close', () => {
          if (!done) fail(new HttpExchangeError('the connection closed before the whole answer came', 'body', false, 'ECONNRESET'));
        });
        res.on('end', () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          const status = res.statusCode ?? 0;
          resolve({ status, ok: status >= 200 && status < 300, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    const timer = setTimeout(() => {
      fail(new HttpExchangeError(`no ${phase === 'request' ? 'answer' : 'whole answer'} within ${init.timeoutMs} ms`, phase, true));
      req.destroy();
    }, init.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => fail(new HttpExchangeError(`request failed (${socketFailure(error.code)})`, phase, false, error.code)));
    req.end(init.body);
  });
}

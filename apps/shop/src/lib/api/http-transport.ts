// The product page's GraphQL request over node:http with kept-alive connections (issue 17,
// bench:shop). fetch (undici) builds WHATWG Request, Headers, Response, an AbortSignal and a
// web stream for every call: about a tenth of the shop's CPU per product page in a profile of
// `next start`. Same request, same answers and errors as transport.ts's postGraphql. Only for
// the Pages Router's product page (ADR 0027): the App Router's pages keep fetch, which Next
// instruments (a no-store fetch is what makes a page dynamic there).
import http from 'node:http';
import https from 'node:https';
import { apiUrl } from './config';
import { ShopApiError } from './errors';
import type { GqlResponse, Transport } from './transport';

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

let target: { url: string; parsed: URL } | null = null;

/** The API's endpoint, parsed once (API_URL does not change while the shop runs; re-read if it does). */
function endpoint(): URL {
  const url = apiUrl();
  if (target?.url !== url) target = { url, parsed: new URL(url) };
  return target.parsed;
}

/** The raw answer: data and errors side by side (as postGraphql). */
export function postGraphqlHttp<T>(query: string, variables: Record<string, unknown>, transport: Transport): Promise<GqlResponse<T>> {
  const url = endpoint();
  const secure = url.protocol === 'https:';
  const body = JSON.stringify({ query, variables });
  const headers: Record<string, string | number> = { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body) };
  if (transport.forwardedFor) headers['x-forwarded-for'] = transport.forwardedFor;
  if (transport.accessToken) headers['authorization'] = `Bearer ${transport.accessToken}`;
  return new Promise<GqlResponse<T>>((resolve, reject) => {
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done();
    };
    const unreachable = (error: unknown) => settle(() => reject(new ShopApiError('SERVICE_UNAVAILABLE', `API unreachable: ${String(error)}`)));
    const req = (secure ? https : http).request(
      { protocol: url.protocol, hostname: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'POST', headers, agent: agents[secure ? 'https:' : 'http:'] },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', unreachable);
        res.on('aborted', () => unreachable('the answer was cut off'));
        res.on('end', () => {
          let parsed: { data?: T | null; errors?: GqlResponse<T>['errors'] };
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof parsed;
          } catch {
            const status = res.statusCode ?? 0;
            settle(() => reject(new ShopApiError(status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', `API answered ${status} without JSON`)));
            return;
          }
          settle(() => resolve({ data: parsed?.data ?? null, errors: parsed?.errors ?? [] }));
        });
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${transport.timeoutMs ?? 15_000} ms`)), transport.timeoutMs ?? 15_000);
    req.on('error', unreachable);
    req.end(body);
  });
}

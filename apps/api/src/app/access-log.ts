import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import pinoHttp, { type HttpLogger } from 'pino-http';

/** A caller's request id is kept when it looks like one (a proxy's or the shop's), else one is made. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

type LoggedRequest = IncomingMessage & { id?: unknown; body?: unknown; originalUrl?: string };

/** The GraphQL operation a request names (POST body or GET query string), if any. */
export function operationNameOf(req: LoggedRequest): string | undefined {
  const body = req.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const name = (body as { operationName?: unknown }).operationName;
    if (typeof name === 'string' && name) return name.slice(0, 100);
  }
  const url = req.originalUrl ?? req.url ?? '';
  const q = url.indexOf('?');
  if (q >= 0) {
    const name = new URLSearchParams(url.slice(q + 1)).get('operationName');
    if (name) return name.slice(0, 100);
  }
  return undefined;
}

function pathOf(req: LoggedRequest): string {
  const url = req.originalUrl ?? req.url ?? '';
  const q = url.indexOf('?');
  return q >= 0 ? url.slice(0, q) : url;
}

/**
 * One access-log line per request: method, path, GraphQL operation, status, duration and request
 * id. No headers, no query string, no body (they may carry tokens or personal data); the request
 * id is echoed in `X-Request-Id` so a shopper's report can be found in the log.
 */
export function accessLog(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    autoLogging: { ignore: (req) => req.url === '/health' || req.url?.startsWith('/health/') === true },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customSuccessObject: (req, res, value: { responseTime?: number }) => line(req as LoggedRequest, res, value.responseTime),
    customErrorObject: (req, res, err, value: { responseTime?: number }) => ({ ...line(req as LoggedRequest, res, value.responseTime), error: err.message }),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
  });
}

function line(req: LoggedRequest, res: ServerResponse, ms: number | undefined) {
  return { method: req.method, path: pathOf(req), operation: operationNameOf(req), status: res.statusCode, ms };
}

import express, { type Response } from 'express';

/** Content types Apollo answers with that Express's res.send would leave as they are (its setCharset rewrites nothing). */
const UNCHANGED_BY_EXPRESS = new Set(['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8']);
const expressSend = express.response.send;

/**
 * Express's res.send for the string answers Apollo gives to POST `path`, without its per-answer
 * work that such an answer never uses (issue 18, addCartLine's API CPU): the ETag (a SHA-1 of
 * the whole body, and a Buffer copy of it to hash) and the freshness check against the
 * request's conditional headers: a POST is never answered 304 (`req.fresh` is false for any
 * method but GET and HEAD), so its ETag serves no cache. The charset rewrite is skipped only for
 * content types it would not change. The same status, body, Content-Type and Content-Length as
 * before; anything else (another content type, a 204/205/304, a Buffer, GET requests, other
 * paths) goes through Express's own res.send.
 *
 * Installed once on the application's response prototype (`app.response`, which Express gives
 * every response of this app), not by a middleware setting an own `res.send` on each request:
 * one router layer and one property write less per request.
 */
export function graphqlSend(app: { response: object }, path: string): void {
  Object.defineProperty(app.response, 'send', {
    configurable: true,
    enumerable: true,
    writable: true,
    value: function send(this: Response, body?: unknown): Response {
      const req = this.req;
      return req.method === 'POST' && pathOf(req.originalUrl) === path ? sendAnswer.call(this, body) : expressSend.call(this, body);
    },
  });
}

/**
 * The path the client asked for: `originalUrl` without its query. (`req.path` is relative to
 * the mount point by the time Apollo answers: Nest mounts it with `app.use('/graphql', …)`.)
 */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

function sendAnswer(this: Response, body?: unknown): Response {
  const status = this.statusCode;
  if (
    typeof body !== 'string' ||
    status === 204 ||
    status === 205 ||
    status === 304 ||
    !UNCHANGED_BY_EXPRESS.has(this.getHeader('content-type') as string) ||
    this.getHeader('transfer-encoding') !== undefined
  ) {
    return expressSend.call(this, body);
  }
  this.setHeader('Content-Length', String(Buffer.byteLength(body, 'utf8')));
  this.end(body, 'utf8');
  return this;
}

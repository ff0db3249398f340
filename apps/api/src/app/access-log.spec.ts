import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { accessLog } from './access-log';

function appWithLog() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  const app = express();
  app.use(accessLog(pino({ level: 'info' }, sink)));
  app.use(express.json());
  app.post('/graphql', (_req, res) => res.json({ data: {} }));
  app.get('/graphql', (_req, res) => res.json({ data: {} }));
  app.get('/boom', (_req, res) => res.status(503).json({}));
  app.get('/health', (_req, res) => res.json({ ok: true }));
  return { app, lines };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('access log', () => {
  it('writes one short line per request: method, path, operation, status, duration, request id; no headers', async () => {
    const { app, lines } = appWithLog();
    const res = await request(app)
      .post('/graphql?token=secret')
      .set('authorization', 'Bearer abc.def.ghi')
      .set('cookie', 'session=xyz')
      .set('x-request-id', 'shop-req-12345678')
      .send({ operationName: 'ProductPage', query: 'query ProductPage { x }', variables: { residentId: '11010519491231002X' } });
    await settle();
    expect(res.headers['x-request-id']).toBe('shop-req-12345678');
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', operation: 'ProductPage', status: 200, reqId: 'shop-req-12345678', msg: 'request' });
    expect(typeof line['ms']).toBe('number');
    const text = JSON.stringify(line);
    for (const secret of ['abc.def.ghi', 'session=xyz', 'secret', '11010519491231002X', 'user-agent', 'headers']) expect(text).not.toContain(secret);
    expect(text.length).toBeLessThan(300);
  });

  it('makes a request id when none (or a malformed one) is given, reads GET operation names, logs failures and skips /health', async () => {
    const { app, lines } = appWithLog();
    const a = await request(app).get('/graphql?operationName=Storefronts&query=%7Bx%7D').set('x-request-id', 'bad id <script>');
    const b = await request(app).get('/boom');
    await request(app).get('/health');
    await settle();
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ method: 'GET', path: '/graphql', operation: 'Storefronts', status: 200, reqId: a.headers['x-request-id'] });
    expect(lines[1]).toMatchObject({ method: 'GET', path: '/boom', status: 503, msg: 'request failed', reqId: b.headers['x-request-id'] });
  });
});

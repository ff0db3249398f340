import express from 'express';
import request from 'supertest';
import { publicHttpCache } from './public-http-cache';
import { ShopWindowCaches } from '@vitrine/shared/data-access';

/**
 * The micro-cache against a stand-in for the API: each POST /graphql answers the "catalogue" as it
 * is when the handler runs, marked public, after `gate` (so a test can hold a request mid-flight).
 */
function shopWindow() {
  const caches = new ShopWindowCaches();
  let catalogue = 'old';
  let gate: Promise<void> = Promise.resolve();
  let onRead: (() => void) | null = null;
  const app = express();
  app.use(publicHttpCache({ ttlSeconds: 30, path: '/graphql', caches }));
  app.post('/graphql', (_req, res) => {
    // The database read happens now; the answer is written once the gate opens.
    const read = catalogue;
    onRead?.();
    void gate.then(() => res.setHeader('cache-control', 'public, max-age=30').json({ data: { name: read } }));
  });
  return {
    app,
    caches,
    set: (value: string) => (catalogue = value),
    /** Resolves when the next request has read the catalogue (the handler ran). */
    nextRead: () => new Promise<void>((r) => (onRead = r)),
    hold: () => {
      let open!: () => void;
      gate = new Promise((r) => (open = r));
      return () => {
        gate = Promise.resolve();
        open();
      };
    },
  };
}

const ask = (app: express.Express) => request(app).post('/graphql').set('content-type', 'application/json').send({ query: '{ product(id: "1") { name } }' });

describe('public HTTP micro-cache', () => {
  it('replays an anonymous answer until the shop window is cleared', async () => {
    const w = shopWindow();
    expect((await ask(w.app)).headers['x-cache']).toBeUndefined();
    w.set('new');
    const hit = await ask(w.app);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.body.data.name).toBe('old');
    w.caches.clearAll();
    expect((await ask(w.app)).body.data.name).toBe('new');
  });

  it('does not store an answer read before a clear and written after it (a change committed meanwhile)', async () => {
    const w = shopWindow();
    const open = w.hold();
    const read = w.nextRead();
    const inFlight = ask(w.app).then((r) => r);
    // Once the request has read the catalogue (not after a fixed sleep, which a busy machine can outlast).
    await read;
    // The manager's change commits and the purge arrives while that answer is still being written.
    w.set('new');
    w.caches.clearAll();
    open();
    expect((await inFlight).body.data.name).toBe('old');
    const next = await ask(w.app);
    expect(next.headers['x-cache']).toBeUndefined();
    expect(next.body.data.name).toBe('new');
    expect((await ask(w.app)).headers['x-cache']).toBe('HIT');
  });

  it('neither stores nor replays a lone mutation (issue 18)', async () => {
    const w = shopWindow();
    const mutate = () => request(w.app).post('/graphql').set('content-type', 'application/json').send({ query: '\n  mutation($i: CartLineInput!) { addCartLine(input: $i) { cartToken } }', variables: { i: { quantity: 1 } } });
    expect((await mutate()).body.data.name).toBe('old');
    w.set('new');
    const again = await mutate();
    expect(again.headers['x-cache']).toBeUndefined();
    expect(again.body.data.name).toBe('new');
    // Named among several operations: the normal path (here the stand-in marks it public).
    const named = () => request(w.app).post('/graphql').set('content-type', 'application/json').send({ query: 'mutation M { a } query Q { b }', operationName: 'Q' });
    await named();
    expect((await named()).headers['x-cache']).toBe('HIT');
  });
});

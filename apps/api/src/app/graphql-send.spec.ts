import express from 'express';
import request from 'supertest';
import { graphqlSend } from './graphql-send';

/** An answer sent as Apollo's Express integration sends it: its headers set, then res.send(string). */
function app(lean: boolean, contentType: string, status = 200) {
  const a = express();
  if (lean) graphqlSend(a, '/graphql');
  a.all(['/graphql', '/other'], (_req, res) => {
    res.setHeader('content-type', contentType);
    res.statusCode = status;
    res.send(JSON.stringify({ data: { addCartLine: { cartToken: 'tök€n', cart: { id: 'c1' } } } }));
  });
  return a;
}

const without = (h: Record<string, unknown>, ...names: string[]) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'date' && !names.includes(k)));

describe('graphqlSend', () => {
  it.each(['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8'])(
    'answers a POST as Express does (status, body, %s, Content-Length of the UTF-8 bytes), without the ETag',
    async (type) => {
      for (const status of [200, 400]) {
        const viaExpress = await request(app(false, type, status)).post('/graphql').send({});
        const lean = await request(app(true, type, status)).post('/graphql').send({});
        expect(viaExpress.headers['etag']).toBeTruthy();
        expect(lean.headers['etag']).toBeUndefined();
        expect(lean.status).toBe(status);
        expect(lean.text).toBe(viaExpress.text);
        expect(without(lean.headers)).toEqual(without(viaExpress.headers, 'etag'));
        expect(Number(lean.headers['content-length'])).toBe(Buffer.byteLength(viaExpress.text));
      }
    },
  );

  it('leaves GET requests, other paths and content types Express would rewrite to Express (ETag, charset, 304)', async () => {
    const get = await request(app(true, 'application/json; charset=utf-8')).get('/graphql');
    expect(get.headers['etag']).toBeTruthy();
    const conditional = await request(app(true, 'application/json; charset=utf-8')).get('/graphql').set('if-none-match', get.headers['etag'] as string);
    expect(conditional.status).toBe(304);
    const rewritten = await request(app(true, 'application/json; callbackSpec=1.0; charset=utf-8')).post('/graphql').send({});
    expect(rewritten.headers['content-type']).toBe('application/json; callbackspec=1.0; charset=utf-8');
    expect(rewritten.headers['etag']).toBeTruthy();
    const otherPath = await request(app(true, 'application/json; charset=utf-8')).post('/other').send({});
    expect(otherPath.headers['etag']).toBeTruthy();
  });

  it('answers lean from a handler mounted at the path, as Nest mounts Apollo (app.use(path, …)), with or without a query string', async () => {
    const a = express();
    graphqlSend(a, '/graphql');
    a.use('/graphql', (_req, res) => {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.send('{"data":{}}');
    });
    for (const url of ['/graphql', '/graphql?x=1']) {
      const lean = await request(a).post(url).send({});
      expect(lean.text).toBe('{"data":{}}');
      expect(lean.headers['etag']).toBeUndefined();
      expect(lean.headers['content-length']).toBe('11');
    }
    const elsewhere = await request(a).post('/graphqlx').send({});
    expect(elsewhere.status).toBe(404);
  });

  it('changes only the application it is installed on', async () => {
    graphqlSend(express(), '/graphql');
    const other = await request(app(false, 'application/json; charset=utf-8')).post('/graphql').send({});
    expect(other.headers['etag']).toBeTruthy();
  });
});

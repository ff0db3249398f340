import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { staticHeaders } from './static-headers';

const options = { crossOriginEmbedderPolicy: false } as const;

function app(headers: express.RequestHandler) {
  const a = express();
  a.use(headers);
  a.post('/graphql', (_req, res) => res.json({ ok: true }));
  return a;
}

describe('staticHeaders', () => {
  it('sets exactly the headers helmet sets (create-app.ts options), and removes X-Powered-By', async () => {
    const strip = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'date' && k !== 'etag'));
    const viaHelmet = await request(app(helmet(options))).post('/graphql').send({});
    const viaStatic = await request(app(staticHeaders(helmet(options)) as express.RequestHandler)).post('/graphql').send({});
    expect(strip(viaStatic.headers)).toEqual(strip(viaHelmet.headers));
    expect(viaStatic.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(viaStatic.headers['x-powered-by']).toBeUndefined();
  });

  it('sets the same headers through `set`, from a middleware doing other work', async () => {
    const strip = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'date' && k !== 'etag'));
    const headers = staticHeaders(helmet(options));
    const viaHelmet = await request(app(helmet(options))).post('/graphql').send({});
    const viaSet = await request(
      app((_req, res, next) => {
        headers.set(res);
        next();
      }),
    )
      .post('/graphql')
      .send({});
    expect(strip(viaSet.headers)).toEqual(strip(viaHelmet.headers));
  });
});

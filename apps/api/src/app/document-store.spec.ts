import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { DOCUMENT_BYTES_PER_CHAR, documentBytes, documentStore } from './document-store';

const query = (i: number) => `query Q${i} { hello(name: "${'x'.repeat(200)}") }`;

describe('documentStore: parsed and validated documents bounded by their estimated heap bytes', () => {
  it('estimates a document from its text at the measured bytes per character', () => {
    const doc = parse(query(1));
    expect(documentBytes(doc)).toBe(query(1).length * DOCUMENT_BYTES_PER_CHAR + 512);
    // Without a location (a document built elsewhere): five times its JSON.
    const bare = parse(query(1), { noLocation: true });
    expect(documentBytes(bare)).toBe(5 * Buffer.byteLength(JSON.stringify(bare)) + 512);
  });

  it('keeps the most recently used documents within its bound in bytes, whatever their number', async () => {
    const perDoc = documentBytes(parse(query(10)));
    const store = documentStore(perDoc * 5 + perDoc / 2);
    for (let i = 10; i < 30; i++) await store.set(`k${i}`, parse(query(i)));
    expect(store.size).toBe(5);
    expect(store.bytes).toBeLessThanOrEqual(perDoc * 5 + perDoc / 2);
    expect(await store.get('k10')).toBeUndefined();
    expect((await store.get('k29'))?.loc?.source.body).toBe(query(29));
    // Read last, kept first: k25 survives one more insertion, k26 does not.
    await store.get('k25');
    await store.set('k30', parse(query(30)));
    expect(await store.get('k25')).toBeDefined();
    expect(await store.get('k26')).toBeUndefined();
    // A document larger than the whole bound is not kept.
    await store.set('huge', parse(`query H { hello(name: "${'y'.repeat(perDoc)}") }`));
    expect(await store.get('huge')).toBeUndefined();
    expect(store.bytes).toBeLessThanOrEqual(perDoc * 5 + perDoc / 2);
  });

  it('spares Apollo the parse and validation of a repeated operation', async () => {
    let parsed = 0;
    let validated = 0;
    const server = new ApolloServer({
      typeDefs: 'type Query { hello(name: String): String }',
      resolvers: { Query: { hello: (_: unknown, args: { name: string }) => `hi ${args.name.length}` } },
      documentStore: documentStore(),
      plugins: [{ async requestDidStart() { return { async parsingDidStart() { parsed++; }, async validationDidStart() { validated++; } }; } }],
    });
    await server.start();
    try {
      for (let i = 0; i < 3; i++) {
        const res = await server.executeOperation({ query: query(1) });
        expect(res.body.kind === 'single' && res.body.singleResult.data).toEqual({ hello: 'hi 200' });
      }
      await server.executeOperation({ query: query(2) });
      expect({ parsed, validated }).toEqual({ parsed: 2, validated: 2 });
    } finally {
      await server.stop();
    }
  });
});

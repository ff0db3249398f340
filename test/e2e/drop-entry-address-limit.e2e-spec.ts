import http from 'node:http';
import { randomInt } from 'node:crypto';
import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';

const CREATE = `mutation($i: CreateDropInput!) { createDrop(input: $i) { id } }`;
const JOIN = `mutation($i: JoinDropInput!) { joinDrop(input: $i) { id status position } }`;
const PER_ADDRESS = 3;

/** One GraphQL request from a chosen loopback address (127.0.0.0/8 is all loopback on Linux): the API sees it as the socket's peer. */
function postFrom(baseUrl: string, localAddress: string, query: string, variables: Record<string, unknown>, token: string): Promise<{ errors?: { extensions: Record<string, unknown> }[]; data?: any }> {
  const { hostname, port } = new URL(baseUrl);
  const payload = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: hostname, port, path: '/graphql', method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Issue 22, bots: entries to a drop are limited per client address too (DROP_ENTRY_ADDRESS_RATE_LIMIT
 * a minute), so many accounts behind one address are slowed, not only one account's retries. Each
 * account here is new and joins once, so only the address can refuse it; another address still gets in.
 */
describe('drop entries per client address', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  // Addresses of this run only, so no other suite's counters meet these.
  const crowded = `127.${randomInt(100, 250)}.${randomInt(1, 250)}.7`;
  const elsewhere = `127.${randomInt(100, 250)}.${randomInt(1, 250)}.8`;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi({ DROP_ENTRY_ADDRESS_RATE_LIMIT: String(PER_ADDRESS), DROP_ENTRY_RATE_LIMIT: '5' }));
    void stripe;
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [8_900], stock: 20 });
  }, 120_000);
  afterAll(async () => {
    await close?.();
    delete process.env['DROP_ENTRY_ADDRESS_RATE_LIMIT'];
    delete process.env['DROP_ENTRY_RATE_LIMIT'];
  });

  it('refuses the entry past the limit from one address, whatever the account, writing nothing; another address still enters', async () => {
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const created: any = await api.gql(
      CREATE,
      { i: { variantId: shop.variants[0]!.id, mode: 'QUEUE', startsAt: new Date(Date.now() + 3_600_000).toISOString(), editionSize: 10, perIdentityLimit: 1, payWindowMinutes: 5 } },
      manager,
    );
    expect(created.errors).toBeUndefined();
    const dropId = created.data.createDrop.id;
    const accounts = await Promise.all(Array.from({ length: PER_ADDRESS + 2 }, async () => api.login((await createUser(api.db.prisma, 'SHOPPER')).email)));
    const join = (i: number, from: string) => postFrom(api.baseUrl, from, JOIN, { i: { dropId, residentId: residentId(81_000 + i) } }, accounts[i]!);

    const answers = [];
    for (let i = 0; i <= PER_ADDRESS; i++) answers.push(await join(i, crowded));
    expect(answers.slice(0, PER_ADDRESS).map((a) => [a.errors, a.data?.joinDrop?.status])).toEqual(Array(PER_ADDRESS).fill([undefined, 'WAITING']));
    expect(answers[PER_ADDRESS]!.errors?.[0]?.extensions['code']).toBe('THROTTLED');
    // The refused account wrote no entry.
    expect(await api.db.prisma.dropEntry.count({ where: { dropId } })).toBe(PER_ADDRESS);

    const other = await join(PER_ADDRESS + 1, elsewhere);
    expect(other.errors).toBeUndefined();
    expect(other.data.joinDrop).toMatchObject({ status: 'WAITING' });
    expect(await api.db.prisma.dropEntry.count({ where: { dropId } })).toBe(PER_ADDRESS + 1);
  }, 120_000);
});

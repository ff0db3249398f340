import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TokenService } from '@vitrine/identity';
import { createUser } from '@vitrine/shared/testing';
import { createApp } from '../../apps/api/src/app/create-app';
import type { ApiHarness, GqlResult } from '../support/api-harness';
import { PLACE_ORDER, placeOrderInput, residentId } from '../support/checkout-fixtures';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { openSse, type SseClient, type SseEvent } from '../support/sse-client';
import type { StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(180_000);

const CREATE = `mutation($i: CreateDropInput!) { createDrop(input: $i) { id status } }`;
const JOIN = `mutation($i: JoinDropInput!) { joinDrop(input: $i) { id status } }`;
const TOKEN = `query($id: ID!) { drop(id: $id) { id myStreamToken myEntry { id } } }`;
const CANCEL = `mutation($i: CancelDropInput!) { cancelDrop(input: $i) { id status } }`;
const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.['code'] as string | undefined;

/**
 * The drop page's update stream (issue 22, ADR 0024): GET /drops/:id/events on two API processes
 * sharing Redis, with the real worker running the drops' timetable. Every page gets the drop's
 * frames (status, remaining units, sold out, the draw's close and revealed seed); a page opened
 * with a shopper's token also gets that shopper's entry (place, turn and its end, draw result)
 * and never another shopper's. Changes arrive within a second of the worker's tick or the
 * checkout that made them.
 */
describe('drop page stream: SSE across two API processes, per-shopper entries', () => {
  let h: PipelineHarness;
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let second: NestExpressApplication;
  let secondUrl: string;
  let manager: string;
  const streams: SseClient[] = [];
  const tokens = new TokenService({ secret: process.env['JWT_SECRET']!, accessTtlSeconds: 3_600, refreshTtlSeconds: 3_600 });

  beforeAll(async () => {
    h = await startPipeline('drop-stream', { apiEnv: { DROP_STREAM_POLL_MS: '200', DROP_ENTRY_ADDRESS_RATE_LIMIT: '1000000' }, shop: { prices: [8_900, 2_500, 3_000], stock: 50 }, worker: { DROPS_TICK_MS: '250' } });
    ({ api, stripe } = h);
    second = await createApp();
    await second.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}`;
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [h.shop.museumId] })).email);
  }, 180_000);
  afterAll(async () => {
    for (const s of streams) s.close();
    await second?.close();
    await h?.close();
  });

  /** Shopper accounts with an open cart of one unit of the variant, signed access tokens, and resident IDs. */
  async function shoppers(n: number, variantId: string, firstId: number) {
    const out: { id: string; cartId: string; token: string; residentId: string }[] = [];
    for (let i = 0; i < n; i++) {
      const u = await createUser(api.db.prisma, 'SHOPPER');
      const cartId = randomUUID();
      await api.db.prisma.$executeRaw`INSERT INTO carts (id, user_id, open_user_id) VALUES (${cartId}::uuid, ${u.id}::uuid, ${u.id}::uuid)`;
      await api.db.prisma.$executeRaw`INSERT INTO cart_items (id, cart_id, variant_id, quantity) VALUES (gen_random_uuid(), ${cartId}::uuid, ${variantId}::uuid, 1)`;
      out.push({ id: u.id, cartId, token: tokens.signAccess({ userId: u.id, role: 'SHOPPER', museumIds: [], brandId: null }), residentId: residentId(firstId + i) });
    }
    return out;
  }
  const streamToken = async (dropId: string, token: string | null) => ((await api.gql(TOKEN, { id: dropId }, token)) as any).data.drop.myStreamToken as string | null;
  const open = async (base: string, dropId: string, token?: string | null) => {
    const s = await openSse(`${base}/drops/${dropId}/events${token ? `?token=${encodeURIComponent(token)}` : ''}`);
    streams.push(s);
    return s;
  };
  const status = async (url: string) => (await fetch(url, { headers: { accept: 'text/event-stream' } })).status;
  const entryOf = (dropId: string, userId: string) => api.db.prisma.dropEntry.findFirstOrThrow({ where: { dropId, userId } });
  /** The newest drop frame matching `match` (waits for it). */
  const dropFrame = (s: SseClient, match: (d: any) => boolean, timeoutMs = 10_000) => s.next((e) => e.event === 'drop' && match(e.data.drop), timeoutMs);
  const entryFrame = (s: SseClient, match: (e: any) => boolean, timeoutMs = 10_000) => s.next((e) => e.event === 'entry' && e.data.entry && match(e.data.entry), timeoutMs);
  const pay = async (intent: string) => expect(await stripe.deliver(api.baseUrl, stripe.succeed(intent))).toBe(200);
  /** ms between a DB timestamp and a frame's arrival (wall clock of this process, which the API and worker share). */
  const lag = (e: SseEvent, at: Date) => e.data.serverTime ? Date.now() - (performance.now() - e.at) - at.getTime() : NaN;
  /**
   * When this process first sees `check` true in the database (polled every 20 ms): the moment a
   * change is visible to everyone, i.e. committed. The rows' own timestamps (admitted_at, ended_at)
   * are taken before their transaction's COMMIT, which a loaded machine can delay by seconds.
   */
  const seenCommitted = async (what: string, check: () => Promise<boolean>) => {
    for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (await check()) return new Date();
    throw new Error(`${what} not committed within 30 s`);
  };

  it('a queue drop: place, admission with its pay window, remaining units and the sold-out moment reach every page within a second; each shopper sees only their own entry', async () => {
    const variantId = h.shop.variants[0]!.id;
    const created: any = await api.gql(
      CREATE,
      { i: { variantId, mode: 'QUEUE', startsAt: new Date(Date.now() + 3_600_000).toISOString(), editionSize: 2, perIdentityLimit: 1, payWindowMinutes: 3 } },
      manager,
    );
    expect(created.errors).toBeUndefined();
    const dropId: string = created.data.createDrop.id;
    const [a, b, c] = await shoppers(3, variantId, 81_000);
    for (const s of [a!, b!, c!]) expect(codeOf(await api.gql(JOIN, { i: { dropId, residentId: s.residentId } }, s.token))).toBeUndefined();

    // Tokens: only for the signed-in caller; anonymous answers null.
    expect(await streamToken(dropId, null)).toBeNull();
    const [ta, tb, tc] = [await streamToken(dropId, a!.token), await streamToken(dropId, b!.token), await streamToken(dropId, c!.token)];
    // Two anonymous pages (one per API process) and each shopper's page, spread over both processes.
    const anon1 = await open(api.baseUrl, dropId);
    const anon2 = await open(secondUrl, dropId);
    const pa = await open(api.baseUrl, dropId, ta);
    const pb = await open(secondUrl, dropId, tb);
    const pc = await open(secondUrl, dropId, tc);
    for (const s of [anon1, anon2, pa, pb, pc]) expect((await dropFrame(s, (d) => d.status === 'SCHEDULED')).data.drop).toMatchObject({ dropId, mode: 'QUEUE', editionSize: 2, remaining: 2, waiting: 3, soldOut: false });
    for (const [s, who] of [
      [pa, a!],
      [pb, b!],
      [pc, c!],
    ] as const)
      expect((await entryFrame(s, () => true)).data.entry).toMatchObject({ id: (await entryOf(dropId, who.id)).id, status: 'WAITING', placeInQueue: null, drawResult: null });

    // The start (brought forward): the worker shuffles the queue and gives 2 turns; every page hears it.
    await api.db.prisma.drop.update({ where: { id: dropId }, data: { startsAt: new Date() } });
    // (Frames are recorded with their arrival time as they come, whatever is awaited meanwhile.)
    const admittedSeenAt = await seenCommitted('the admissions', async () => (await api.db.prisma.dropEntry.count({ where: { dropId, status: 'ADMITTED' } })) === 2);
    for (const s of [anon1, anon2, pa, pb, pc]) await dropFrame(s, (d) => d.status === 'ALLOCATING', 15_000);
    const admitted = await api.db.prisma.dropEntry.findMany({ where: { dropId, status: 'ADMITTED' } });
    expect(admitted).toHaveLength(2);
    const pageOf = new Map([
      [a!.id, { page: pa, shopper: a! }],
      [b!.id, { page: pb, shopper: b! }],
      [c!.id, { page: pc, shopper: c! }],
    ]);
    const lags: number[] = [];
    for (const e of admitted) {
      const got = await entryFrame(pageOf.get(e.userId)!.page, (x) => x.status === 'ADMITTED');
      // The pay window's end, to the millisecond the worker wrote.
      expect(got.data.entry).toMatchObject({ id: e.id, turnEndsAt: e.turnEndsAt!.toISOString(), placeInQueue: null });
      lags.push(lag(got, admittedSeenAt));
    }
    const waiter = await api.db.prisma.dropEntry.findFirstOrThrow({ where: { dropId, status: 'WAITING' } });
    expect((await entryFrame(pageOf.get(waiter.userId)!.page, (x) => x.status === 'WAITING' && x.placeInQueue !== null)).data.entry).toMatchObject({ id: waiter.id, placeInQueue: 1 });
    // Within a second of the tick that admitted them, from its COMMIT as seen here (admitted_at is
    // the tick's start, before its COMMIT).
    console.info(`drop page stream: admissions on the pages ${lags.map((l) => l.toFixed(0)).join(' / ')} ms after they were seen committed`);
    expect(Math.max(...lags)).toBeLessThan(1_000);

    // Tenancy: a page carries its own shopper's entry and nothing of anyone else's; anonymous pages carry no entry.
    for (const [userId, { page }] of pageOf) {
      const own = (await entryOf(dropId, userId)).id;
      expect(page.events.filter((e) => e.event === 'entry').map((e) => e.data.entry?.id)).toEqual(expect.arrayContaining([own]));
      expect(new Set(page.events.filter((e) => e.event === 'entry').map((e) => e.data.entry?.id))).toEqual(new Set([own]));
      expect(page.events.some((e) => JSON.stringify(e.data).includes(userId) && e.event !== 'entry')).toBe(false);
    }
    for (const s of [anon1, anon2]) expect(s.events.filter((e) => e.event === 'entry')).toEqual([]);
    // Another shopper's token, another drop's, a forged one: refused before any frame.
    const other: any = await api.gql(
      CREATE,
      { i: { variantId: h.shop.variants[1]!.id, mode: 'QUEUE', startsAt: new Date(Date.now() + 3_600_000).toISOString(), editionSize: 1, perIdentityLimit: 1, payWindowMinutes: 3 } },
      manager,
    );
    expect(await status(`${api.baseUrl}/drops/${other.data.createDrop.id}/events?token=${encodeURIComponent(ta!)}`)).toBe(401);
    const [userPart, expires, signature] = ta!.split('.');
    expect(await status(`${secondUrl}/drops/${dropId}/events?token=${encodeURIComponent(`${b!.id}.${expires}.${signature}`)}`)).toBe(401);
    expect(await status(`${secondUrl}/drops/${dropId}/events?token=${encodeURIComponent(`${userPart}.${Number(expires) + 3_600}.${signature}`)}`)).toBe(401);
    expect(await status(`${api.baseUrl}/drops/${randomUUID()}/events`)).toBe(404);

    // The two admitted check out: the remaining units fall to 0 (sold out: held) on every page, through either process.
    const intents: string[] = [];
    for (const e of admitted) {
      const s = pageOf.get(e.userId)!.shopper;
      const r: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(s.cartId, `stream-${s.id}`, { id: s.residentId }) }, s.token);
      expect(r.errors).toBeUndefined();
      intents.push(r.data.placeOrder.payment.paymentIntentId);
    }
    for (const s of [anon1, anon2, pa, pb, pc]) expect((await dropFrame(s, (d) => d.remaining === 0)).data.drop.soldOut).toBe(true);

    // Both pay: the drop ends sold out; the moment is on every page, the waiting shopper is told they were not selected.
    for (const i of intents) await pay(i);
    const endedSeenAt = await seenCommitted('the drop’s end', async () => (await api.db.prisma.drop.findUniqueOrThrow({ where: { id: dropId } })).status === 'ENDED');
    const endLags: number[] = [];
    for (const s of [anon1, anon2, pa, pb, pc]) {
      const ended = await dropFrame(s, (d) => d.status === 'ENDED', 20_000);
      const row = await api.db.prisma.drop.findUniqueOrThrow({ where: { id: dropId } });
      expect(ended.data.drop).toMatchObject({ soldOut: true, soldOutAt: row.endedAt!.toISOString(), remaining: 0, waiting: 0 });
      endLags.push(lag(ended, endedSeenAt));
    }
    console.info(`drop page stream: the end on the pages ${endLags.map((l) => l.toFixed(0)).join(' / ')} ms after it was seen committed`);
    expect(Math.max(...endLags)).toBeLessThan(1_000);
    expect((await entryFrame(pageOf.get(waiter.userId)!.page, (x) => x.status === 'NOT_SELECTED')).data.entry.id).toBe(waiter.id);
    for (const e of admitted) await entryFrame(pageOf.get(e.userId)!.page, (x) => x.status === 'PAID');
  });

  it('a draw: registration close time, the revealed seed, won / waitlist / promoted / not won, each to its own shopper; a cancelled drop ends its streams', async () => {
    const variantId = h.shop.variants[2]!.id;
    const startsAt = new Date(Date.now() + 3_600_000);
    const closes = new Date(startsAt.getTime() + 3_600_000);
    const created: any = await api.gql(
      CREATE,
      { i: { variantId, mode: 'DRAW', startsAt: startsAt.toISOString(), registrationClosesAt: closes.toISOString(), editionSize: 1, perIdentityLimit: 1, payWindowMinutes: 3 } },
      manager,
    );
    expect(created.errors).toBeUndefined();
    const dropId: string = created.data.createDrop.id;
    const people = await shoppers(3, variantId, 82_000);
    const anon = await open(api.baseUrl, dropId);
    expect((await dropFrame(anon, (d) => d.status === 'SCHEDULED')).data.drop).toMatchObject({ mode: 'DRAW', registrationClosesAt: closes.toISOString(), seed: null, seedHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    // Registration opens (brought forward): the page hears it; three register.
    await api.db.prisma.drop.update({ where: { id: dropId }, data: { startsAt: new Date() } });
    await dropFrame(anon, (d) => d.status === 'REGISTRATION', 15_000);
    for (const p of people) expect(codeOf(await api.gql(JOIN, { i: { dropId, residentId: p.residentId } }, p.token))).toBeUndefined();
    const pages = await Promise.all(people.map(async (p, i) => open(i % 2 ? secondUrl : api.baseUrl, dropId, await streamToken(dropId, p.token))));
    for (const page of pages) expect((await entryFrame(page, () => true)).data.entry).toMatchObject({ status: 'WAITING', drawResult: 'PENDING' });
    await dropFrame(anon, (d) => d.waiting === 3);

    // Registration closes (brought forward): the draw runs; the seed is revealed on every page, one winner, two on the waitlist.
    await api.db.prisma.drop.update({ where: { id: dropId }, data: { registrationClosesAt: new Date() } });
    const drawn = await dropFrame(anon, (d) => d.seed !== null, 15_000);
    const row = await api.db.prisma.drop.findUniqueOrThrow({ where: { id: dropId } });
    expect(drawn.data.drop).toMatchObject({ status: 'ALLOCATING', seed: row.seed, drawCount: 3, drawnAt: row.drawnAt!.toISOString() });
    for (const page of pages) expect((await dropFrame(page, (d) => d.seed !== null)).data.drop.seed).toBe(row.seed);
    const results = await Promise.all(pages.map(async (page) => (await entryFrame(page, (x) => x.drawResult !== 'PENDING')).data.entry));
    expect(results.map((r) => r.drawResult).sort()).toEqual(['WAITLIST', 'WAITLIST', 'WON']);
    const winner = results.findIndex((r) => r.drawResult === 'WON');
    expect(results[winner]).toMatchObject({ status: 'ADMITTED', turnEndsAt: expect.any(String) });

    // The winner lets the turn pass: the next drawn is promoted from the waitlist, on their page only.
    await api.db.prisma.dropEntry.updateMany({ where: { dropId, userId: people[winner]!.id }, data: { turnEndsAt: new Date() } });
    const promoted = await Promise.race(pages.map((page, i) => entryFrame(page, (x) => x.drawResult === 'PROMOTED', 20_000).then((e) => ({ i, e }))));
    expect(promoted.i).not.toBe(winner);
    expect(promoted.e.data.entry).toMatchObject({ status: 'ADMITTED', turnEndsAt: expect.any(String) });
    await entryFrame(pages[winner]!, (x) => x.status === 'EXPIRED');
    const third = [0, 1, 2].find((i) => i !== winner && i !== promoted.i)!;
    expect(pages[third]!.events.some((e) => e.event === 'entry' && e.data.entry?.drawResult === 'PROMOTED')).toBe(false);
    expect(pages[winner]!.events.some((e) => e.event === 'entry' && e.data.entry?.drawResult === 'PROMOTED')).toBe(false);

    // The manager cancels: pages are told and their streams end; the stream is then NOT_FOUND.
    expect(((await api.gql(CANCEL, { i: { dropId } }, manager)) as any).data.cancelDrop.status).toBe('CANCELLED');
    for (const page of [anon, ...pages]) await page.next((e) => e.event === 'cancelled');
    expect(await status(`${secondUrl}/drops/${dropId}/events`)).toBe(404);
    // The third shopper, still on the waitlist, leaves with the drop.
    expect((await entryOf(dropId, people[third]!.id)).status).toBe('CANCELLED');
  });
});

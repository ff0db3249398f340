import { TokenService } from '@vitrine/identity';
import { PrivateRedisCluster, createUser } from '@vitrine/shared/testing';
import { Redis } from 'ioredis';
import { gqlAt, type GqlResult } from './api-harness';
import { PLACE_ORDER, placeOrderInput, residentId } from './checkout-fixtures';
import { bulkShoppers, pool, tally, type BulkShopper } from './drop-fixtures';
import { startPipeline, type PipelineHarness } from './pipeline-harness';
import { startApiProcess, type SpawnedProcess } from './spawn-api';

const CREATE = `mutation($i: CreateDropInput!) { createDrop(input: $i) { id status startsAt editionSize perIdentityLimit } }`;
const JOIN = `mutation($i: JoinDropInput!) { joinDrop(input: $i) { id status } }`;

const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.['code'] as string | undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const EDITION = 30;
const LIMIT = 2;
/** Shoppers with distinct identities, and accounts reusing the first TWINS of those identities. */
const PEOPLE = 120;
const TWINS = 16;
const idOf = (i: number) => residentId(80_000 + i);

/**
 * Issue 23: a queue drop sold through two real API processes (apps/api/src/main.ts each, one
 * PostgreSQL, one Redis, the real worker giving turns). Both processes read their list of drop
 * variants just before the drop is created through one of them: the other, which may not know of
 * it for up to 5 s (DropVariants), must refuse its variant outside a turn all the same (the
 * database's order_lines_drop_turn trigger). From the start, the whole crowd sends its checkout
 * to both processes at once (two idempotency keys), then the shoppers admitted since (and a few
 * others) again, until the drop ends.
 */
export function describeDropOverTwoApiProcesses(title: string, options: { cluster?: boolean } = {}): void {
  describe(title, () => {
    let h: PipelineHarness;
    let cluster: PrivateRedisCluster | undefined;
    const apis: { url: string; proc: SpawnedProcess }[] = [];
    let manager: string;
    const tokens = new TokenService({
      secret: process.env['JWT_SECRET']!,
      accessTtlSeconds: 3_600,
      refreshTtlSeconds: 3_600,
    });

    beforeAll(async () => {
      // On a cluster the in-process API, the worker and both API processes (which inherit this
      // process's environment) all take their Redis clients from REDIS_CLUSTER_NODES.
      if (options.cluster) cluster = await PrivateRedisCluster.start(3);
      const clusterEnv: Record<string, string> = cluster ? { REDIS_CLUSTER_NODES: cluster.nodes } : {};
      h = await startPipeline(options.cluster ? 'drop-two-apis-cluster' : 'drop-two-apis', {
        apiEnv: { DROP_ENTRY_ADDRESS_RATE_LIMIT: '1000000', ...clusterEnv },
        shop: { prices: [8_900, 2_500], stock: 1_000 },
        worker: { DROPS_TICK_MS: '250' },
      });
      const env = {
        DATABASE_URL: h.api.db.url,
        QUEUE_PREFIX: h.prefix,
        DROP_ENTRY_ADDRESS_RATE_LIMIT: '1000000',
        DATABASE_POOL_SIZE: '8',
        ...h.stripe.env,
        ...clusterEnv,
      };
      const started = await Promise.allSettled([startApiProcess(env), startApiProcess(env)]);
      for (const s of started) if (s.status === 'fulfilled') apis.push(s.value);
      for (const s of started) if (s.status === 'rejected') throw s.reason;
      manager = await h.api.login(
        (await createUser(h.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [h.shop.museumId] })).email,
      );
    }, 180_000);
    afterAll(async () => {
      for (const api of apis) await api.proc.stop();
      await h?.close();
      await cluster?.stop();
    });

    it('sells exactly its edition, never more than the limit per identity, whichever process each checkout reaches', async () => {
      const prisma = h.api.db.prisma;
      const variantId = h.shop.variants[0]!.id;
      const [a, b] = apis as [(typeof apis)[0], (typeof apis)[0]];

      // Every 10th asks for 3 (over the limit), every 4th for 1, the others for 2.
      const people = await bulkShoppers(prisma, tokens, PEOPLE, variantId, (i) =>
        i % 10 === 0 ? 3 : i % 4 === 0 ? 1 : 2,
      );
      const twins = await bulkShoppers(prisma, tokens, TWINS, variantId, 2);
      const [outsider] = await bulkShoppers(prisma, tokens, 1, variantId, 1);
      const warm = await bulkShoppers(prisma, tokens, 2, h.shop.variants[1]!.id, 1);
      // Both processes read their list of drop variants now, before the drop exists.
      for (const [k, api] of apis.entries()) {
        const r = await gqlAt(
          api.url,
          PLACE_ORDER,
          {
            i: placeOrderInput(warm[k]!.cartId, `warm-up-${k}-${warm[k]!.id}`, {
              id: residentId(90_000 + k),
            }),
          },
          warm[k]!.token,
        );
        expect(r.errors).toBeUndefined();
      }

      const created = await gqlAt(
        a.url,
        CREATE,
        {
          i: {
            variantId,
            mode: 'QUEUE',
            startsAt: new Date(Date.now() + 3_600_000).toISOString(),
            editionSize: EDITION,
            perIdentityLimit: LIMIT,
            payWindowMinutes: 1,
          },
        },
        manager,
      );
      expect(created.errors).toBeUndefined();
      const drop = created.data.createDrop;

      // Right after its creation the other process already refuses a checkout of the variant outside a turn.
      expect(
        codeOf(
          await gqlAt(
            b.url,
            PLACE_ORDER,
            { i: placeOrderInput(outsider!.cartId, `outsider-${outsider!.id}`, { id: residentId(91_000) }) },
            outsider!.token,
          ),
        ),
      ).toBe('DROP_NOT_ADMITTED');

      // Everyone joins through one process; an account reusing an identity joins at the same moment through the other.
      const joins = await pool(people, 32, async (s, i) => {
        const mine = gqlAt(apis[i % 2]!.url, JOIN, { i: { dropId: drop.id, residentId: idOf(i) } }, s.token);
        const twin =
          i < TWINS
            ? gqlAt(
                apis[(i + 1) % 2]!.url,
                JOIN,
                { i: { dropId: drop.id, residentId: idOf(i) } },
                twins[i]!.token,
              )
            : null;
        return Promise.all([mine, twin]);
      });
      expect(
        tally(
          joins
            .flat()
            .filter((r): r is GqlResult => r !== null)
            .map(codeOf),
        ),
      ).toEqual({ OK: PEOPLE, DROP_IDENTITY_ALREADY_ENTERED: TWINS });
      const [entries] = await prisma.$queryRaw<{ n: number; identities: number }[]>`
      SELECT count(*)::int AS n, count(DISTINCT identity_hash)::int AS identities FROM drop_entries WHERE drop_id = ${drop.id}::uuid`;
      expect(entries).toEqual({ n: PEOPLE, identities: PEOPLE });

      const accounts: { s: BulkShopper; id: string }[] = [
        ...people.map((s, i) => ({ s, id: idOf(i) })),
        ...twins.map((s, i) => ({ s, id: idOf(i) })),
      ];
      const won = new Map<number, { via: number; intent: string }>();
      const codes: (string | undefined)[] = [];
      /** Answers (an order, or one of the drop's refusals) from each process. */
      const answered = [0, 0];
      let doubles = 0;
      let round = 0;
      /** Each account given (not yet served) sends its checkout to both processes at once (two idempotency keys). */
      const race = (who: (k: number) => boolean) =>
        pool(
          accounts.map((acc, k) => ({ acc, k })).filter(({ k }) => !won.has(k) && who(k)),
          24,
          async ({ acc, k }) => {
            const both = await Promise.all(
              apis.map((api, p) =>
                gqlAt(
                  api.url,
                  PLACE_ORDER,
                  { i: placeOrderInput(acc.s.cartId, `r${round}-${p}-${acc.s.id}`, { id: acc.id }) },
                  acc.s.token,
                ),
              ),
            );
            const ok = both.flatMap((r, p) =>
              r.errors ? [] : [{ p, intent: r.data.placeOrder.payment.paymentIntentId as string }],
            );
            both.forEach((r, p) => {
              if (!r.errors || codeOf(r)) answered[p]!++;
            });
            if (ok.length > 1) doubles++;
            if (ok[0]) won.set(k, { via: ok[0].p, intent: ok[0].intent });
            for (const r of both) if (r.errors) codes.push(codeOf(r));
            // A shopper told the limit, or that fewer units are left, asks for fewer.
            const refused = both.map(codeOf);
            if (!ok.length && refused.includes('DROP_IDENTITY_LIMIT_EXCEEDED'))
              await prisma.cartItem.updateMany({
                where: { cartId: acc.s.cartId },
                data: { quantity: LIMIT },
              });
            else if (!ok.length && refused.includes('DROP_SOLD_OUT'))
              await prisma.cartItem.updateMany({ where: { cartId: acc.s.cartId }, data: { quantity: 1 } });
            return ok[0];
          },
        );

      const pay = async (served: ({ intent: string } | undefined)[]) => {
        for (const w of served)
          if (w) expect(await h.stripe.deliver(h.api.baseUrl, h.stripe.succeed(w.intent))).toBe(200);
      };

      // Before the start: a quarter of the crowd is sold nothing by either process.
      await race((k) => k % 4 === 0);
      expect(won.size).toBe(0);
      expect(tally(codes)).toEqual({ DROP_NOT_ADMITTED: 2 * Math.ceil((PEOPLE + TWINS) / 4) });

      // The start, brought forward to a second from now (the clock is not what this tests); the whole crowd hits both processes at it.
      await prisma.drop.update({ where: { id: drop.id }, data: { startsAt: new Date(Date.now() + 1_000) } });
      await sleep(800);
      await pay(await race(() => true));

      // Then, until the drop ends: the shoppers admitted since (as their drop page tells them) and a few others, on both processes; winners pay.
      const deadline = Date.now() + 60_000;
      const dropStatus = async () => (await prisma.drop.findUniqueOrThrow({ where: { id: drop.id } })).status;
      const userIndex = new Map(accounts.map((acc, k) => [acc.s.id, k]));
      while ((await dropStatus()) !== 'ENDED') {
        if (Date.now() > deadline)
          throw new Error(
            `the drop did not end: ${won.size} served, ${JSON.stringify(tally(codes))}\n${h.worker!.output().slice(-2000)}`,
          );
        round++;
        const admitted = new Set(
          (
            await prisma.dropEntry.findMany({
              where: { dropId: drop.id, status: 'ADMITTED' },
              select: { userId: true },
            })
          ).map((e) => userIndex.get(e.userId)),
        );
        await pay(await race((k) => admitted.has(k) || (k + round) % 17 === 0));
        await sleep(250);
      }

      // The database's own count: exactly the edition, at most the limit per identity, one checkout per account.
      const [sold] = await prisma.$queryRaw<{ units: number; orders: number }[]>`
      SELECT COALESCE(sum(l.quantity), 0)::int AS units, count(DISTINCT o.id)::int AS orders FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE l.variant_id = ${variantId}::uuid AND o.status <> 'CANCELLED'`;
      expect(sold!.units).toBe(EDITION);
      expect(sold!.orders).toBe(won.size);
      expect(doubles).toBe(0);
      const perIdentity = await prisma.$queryRaw<{ units: number }[]>`
      SELECT sum(l.quantity)::int AS units FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE l.variant_id = ${variantId}::uuid AND o.status <> 'CANCELLED' GROUP BY o.identity_id`;
      expect(perIdentity).toHaveLength(won.size);
      expect(Math.max(...perIdentity.map((r) => r.units))).toBeLessThanOrEqual(LIMIT);
      expect((await prisma.drop.findUniqueOrThrow({ where: { id: drop.id } })).claimedUnits).toBe(EDITION);
      expect(await prisma.dropEntry.count({ where: { dropId: drop.id, status: 'PAID' } })).toBe(won.size);
      const level = await prisma.stockLevel.findFirstOrThrow({ where: { variantId } });
      expect(level.onHand - level.reserved).toBe(1_000 - EDITION);
      // The outsider's checkout on the process that did not know of the drop yet left nothing behind.
      expect(await prisma.order.count({ where: { shopperUserId: outsider!.id } })).toBe(0);
      // Both processes took part (which one commits a shopper's pair first is a race: on a loaded
      // machine one may win every pair), and refused the rest only with the drop's own codes.
      const via = tally([...won.values()].map((w) => String(w.via)));
      expect(answered[0]).toBeGreaterThan(0);
      expect(answered[1]).toBeGreaterThan(0);
      expect((via['0'] ?? 0) + (via['1'] ?? 0)).toBe(won.size);
      const refusals = tally(codes);
      // (CART_CLOSED: the other half of a winner's pair, which found the cart already checked out.)
      expect(
        Object.keys(refusals).filter(
          (c) =>
            !['DROP_NOT_ADMITTED', 'DROP_IDENTITY_LIMIT_EXCEEDED', 'DROP_SOLD_OUT', 'CART_CLOSED'].includes(
              c,
            ),
        ),
      ).toEqual([]);
      expect(refusals['CART_CLOSED'] ?? 0).toBeLessThanOrEqual(won.size);
      // Every 10th person asks for 3 (over the limit): none was sold 3, and one who bought 2 had been
      // told the limit (only that refusal lowers a cart to 2). Whether the shuffled queue gives one of
      // them a turn at all is chance (about 1 run in 4 it does not), so the refusal is asserted then.
      const overAskers = people.filter((_, i) => i % 10 === 0).map((s) => s.id);
      const overAskerLines = await prisma.$queryRaw<{ quantity: number }[]>`
      SELECT l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id
       WHERE l.variant_id = ${variantId}::uuid AND o.status <> 'CANCELLED' AND o.shopper_user_id = ANY(${overAskers}::uuid[])`;
      expect(overAskerLines.every((l) => l.quantity <= LIMIT)).toBe(true);
      if (overAskerLines.some((l) => l.quantity === LIMIT)) expect(refusals['DROP_IDENTITY_LIMIT_EXCEEDED'] ?? 0).toBeGreaterThan(0);
      if (cluster) {
        // Everything went through the cluster: its masters hold the queues' and the drop's keys, the single Redis none.
        expect((await cluster.keyCountPerMaster()).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
        const single = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
        try {
          await single.connect();
          expect(await single.keys(`*${h.prefix}*`)).toEqual([]);
        } finally {
          single.disconnect();
        }
      }
      console.log(
        `drop over two API processes${cluster ? ' on a Redis Cluster' : ''}: ${round} rounds, ${won.size} checkouts (${via['0'] ?? 0} via A, ${via['1'] ?? 0} via B; answers ${answered[0]} / ${answered[1]}), refusals ${JSON.stringify(refusals)}`,
      );
    }, 150_000);
  });
}
